import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAdapterError, NOTIFY_REJECTED } from '@dropship/core';
import type { Notification, Notifier } from '@dropship/core';

/** A message as the receiving side saw it (the SMTP server's DATA, the fake's record, …). */
export interface ReceivedMessage {
  /** Recipient addresses (envelope or To header), lower-cased not required. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** What an implementation hands the Notifier contract suite. */
export interface NotifierContractOptions {
  name: string;
  /** Called before every test: a fresh notifier and a fresh receiving side. */
  setup: () => Promise<{
    notifier: Notifier;
    /** Everything delivered so far, in order. */
    received: () => Promise<ReceivedMessage[]>;
    /** Makes the transport fail (server down); resolves to a function that brings it back. */
    outage: () => Promise<() => Promise<void>>;
    teardown: () => Promise<void>;
  }>;
  /** Multiplies every wait in the suite (networked transports are slower than memory). Default 1. */
  timeScale?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Defines the vitest suite every Notifier implementation must pass. */
export function describeNotifierContract(opts: NotifierContractOptions): void {
  const ms = (n: number) => Math.round(n * (opts.timeScale ?? 1));

  describe(`Notifier contract: ${opts.name}`, () => {
    let notifier: Notifier;
    let received: () => Promise<ReceivedMessage[]>;
    let outage: () => Promise<() => Promise<void>>;
    let teardown: () => Promise<void>;

    beforeEach(async () => {
      ({ notifier, received, outage, teardown } = await opts.setup());
    });
    afterEach(async () => {
      await teardown();
    });

    const message = (extra: Partial<Notification> = {}): Notification => ({
      id: randomUUID(),
      to: { email: `buyer-${randomUUID().slice(0, 8)}@example.com`, name: 'Rita Retail' },
      template: 'contract-test',
      subject: 'Order DS-000123 shipped — ünïcode ✓',
      text: 'Hello Rita,\n\nyour order DS-000123 shipped.\nTrack it: https://t.example/1Z999\n',
      html: '<p>Hello Rita,</p><p>your order <strong>DS-000123</strong> shipped.</p>',
      ...extra,
    });
    /** Waits until `n` messages arrived (delivery may lag the send's resolution), then a bit longer. */
    async function settle(n: number): Promise<ReceivedMessage[]> {
      const deadline = Date.now() + ms(3_000);
      let got = await received();
      while (got.length < n && Date.now() < deadline) {
        await sleep(10);
        got = await received();
      }
      await sleep(ms(50));
      return received();
    }
    async function failure(p: Promise<unknown>): Promise<unknown> {
      return p.then(
        () => {
          throw new Error('expected the send to fail');
        },
        (e: unknown) => e,
      );
    }

    it('delivers subject, text and html to the recipient', async () => {
      const m = message();
      await notifier.send(m);
      const got = await settle(1);
      expect(got).toHaveLength(1);
      const r = got[0]!;
      expect(r.to.map((a) => a.toLowerCase())).toEqual([m.to.email.toLowerCase()]);
      expect(r.subject).toBe(m.subject);
      expect(r.text.replace(/\r\n/g, '\n').trimEnd()).toBe(m.text.trimEnd());
      expect(r.html?.trim()).toBe(m.html);
    });

    it('delivers a text-only message without an html part', async () => {
      const m = message({ html: undefined });
      await notifier.send(m);
      const [r] = await settle(1);
      expect(r?.subject).toBe(m.subject);
      expect(r?.html).toBeUndefined();
    });

    it('delivers the same message id once, sent again sequentially or concurrently', async () => {
      const m = message();
      await notifier.send(m);
      await notifier.send(m);
      await notifier.send({ ...m });
      const n = message();
      await Promise.all([notifier.send(n), notifier.send(n), notifier.send({ ...n })]);
      const got = await settle(2);
      expect(got).toHaveLength(2);
    });

    it('different ids are different messages even with the same content', async () => {
      const m = message();
      await notifier.send(m);
      await notifier.send({ ...m, id: randomUUID() });
      expect(await settle(2)).toHaveLength(2);
    });

    it('a transport failure is a retryable AdapterError, and the same id is delivered once it recovers', async () => {
      const m = message();
      const restore = await outage();
      const err = await failure(notifier.send(m));
      expect(isAdapterError(err)).toBe(true);
      expect(err).toMatchObject({ retryable: true });
      expect(await received()).toHaveLength(0);
      await restore();
      await notifier.send(m);
      await notifier.send(m);
      const got = await settle(1);
      expect(got).toHaveLength(1);
      expect(got[0]?.subject).toBe(m.subject);
    });

    it.each(['not-an-address', 'a@b@example.com', 'ann smith@example.com', 'ann@example.com\r\nBcc: x@example.com', ''])(
      'an invalid address (%j) is a non-retryable NOTIFY.REJECTED AdapterError; nothing is delivered',
      async (email) => {
        const err = await failure(notifier.send(message({ to: { email } })));
        expect(isAdapterError(err)).toBe(true);
        expect(err).toMatchObject({ code: NOTIFY_REJECTED, retryable: false });
        expect(await settle(0)).toHaveLength(0);
      },
    );

    it('a rejected message does not poison its id for a corrected resend', async () => {
      const m = message({ to: { email: 'broken' } });
      await failure(notifier.send(m));
      await notifier.send({ ...m, to: { email: 'fixed@example.com' } });
      expect(await settle(1)).toHaveLength(1);
    });
  });
}
