import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAdapterError, type Notification } from '@dropship/core';
import type { AdapterManifest } from '@dropship/adapter-sdk';
import { validateOptions } from '@dropship/platform';
import manifest from './index';
import { SentIdCache } from './sent-id-cache';
import { senderAddress, SmtpNotifier } from './smtp-notifier.adapter';
import { SmtpTestServer } from './testing/smtp-test-server';

const FROM = 'Dropship <no-reply@shop.example>';
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function serverWith(opts: ConstructorParameters<typeof SmtpTestServer>[0] = {}): Promise<SmtpTestServer> {
  const s = await new SmtpTestServer(opts).start();
  cleanups.push(() => s.stop());
  return s;
}
function notifierFor(url: string, timeoutMs = 2_000): SmtpNotifier {
  const n = new SmtpNotifier({ url, from: FROM, timeoutMs }, { adapterId: 'mail' });
  cleanups.push(() => n.close());
  return n;
}
const message = (extra: Partial<Notification> = {}): Notification => ({
  id: '0190f1c2-7a3b-8c4d-9e5f-0123456789ab',
  to: { email: 'rita@example.com', name: 'Rita Retail' },
  template: 'order-confirmed',
  subject: 'Order DS-000123 confirmed',
  text: 'Hello',
  html: '<p>Hello</p>',
  ...extra,
});
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('SmtpNotifier against a real SMTP server', () => {
  it('sends From, To with name, a Message-ID derived from the id, and the notification headers', async () => {
    const server = await serverWith();
    await notifierFor(server.url).send(message());
    const [m] = server.messages;
    expect(m?.envelopeFrom).toBe('no-reply@shop.example');
    expect(m?.rcptTo).toEqual(['rita@example.com']);
    expect(m?.headers.get('to')).toBe('Rita Retail <rita@example.com>');
    expect(m?.headers.get('from')).toBe('Dropship <no-reply@shop.example>');
    expect(m?.headers.get('message-id')).toBe('<notify.0190f1c2-7a3b-8c4d-9e5f-0123456789ab@shop.example>');
    expect(m?.headers.get('x-dropship-notification-id')).toBe(message().id);
    expect(m?.headers.get('x-dropship-template')).toBe('order-confirmed');
  });

  it('another process sending the same id produces the same Message-ID (receivers can dedupe)', async () => {
    const server = await serverWith();
    await notifierFor(server.url).send(message());
    await notifierFor(server.url).send(message());
    expect(server.messages).toHaveLength(2); // two processes: the in-process cache cannot help …
    expect(new Set(server.messages.map((m) => m.headers.get('message-id'))).size).toBe(1); // … the Message-ID does
  });

  it('ids that are not Message-ID-safe are hashed into one', () => {
    const n = notifierFor('smtp://127.0.0.1:1');
    expect(n.messageIdFor('notify:evt-1:order confirmed <x>')).toMatch(/^<notify\.[0-9a-f]{40}@shop\.example>$/);
    expect(n.messageIdFor('a b')).toBe(n.messageIdFor('a b'));
  });

  it('server down → retryable ADAPTER.UNAVAILABLE', async () => {
    const err = await failure(notifierFor(`smtp://127.0.0.1:${await closedPort()}`).send(message()));
    expect(isAdapterError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true, adapterId: 'mail' });
    expect((err as Error).message).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
  });

  it('RCPT rejected with 550 → non-retryable NOTIFY.REJECTED; the id is not marked sent', async () => {
    const server = await serverWith({ rejectRcpt: (a) => (a.startsWith('gone@') ? 550 : undefined) });
    const n = notifierFor(server.url);
    const err = await failure(n.send(message({ to: { email: 'gone@example.com' } })));
    expect(isAdapterError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'NOTIFY.REJECTED', retryable: false });
    expect((err as Error).message).toMatch(/rejected the recipient \(550\)/);
    expect(server.messages).toHaveLength(0);
    await n.send(message({ to: { email: 'back@example.com' } }));
    expect(server.messages).toHaveLength(1);
  });

  it('RCPT deferred with 450 → retryable', async () => {
    const server = await serverWith({ rejectRcpt: () => 450 });
    const err = await failure(notifierFor(server.url).send(message()));
    expect(err).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true });
  });

  it('a server that accepts the connection but never greets → bounded, retryable', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    });
    const started = Date.now();
    const err = await failure(notifierFor(`smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, 300).send(message()));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true });
  });

  it('never puts the URL or its credentials into error messages', async () => {
    const err = await failure(notifierFor(`smtp://user:s3cret-pw@127.0.0.1:${await closedPort()}`).send(message()));
    expect((err as Error).message).not.toContain('s3cret-pw');
  });
});

describe('manifest and options', () => {
  const ctx = { id: 'mail', logger: undefined as never, clock: { now: () => new Date() }, dataDir: '/tmp', allowPrivateUrls: true };
  const config = (options: Record<string, unknown>) => ({ id: 'mail', use: manifest.name, options });
  const loaded = manifest as unknown as AdapterManifest;

  it('resolves env:SMTP_URL, applies defaults and marks the url secret', () => {
    const options = validateOptions(config({ url: 'env:SMTP_URL', from: 'Dropship <no-reply@example.com>' }), loaded, { SMTP_URL: 'smtps://u:p@mail.example.com:465' });
    expect(options).toEqual({ url: 'smtps://u:p@mail.example.com:465', from: 'Dropship <no-reply@example.com>', pool: false, timeoutMs: 10_000 });
    expect(manifest.secretOptions).toEqual(['url']);
    expect(manifest.provides).toEqual(['notifier']);
  });

  it.each([
    [{ from: 'a@example.com' }, /url/],
    [{ url: 'smtp://h:25' }, /from/],
    [{ url: 'http://h', from: 'a@example.com' }, /url/],
    [{ url: 'smtp://h:25', from: 'a@example.com', extra: 1 }, /extra/],
    [{ url: 'smtp://h:25', from: 'a@example.com', timeoutMs: 5 }, /timeoutMs/],
  ])('refuses invalid options %j', (options, problem) => {
    expect(() => validateOptions(config(options), loaded, {})).toThrow(problem);
  });

  it('create builds the notifier without I/O; a from without an address is refused', async () => {
    const inst = await manifest.create(ctx as never, { url: 'smtp://127.0.0.1:1', from: FROM, pool: false, timeoutMs: 1000 });
    expect(inst.ports.notifier).toBeInstanceOf(SmtpNotifier);
    await inst.dispose?.();
    await inst.dispose?.();
    expect(() => manifest.create(ctx as never, { url: 'smtp://127.0.0.1:1', from: 'Dropship' })).toThrow(/from must contain a valid address/);
  });

  it('senderAddress reads both forms', () => {
    expect(senderAddress('Dropship <no-reply@example.com>')).toBe('no-reply@example.com');
    expect(senderAddress('no-reply@example.com')).toBe('no-reply@example.com');
    expect(senderAddress('Dropship')).toBeUndefined();
  });
});

describe('SentIdCache', () => {
  it('evicts the least recently used id beyond capacity', () => {
    const c = new SentIdCache(2);
    c.add('a');
    c.add('b');
    expect(c.has('a')).toBe(true); // a is now the most recent
    c.add('c');
    expect([c.has('a'), c.has('b'), c.has('c'), c.size]).toEqual([true, false, true, 2]);
  });
});
