import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isAdapterError, isDomainError } from '@dropship/core';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import { createAjv } from '@dropship/platform';
import manifest from './index';
import { HttpSupplierGateway } from './http-supplier.adapter';
import type { SupplierHttpOptions } from './supplier-http.options';
import { StubSupplier, acmeEndpoints, acmeMapping, acmeWebhook, testContext, type StubSupplierOptions } from './testing/stub-supplier.server';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function rig(stubOpts: Partial<StubSupplierOptions> = {}, adapterOpts: Partial<SupplierHttpOptions> = {}, now?: () => Date) {
  const stub = await new StubSupplier({ idempotency: true, auth: { type: 'bearer', token: 'tok' }, webhookSecret: acmeWebhook.secret, ...stubOpts }).start();
  const options: SupplierHttpOptions = {
    baseUrl: stub.baseUrl,
    auth: { type: 'bearer', token: 'tok' },
    endpoints: acmeEndpoints,
    fieldMapping: acmeMapping,
    idempotencyHeader: 'Idempotency-Key',
    webhook: acmeWebhook,
    timeoutMs: 300,
    ...adapterOpts,
  };
  const gateway = new HttpSupplierGateway(testContext(true, now), options);
  cleanups.push(async () => {
    gateway.dispose();
    await stub.stop();
  });
  return { stub, gateway };
}
const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('manifest and options', () => {
  const valid = {
    baseUrl: 'https://api.acme.example/v2',
    auth: { type: 'hmac', keyId: 'k1', secret: 's' },
    endpoints: { placeOrder: { path: '/orders' }, findOrder: { path: '/orders/by-ref/{reference}' } },
  };
  const validate = createAjv().compile(manifest.optionsSchema);

  it('names the package, provides supplier and lists secret options', () => {
    expect(manifest).toMatchObject({ name: '@dropship/adapter-supplier-http', apiVersion: 1, provides: ['supplier'] });
    expect(manifest.secretOptions).toEqual(['auth.token', 'auth.password', 'auth.secret', 'webhook.secret']);
  });

  it('accepts a minimal config and applies defaults', () => {
    const o = structuredClone(valid) as Record<string, unknown>;
    expect(validate(o)).toBe(true);
    expect(o).toMatchObject({ timeoutMs: 10_000, pollIntervalSeconds: 300, endpoints: { placeOrder: { method: 'POST' } } });
  });

  it.each([
    ['an unknown auth type', { auth: { type: 'oauth', token: 'x' } }],
    ['basic auth without a password', { auth: { type: 'basic', username: 'u' } }],
    ['a findOrder path without {reference}', { endpoints: { placeOrder: { path: '/orders' }, findOrder: { path: '/orders' } } }],
    ['a non-http base URL', { baseUrl: 'file:///etc/passwd' }],
    ['an unknown option', { retries: 3 }],
    ['a poll interval under 30 s', { pollIntervalSeconds: 5 }],
    ['an unknown status in the map', { fieldMapping: { statusMap: { shipped: 'GONE' } } }],
  ])('refuses %s', (_what, patch) => {
    expect(validate({ ...structuredClone(valid), ...patch })).toBe(false);
  });

  it('creates the gateway with pollIntervalSeconds, and optional members only when configured', async () => {
    const instance = await manifest.create(testContext(), { ...valid, auth: { type: 'bearer', token: 't' }, pollIntervalSeconds: 120 } as SupplierHttpOptions);
    const gw = instance.ports.supplier!;
    expect(gw.pollIntervalSeconds).toBe(120);
    expect(gw.fetchStock).toBeUndefined();
    expect(gw.parseWebhook).toBeUndefined();
    await instance.dispose?.();
  });
});

