import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import manifest, { __Name__SupplierGateway } from './index';
import { StubSupplier, testContext } from './testing/stub-supplier';

// What the contract suite does not cover: this adapter's own protocol details.
describe('__Name__SupplierGateway', () => {
  let stub: StubSupplier;
  beforeEach(async () => {
    stub = await new StubSupplier({ apiKey: 'right-key' }).start();
  });
  afterEach(() => stub.stop());

  const gateway = (apiKey = 'right-key', allowPrivateUrls = true) =>
    new __Name__SupplierGateway(testContext(allowPrivateUrls), { baseUrl: stub.baseUrl, apiKey, timeoutMs: 1_000, pollIntervalSeconds: 300 });

  it('sends the idempotency key and the bearer api key', async () => {
    const req = supplierOrderRequest();
    await gateway().placeOrder(req);
    const post = stub.requests.find((r) => r.method === 'POST')!;
    expect(post.headers).toMatchObject({ 'idempotency-key': req.idempotencyKey, authorization: 'Bearer right-key' });
  });

  it('maps refused credentials to ADAPTER.UNAUTHORIZED, not retryable, without the key in the message', async () => {
    const err = await gateway('wrong-key').placeOrder(supplierOrderRequest()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ADAPTER.UNAUTHORIZED', retryable: false });
    expect((err as Error).message).not.toContain('wrong-key');
    expect(await gateway('wrong-key').testConnection()).toMatchObject({ ok: false });
  });

  it('refuses a loopback supplier URL unless private URLs are allowed', async () => {
    const err = await gateway('right-key', false).findOrder('r-1').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ADAPTER.URL_NOT_ALLOWED', retryable: false });
    expect(await gateway('right-key', false).testConnection()).toMatchObject({ ok: false });
  });

  it('has a manifest providing supplier with apiKey as a secret', () => {
    expect(manifest).toMatchObject({ name: '__package__', apiVersion: 1, provides: ['supplier'], secretOptions: ['apiKey'] });
  });
});
