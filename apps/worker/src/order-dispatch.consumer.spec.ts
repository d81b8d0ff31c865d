import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { aProduct, aSupplier, aUser, FakeSupplier, givenRetailer } from '@dropship/adapter-testkit';
import { money, type Consumer, type Principal } from '@dropship/core';
import { BUILT_IN_ADAPTERS, composePlatform, type Platform } from '@dropship/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrderDispatchConsumer } from './order-dispatch.consumer';

const fake = new FakeSupplier();
/** A FakeSupplier-backed supplier adapter, installed for this test only (allow-listed, loaded by name). */
const flaky = defineAdapter<Record<string, unknown>>({
  name: '@test/adapter-flaky',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  optionsSchema: { type: 'object' },
  create: () => ({ ports: { supplier: fake.gateway } }),
});

async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('order dispatch consumer on the embedded bus (bounded retries, dead letters, lookup after a timeout)', () => {
  let platform: Platform;
  let consumers: Consumer[] = [];
  let dataDir: string;
  let retailer: Principal;
  let flakyProduct: string;
  let portalProduct: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dropship-dispatch-'));
    platform = await composePlatform({
      env: { DROPSHIP_DATA_DIR: dataDir, DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'), DROPSHIP_LOG_LEVEL: 'silent' },
      config: {
        adapters: [
          { id: 'db', use: '@dropship/adapter-postgres', options: { memory: true } },
          { id: 'bus', use: '@dropship/adapter-queue-memory', options: {} },
        ],
        allow: [...BUILT_IN_ADAPTERS, '@test/adapter-flaky'],
        embedded: true,
        demo: false,
      },
      importer: async (s) => (s === '@test/adapter-flaky' ? { default: flaky } : import(s)),
    });
    await platform.lifecycle.start();
    const repos = platform.persistence.repos;
    const retailerId = await givenRetailer(repos);
    retailer = { userId: 'u-r', role: 'RETAILER', retailerId, supplierId: null, via: 'session' };
    const supplier = async (integration: { adapter: string; options: Record<string, unknown> }) => {
      const owner = await repos.users.create(aUser({ role: 'SUPPLIER' }));
      return repos.suppliers.create(aSupplier({ ownerUserId: owner.id, status: 'ACTIVE', integration }));
    };
    const a = await supplier({ adapter: 'flaky', options: {} });
    const b = await supplier({ adapter: 'supplier-portal', options: {} });
    flakyProduct = (await repos.products.create(aProduct(a.id, { sku: 'FLAKY-1', wholesalePrice: money(1000), inventoryQuantity: 50 }))).id;
    portalProduct = (await repos.products.create(aProduct(b.id, { sku: 'PORTAL-1', wholesalePrice: money(1000), inventoryQuantity: 50 }))).id;
    expect((await platform.services.listings.import({ principal: retailer }, { supplierProductIds: [flakyProduct, portalProduct] })).ok).toBe(true);
    consumers = await startOrderDispatchConsumer(platform, { sweepEveryMs: 0, subscription: { maxAttempts: 3, retryDelaysMs: [20, 20] } });
    platform.relay.start();
  }, 60_000);
  afterAll(async () => {
    platform?.relay.stop();
    await Promise.all(consumers.map((c) => c.stop()));
    await platform?.lifecycle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const place = async (productId: string) => {
    const r = await platform.services.placeOrder.run({ principal: retailer }, { storeOrderId: `#${Math.random()}`, items: [{ supplierProductId: productId, quantity: 1, retailPrice: money(2500) }], shippingAddress: { name: 'Ada', address1: '1 Main St', city: 'Springfield', zip: '12345', country: 'US' } });
    if (!r.ok) throw r.error;
    platform.relay.nudge();
    return r.value;
  };
  const statusOf = async (orderId: string) => (await platform.persistence.repos.orders.findById(orderId))!.supplierOrders[0]!;

  it('tries a failing dispatch at most maxAttempts times, then stores the dead letter and fails the part; other orders are unaffected', async () => {
    const callsBefore = fake.calls;
    // Exactly maxAttempts failures: a 4th delivery would succeed and show up as a 4th call.
    for (let i = 0; i < 3; i++) await fake.failNext('http-500');
    const poisoned = await place(flakyProduct);
    const healthy = await place(portalProduct);
    const dead = await eventually('the dead letter', async () => (await platform.persistence.repos.dispatch.listDeadLetters({ page: 1, pageSize: 50 })).items.find((d) => (d.payload as { orderId?: string }).orderId === poisoned.id));
    expect(dead).toMatchObject({ queue: 'worker.order-dispatch', topic: 'orders.placed', attempts: 3, reason: expect.stringMatching(/500/) });
    expect(fake.calls - callsBefore).toBe(3);
    const part = await eventually('the FAILED part', async () => ((await statusOf(poisoned.id)).status === 'FAILED' ? statusOf(poisoned.id) : null));
    expect(part.failureReason).toMatch(/^Dispatch stopped after 3 attempts/);
    await eventually('the healthy order dispatched', async () => platform.persistence.repos.dispatch.findDispatch((await statusOf(healthy.id)).id));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls - callsBefore).toBe(3);
    expect((await statusOf(poisoned.id)).status).toBe('FAILED');
  });

  it('after a timeout with an unknown outcome the retry looks the order up and never sends it twice', async () => {
    await fake.failNext('timeout-after-accept');
    const order = await place(flakyProduct);
    await eventually('CONFIRMED', async () => (await statusOf(order.id)).status === 'CONFIRMED');
    const part = await statusOf(order.id);
    expect((await fake.orders()).filter((o) => o.reference === part.id)).toHaveLength(1);
    const types = (await platform.persistence.repos.dispatch.listEvents(order.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['dispatch.requested', 'dispatch.error', 'dispatch.lookup', 'status.changed']));
    expect(types.filter((t) => t === 'dispatch.requested')).toHaveLength(1);
  });
});