describe('authentication', () => {
  it('bearer: sends the token; a wrong token is ADAPTER.UNAUTHORIZED (not retryable) and fails testConnection', async () => {
    const { gateway, stub } = await rig();
    expect(await gateway.placeOrder(supplierOrderRequest())).toMatchObject({ accepted: true });
    expect(stub.requests[0]!.headers.authorization).toBe('Bearer tok');
    const bad = await rig({}, { auth: { type: 'bearer', token: 'nope' } });
    const err = await rejection(bad.gateway.placeOrder(supplierOrderRequest()));
    expect(err).toMatchObject({ code: 'ADAPTER.UNAUTHORIZED', retryable: false });
    expect((err as Error).message).toContain('401');
    expect(await bad.gateway.testConnection()).toEqual({ ok: false, message: 'The supplier refused our credentials (401).' });
  });

  it('basic: username and password; a wrong password is refused', async () => {
    const auth = { type: 'basic' as const, username: 'acme-user', password: 'p@ss:word' };
    const { gateway } = await rig({ auth }, { auth });
    expect(await gateway.testConnection()).toMatchObject({ ok: true });
    expect(await gateway.placeOrder(supplierOrderRequest())).toMatchObject({ accepted: true });
    const bad = await rig({ auth }, { auth: { ...auth, password: 'wrong' } });
    expect(await rejection(bad.gateway.findOrder('x'))).toMatchObject({ code: 'ADAPTER.UNAUTHORIZED' });
  });

  it('hmac: signs method, path, timestamp and body; the stub verifies; key id travels; a wrong secret is refused', async () => {
    const stubAuth = { type: 'hmac' as const, secret: 'hmac-secret', header: 'X-Acme-Auth', timestampHeader: 'X-Acme-Time' };
    const { gateway, stub } = await rig(
      { auth: stubAuth },
      { auth: { type: 'hmac', keyId: 'key-2026', secret: 'hmac-secret', header: 'X-Acme-Auth', timestampHeader: 'X-Acme-Time' } },
    );
    const req = supplierOrderRequest();
    expect(await gateway.placeOrder(req)).toMatchObject({ accepted: true });
    expect(await gateway.findOrder(req.reference)).toMatchObject({ status: 'PENDING' });
    const post = stub.requests.find((r) => r.method === 'POST')!;
    const ts = String(post.headers['x-acme-time']);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    const expected = createHmac('sha256', 'hmac-secret').update(`POST\n/api/v2/orders\n${ts}\n${post.body}`).digest('hex');
    expect(post.headers['x-acme-auth']).toBe(expected);
    expect(post.headers['x-key-id']).toBe('key-2026');
    expect(post.headers.authorization).toBeUndefined();
    const bad = await rig({ auth: stubAuth }, { auth: { type: 'hmac', secret: 'other', header: 'X-Acme-Auth', timestampHeader: 'X-Acme-Time' } });
    expect(await rejection(bad.gateway.placeOrder(supplierOrderRequest()))).toMatchObject({ code: 'ADAPTER.UNAUTHORIZED' });
  });

  it('hmac defaults: X-Signature and X-Timestamp', async () => {
    const { gateway, stub } = await rig(
      { auth: { type: 'hmac', secret: 's', header: 'X-Signature', timestampHeader: 'X-Timestamp' } },
      { auth: { type: 'hmac', secret: 's' } },
    );
    expect(await gateway.findOrder('nope')).toBeNull();
    expect(stub.requests[0]!.headers).toMatchObject({ 'x-signature': expect.stringMatching(/^[0-9a-f]{64}$/), 'x-timestamp': expect.stringMatching(/^\d+$/) });
  });
});

describe('field mapping and dispatch on the wire', () => {
  it("sends the supplier's JSON shape, our idempotency key, and reads their answer back", async () => {
    const { gateway, stub } = await rig();
    const req = supplierOrderRequest({ reference: 'so-42' });
    expect(await gateway.placeOrder(req)).toEqual({ accepted: true, supplierReference: 'ACME-1001' });
    const post = stub.requests[0]!;
    expect(post.headers['idempotency-key']).toBe('dispatch:so-42');
    expect(JSON.parse(post.body)).toEqual({
      order_ref: 'so-42',
      items: [
        { product_code: 'SKU-RED-M', qty: 2 },
        { product_code: 'SKU-BLUE-L', qty: 1 },
      ],
      recipient: { full_name: 'Ada Lovelace', street: '12 Analytical Way', city: 'London', zip: 'N1 9GU', country: 'GB' },
      packing_slip: { brand: 'Lovelace Goods' },
      channel: 'dropship',
    });
  });

  it('without idempotency support, looks the reference up before every send', async () => {
    const { gateway, stub } = await rig({ idempotency: false }, { idempotencyHeader: undefined });
    const req = supplierOrderRequest({ reference: 'so-7' });
    await gateway.placeOrder(req);
    await gateway.placeOrder(req);
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/orders/by-ref/so-7', 'POST /api/v2/orders', 'GET /api/v2/orders/by-ref/so-7']);
    expect(stub.requests.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
  });

  it('maps statuses through the value map and URL-encodes the reference', async () => {
    const { gateway, stub } = await rig();
    await gateway.placeOrder(supplierOrderRequest({ reference: 'a/b c' }));
    await stub.updateOrder('a/b c', 'PROCESSING');
    expect(await gateway.findOrder('a/b c')).toEqual({ supplierReference: 'ACME-1001', status: 'PROCESSING' });
    expect(stub.requests.at(-1)!.path).toBe('/api/v2/orders/by-ref/a%2Fb%20c');
  });

  it('returns the supplier-stated reason with an out-of-stock refusal', async () => {
    const { gateway, stub } = await rig();
    await stub.setStock('SKU-RED-M', 1);
    expect(await gateway.placeOrder(supplierOrderRequest())).toEqual({ accepted: false, code: 'OUT_OF_STOCK', reason: 'product SKU-RED-M: not enough on hand' });
  });

  it('reuses keep-alive connections', async () => {
    const { gateway, stub } = await rig();
    for (let i = 0; i < 5; i++) await gateway.findOrder(`r${i}`);
    expect(stub.requests).toHaveLength(5);
    expect(stub.connections).toBe(1);
  });
});

describe('failures never leak vendor bodies', () => {
  it('5xx names the status, keeps the secret-laden body out, and carries the adapter id', async () => {
    const { gateway, stub } = await rig();
    await stub.failNext('http-500');
    const err = await rejection(gateway.placeOrder(supplierOrderRequest()));
    expect(err).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true, adapterId: 'acme' });
    expect((err as Error).message).toBe('Supplier answered 500 to POST /api/v2/orders');
    expect(JSON.stringify(err)).not.toContain('hunter2');
  });

  it('a POST timeout is outcomeUnknown; a refused connection is UNAVAILABLE and not outcomeUnknown', async () => {
    const { gateway, stub } = await rig({ slowMs: 1000 });
    await stub.failNext('timeout-after-accept');
    const placed = await rejection(gateway.placeOrder(supplierOrderRequest()));
    expect(placed).toMatchObject({ code: 'ADAPTER.TIMEOUT', options: expect.objectContaining({ outcomeUnknown: true }) });
    await stub.stop();
    const down = await rejection(gateway.findOrder('x'));
    expect(isAdapterError(down)).toBe(true);
    expect(down).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true, options: expect.objectContaining({ outcomeUnknown: false }) });
    expect(await gateway.testConnection()).toMatchObject({ ok: false });
  });
});

describe('webhooks', () => {
  const event = { kind: 'status' as const, eventId: 'evt-9', reference: 'so-9', status: 'DELIVERED' as const };

  async function invalid(p: Promise<unknown>) {
    const err = await rejection(p);
    expect(isDomainError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'WEBHOOK.INVALID_SIGNATURE' });
  }

  it('accepts a fresh signature with or without the sha256= prefix; header names are case-insensitive', async () => {
    const { gateway, stub } = await rig();
    const raw = await stub.signWebhook(event);
    const lower = Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k.toLowerCase(), v.replace('sha256=', '')]));
    const [e] = await gateway.parseWebhook!({ headers: lower, body: raw.body });
    expect(e).toMatchObject({ kind: 'status', eventId: 'evt-9', reference: 'so-9', state: { status: 'DELIVERED' } });
  });

  it('refuses stale and future timestamps beyond the tolerance', async () => {
    const { gateway, stub } = await rig();
    const now = Math.floor(Date.now() / 1000);
    await invalid(gateway.parseWebhook!(await stub.signWebhook(event, { timestamp: now - 301 })));
    await invalid(gateway.parseWebhook!(await stub.signWebhook(event, { timestamp: now + 301 })));
    await expect(gateway.parseWebhook!(await stub.signWebhook(event, { timestamp: now - 250 }))).resolves.toHaveLength(1);
  });

  it('refuses a replayed signature under a new timestamp, a bad header length, and a re-serialised body', async () => {
    const { gateway, stub } = await rig();
    const raw = await stub.signWebhook(event);
    const [sig, ts] = Object.values(raw.headers) as [string, string];
    const [sigName, tsName] = Object.keys(raw.headers) as [string, string];
    await invalid(gateway.parseWebhook!({ headers: { [sigName]: sig, [tsName]: String(Number(ts) - 1) }, body: raw.body }));
    await invalid(gateway.parseWebhook!({ headers: { [sigName]: sig.slice(0, -2), [tsName]: ts }, body: raw.body }));
    await invalid(gateway.parseWebhook!({ headers: { [sigName]: `${sig}00`, [tsName]: ts }, body: raw.body }));
    const spaced = new TextEncoder().encode(Buffer.from(raw.body).toString('utf8').replace(/,/g, ', '));
    await invalid(gateway.parseWebhook!({ headers: raw.headers, body: spaced }));
  });

  it('without a timestamp header, signs the body alone; skips unknown event types; falls back to a body-hash event id', async () => {
    const { gateway } = await rig({}, { webhook: { secret: 'k', signatureHeader: 'X-Sig' } });
    const body = new TextEncoder().encode(JSON.stringify([{ type: 'invoice.created' }, { type: 'inventory.changed', data: { products: [{ product_code: 'A', on_hand: '4' }, { product_code: 'B', on_hand: -1 }] } }]));
    const sig = createHmac('sha256', 'k').update(body).digest('hex');
    const events = await gateway.parseWebhook!({ headers: { 'X-Sig': sig }, body });
    expect(events).toEqual([{ kind: 'stock', eventId: expect.stringMatching(/^sha256:[0-9a-f]{32}:1$/), items: [{ sku: 'A', quantity: 4 }], asOf: expect.any(Date) }]);
    const again = await gateway.parseWebhook!({ headers: { 'X-Sig': sig }, body });
    expect(again[0]!.eventId).toBe(events[0]!.eventId);
  });

  it('a correctly signed body that is not JSON is still WEBHOOK.INVALID_SIGNATURE, never another error', async () => {
    const { gateway } = await rig({}, { webhook: { secret: 'k', signatureHeader: 'X-Sig' } });
    const body = new Uint8Array([0x7b, 0xff, 0xfe]);
    await invalid(gateway.parseWebhook!({ headers: { 'X-Sig': createHmac('sha256', 'k').update(body).digest('hex') }, body }));
  });
});
