/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are asserted field by field */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP_TEST_URL, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { activeSupplier, ADMIN, login, signUp, startTestServer, type Backend, type TestServer } from './test-support/harness';

const servers = (await requireServer('PostgreSQL', PG_ADMIN_URL)) && (await requireServer('RabbitMQ', AMQP_TEST_URL));
const backends: Backend[] = servers ? ['embedded', 'postgres+rabbitmq'] : ['embedded'];

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
console.info(`orders spec seed ${SEED} (reproduce with SEED=${SEED})`);

/** mulberry32: a small seeded PRNG so the INV-3 order mix is replayable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const address = { name: 'Ada Lovelace', address1: '12 Analytical Row', city: 'London', zip: 'N1 9GU', country: 'gb', email: 'ada@example.test' };
type Line = { supplierProductId: string; quantity: number; retailPrice?: string };

describe.each(backends)('orders over HTTP (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let supA: { token: string; supplierId: string };
  let supB: { token: string; supplierId: string };
  const retailers: { token: string; userId: string; retailerId: string }[] = [];

  const product = async (sup: { token: string }, body: Record<string, unknown>) => {
    const r = await s.call('POST', '/api/supplier/products', { token: sup.token, body: { sku: `SKU-${randomUUID().slice(0, 8)}`, title: 'Walnut Desk Lamp', wholesalePrice: '10.00', inventoryQuantity: 100, ...body } });
    if (r.status !== 201) throw new Error(`product: ${r.text}`);
    return r.body.product as { id: string; sku: string };
  };
  const list = async (token: string, ids: string[]) => {
    const r = await s.call('POST', '/api/products/import', { token, body: { supplierProductIds: ids } });
    if (r.status !== 200) throw new Error(`import listings: ${r.text}`);
    return r;
  };
  const place = (token: string, items: Line[], opts: { key?: string; storeOrderId?: string } = {}) =>
    s.call('POST', '/api/orders', {
      token,
      headers: { 'idempotency-key': opts.key ?? randomUUID() },
      body: { storeOrderId: opts.storeOrderId ?? `#${randomUUID().slice(0, 12)}`, items: items.map((i) => ({ retailPrice: '29.99', ...i })), shippingAddress: address },
    });
  const own = async (sup: { token: string }, id: string) => (await s.call('GET', `/api/supplier/products/${id}`, { token: sup.token })).body.product;

  beforeAll(async () => {
    s = await startTestServer(backend);
    admin = await login(s, ADMIN.email, ADMIN.password);
    supA = await activeSupplier(s, admin, 'Nordhaus Lamps');
    supB = await activeSupplier(s, admin, 'Kettle & Co');
    for (let i = 0; i < 20; i++) {
      const r = await signUp(s, 'RETAILER', `shop${i}`);
      const me = await s.call('GET', '/api/me', { token: r.token });
      retailers.push({ token: r.token, userId: r.userId, retailerId: me.body.user.retailerId });
    }
  }, 180_000);
  afterAll(async () => s?.stop());

  it('lists products for a retailer at a 100 % markup rounded to .99', async () => {
    const lamp = await product(supA, { wholesalePrice: '18.50' });
    const r = await list(retailers[0]!.token, [lamp.id]);
    expect(r.body).toEqual({ imported: 1, message: 'Products imported' });
    const withStore = await s.call('POST', '/api/products/import', { token: retailers[0]!.token, body: { storeId: randomUUID(), supplierProductIds: [lamp.id], pricing: { markupPercent: 50 } } });
    expect(withStore.body.message).toMatch(/no store is connected yet/);
    const mine = await s.call('GET', '/api/retailer/products', { token: retailers[0]!.token });
    expect(mine.body.total).toBe(1);
    expect(mine.body.products[0]).toMatchObject({ supplierProductId: lamp.id, wholesalePrice: '18.50', retailPrice: '27.99', syncStatus: 'NOT_PUBLISHED', inventoryQuantity: 90 });
    expect((await s.call('GET', '/api/retailer/products', { token: retailers[1]!.token })).body.total).toBe(0);
    const unknown = await s.call('POST', '/api/products/import', { token: retailers[0]!.token, body: { supplierProductIds: [randomUUID()] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('LISTING.PRODUCT_UNAVAILABLE');
  });

  it('splits a two-supplier order; each supplier sees only its part; foreign ids are 404 like missing ones', async () => {
    const [r0, r1] = retailers;
    const lamp = await product(supA, { wholesalePrice: '12.00', inventoryQuantity: 10 });
    const kettle = await product(supB, { wholesalePrice: '7.25', inventoryQuantity: 10 });
    await list(r0!.token, [lamp.id, kettle.id]);
    const placed = await place(r0!.token, [{ supplierProductId: lamp.id, quantity: 2, retailPrice: '24.99' }, { supplierProductId: kettle.id, quantity: 1, retailPrice: '15.99' }]);
    expect(placed.status, placed.text).toBe(201);
    const order = placed.body.order;
    expect(order.number).toMatch(/^DS-\d{6,}$/);
    expect(placed.body.invoiceUrl).toBe(`/api/invoices/${order.id}`);
    expect(order).toMatchObject({ status: 'PENDING', subtotal: '31.25', platformFee: '0.00', total: '31.25', retailTotal: '65.97', currency: 'USD' });
    expect(order.shippingAddress.country).toBe('GB');
    expect(order.supplierOrders).toHaveLength(2);
    const partA = order.supplierOrders.find((p: any) => p.supplierId === supA.supplierId);
    expect(partA).toMatchObject({ status: 'PENDING', subtotal: '24.00', items: [{ sku: lamp.sku, quantity: 2, unitPrice: '12.00', retailPrice: '24.99' }] });
    expect((await own(supA, lamp.id)).reservedQuantity).toBe(2);

    const asA = await s.call('GET', `/api/orders/${order.id}`, { token: supA.token });
    expect(asA.status).toBe(200);
    expect(asA.body.order.supplierOrders.map((p: any) => p.supplierId)).toEqual([supA.supplierId]);
    expect(asA.text).not.toMatch(/retailPrice|retailTotal|platformFee|24\.99|15\.99|storeOrderId/);
    const aList = await s.call('GET', '/api/supplier/orders?status=PENDING', { token: supA.token });
    const entry = aList.body.orders.find((o: any) => o.orderId === order.id);
    expect(entry).toMatchObject({ orderNumber: order.number, status: 'PENDING', items: [{ sku: lamp.sku }] });
    expect(JSON.stringify(aList.body)).not.toMatch(/retailPrice|15\.99/);
    expect((await s.call('GET', '/api/supplier/orders?status=SHIPPED', { token: supA.token })).body.orders.find((o: any) => o.orderId === order.id)).toBeUndefined();

    const foreign = await s.call('GET', `/api/orders/${order.id}`, { token: r1!.token });
    const missing = await s.call('GET', `/api/orders/${randomUUID()}`, { token: r1!.token });
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body, requestId: 0 }).toEqual({ ...missing.body, requestId: 0 });
    const stranger = await activeSupplier(s, admin);
    expect((await s.call('GET', `/api/orders/${order.id}`, { token: stranger.token })).status).toBe(404);
    expect((await s.call('POST', `/api/orders/${order.id}/cancel`, { token: r1!.token })).status).toBe(404);
    expect((await s.call('GET', '/api/orders', { token: r1!.token })).body.orders.map((o: any) => o.id)).not.toContain(order.id);
    expect((await s.call('GET', '/api/orders', { token: r0!.token })).body.orders.map((o: any) => o.id)).toContain(order.id);
    expect((await s.call('GET', `/api/orders/${order.id}`, { token: admin })).body.order.supplierOrders).toHaveLength(2);
  });

  it('refuses unlisted products, products below the supplier minimum and inactive suppliers (422), with nothing reserved', async () => {
    const r = retailers[2]!;
    const lamp = await product(supA, { inventoryQuantity: 5 });
    const unlisted = await place(r.token, [{ supplierProductId: lamp.id, quantity: 1 }]);
    expect(unlisted.status).toBe(422);
    expect(unlisted.body).toMatchObject({ code: 'ORDER.ITEM_NOT_LISTED', errors: [{ path: '/items/0/supplierProductId' }] });
    const minSup = await activeSupplier(s, admin, 'Bulk Only Ltd');
    const stored = (await s.platform.persistence.repos.suppliers.findById(minSup.supplierId))!;
    await s.platform.persistence.repos.suppliers.update({ ...stored, minOrderValue: { amountMinor: 5000, currency: 'USD' } }, stored.version);
    const bulk = await product(minSup, { wholesalePrice: '20.00', inventoryQuantity: 10 });
    await list(r.token, [bulk.id, lamp.id]);
    const below = await place(r.token, [{ supplierProductId: bulk.id, quantity: 2 }, { supplierProductId: lamp.id, quantity: 1 }]);
    expect(below.status).toBe(422);
    expect(below.body).toMatchObject({ code: 'ORDER.BELOW_MINIMUM', details: { supplierId: minSup.supplierId, minimum: '50.00', subtotal: '40.00' } });
    expect((await own(minSup, bulk.id)).reservedQuantity).toBe(0);
    expect((await own(supA, lamp.id)).reservedQuantity).toBe(0);
    expect((await place(r.token, [{ supplierProductId: bulk.id, quantity: 3 }])).status).toBe(201);
    await s.call('POST', `/api/admin/suppliers/${minSup.supplierId}/suspend`, { token: admin, body: { reason: 'audit' } });
    const suspended = await place(r.token, [{ supplierProductId: bulk.id, quantity: 3 }]);
    expect(suspended.status).toBe(422);
    expect(suspended.body.code).toBe('ORDER.ITEM_UNAVAILABLE');
    const tooMany = await place(r.token, [{ supplierProductId: lamp.id, quantity: 6 }]);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ code: 'INVENTORY.INSUFFICIENT_STOCK', details: { requested: 6, available: 5 } });
    const badCountry = await s.call('POST', '/api/orders', { token: r.token, headers: { 'idempotency-key': randomUUID() }, body: { storeOrderId: 'x', items: [{ supplierProductId: lamp.id, quantity: 1, retailPrice: '1.00' }], shippingAddress: { ...address, country: 'XX' } } });
    expect(badCountry.status).toBe(400);
    expect(badCountry.body.errors[0].path).toBe('/shippingAddress/country');
  });

  it('releases stock exactly once when the same cancel arrives 3× concurrently and once more (INV-5)', async () => {
    const r = retailers[3]!;
    const lamp = await product(supA, { inventoryQuantity: 10 });
    const kettle = await product(supB, { inventoryQuantity: 10 });
    await list(r.token, [lamp.id, kettle.id]);
    const placed = await place(r.token, [{ supplierProductId: lamp.id, quantity: 3 }, { supplierProductId: kettle.id, quantity: 4 }]);
    expect(placed.status).toBe(201);
    const id = placed.body.order.id;
    const cancels = await Promise.all([0, 1, 2].map(() => s.call('POST', `/api/orders/${id}/cancel`, { token: r.token })));
    cancels.push(await s.call('POST', `/api/orders/${id}/cancel`, { token: r.token }));
    for (const c of cancels) {
      expect(c.status, c.text).toBe(200);
      expect(c.body.order.status).toBe('CANCELLED');
      expect(c.body.order.supplierOrders.every((p: any) => p.status === 'CANCELLED')).toBe(true);
    }
    expect(await own(supA, lamp.id)).toMatchObject({ inventoryQuantity: 10, reservedQuantity: 0 });
    expect(await own(supB, kettle.id)).toMatchObject({ inventoryQuantity: 10, reservedQuantity: 0 });
    expect((await s.platform.persistence.repos.orders.reservationsOf(id)).map((x) => x.state)).toEqual(['RELEASED', 'RELEASED']);
  });

  it('honours Idempotency-Key: 50 parallel repeats make one order and identical answers; other body 422; other tenant independent (IDK)', async () => {
    const [r, other] = [retailers[4]!, retailers[5]!];
    const lamp = await product(supA, { inventoryQuantity: 100 });
    await list(r.token, [lamp.id]);
    await list(other.token, [lamp.id]);
    const before = (await s.call('GET', '/api/orders', { token: r.token })).body.total;
    const key = randomUUID();
    const items = [{ supplierProductId: lamp.id, quantity: 2 }];
    const storeOrderId = '#1001';
    const answers = await Promise.all(Array.from({ length: 50 }, () => place(r.token, items, { key, storeOrderId })));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect((await s.call('GET', '/api/orders', { token: r.token })).body.total).toBe(before + 1);
    expect((await own(supA, lamp.id)).reservedQuantity).toBe(2);

    const reused = await place(r.token, [{ supplierProductId: lamp.id, quantity: 3 }], { key, storeOrderId });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const noKey = await s.call('POST', '/api/orders', { token: r.token, body: { storeOrderId: 'x', items, shippingAddress: address } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY.KEY_REQUIRED');

    const theirs = await place(other.token, items, { key, storeOrderId });
    expect(theirs.status).toBe(201);
    expect(theirs.body.order.id).not.toBe(answers[0]!.body.order.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();

    // Errors are replayed too, byte for byte.
    const errKey = randomUUID();
    const unlisted = [{ supplierProductId: randomUUID(), quantity: 1 }];
    const first = await place(r.token, unlisted, { key: errKey, storeOrderId: '#e' });
    const again = await place(r.token, unlisted, { key: errKey, storeOrderId: '#e' });
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);

    // A first request still running (claimed by another process) answers 409 once the wait runs out.
    const busyKey = randomUUID();
    const busyBody = { storeOrderId: '#busy', items: items.map((i) => ({ retailPrice: '29.99', ...i })), shippingAddress: address };
    const hash = createHash('sha256').update('POST /api/orders\n').update(JSON.stringify(busyBody)).digest('hex');
    const now = new Date();
    await s.platform.persistence.repos.idempotency.begin({ tenant: r.retailerId, principal: r.userId, route: 'POST /api/orders', key: busyKey }, hash, now, new Date(now.getTime() - 1));
    const busy = await s.call('POST', '/api/orders', { token: r.token, headers: { 'idempotency-key': busyKey }, body: busyBody });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
  }, 60_000);

  it('sells exactly the stock under 200 concurrent orders from 20 retailers (INV-1)', async () => {
    const hot = await product(supA, { inventoryQuantity: 50, wholesalePrice: '5.00' });
    for (const r of retailers) await list(r.token, [hot.id]);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => place(retailers[i % 20]!.token, [{ supplierProductId: hot.id, quantity: 1 }])));
    const ms = performance.now() - started;
    const by = (st: number) => answers.filter((a) => a.status === st);
    console.info(`INV-1 on ${backend}: 200 orders in ${ms.toFixed(0)} ms → ${by(201).length} × 201, ${by(409).length} × 409`);
    expect(answers.filter((a) => a.status >= 500).map((a) => a.text)).toEqual([]);
    expect(by(201)).toHaveLength(50);
    expect(by(409)).toHaveLength(150);
    expect(by(409).every((a) => a.body.code === 'INVENTORY.INSUFFICIENT_STOCK')).toBe(true);
    const after = await own(supA, hot.id);
    expect(after).toMatchObject({ inventoryQuantity: 50, reservedQuantity: 50, status: 'OUT_OF_STOCK' });
    expect(new Set(by(201).map((a) => a.body.order.number)).size).toBe(50);
  }, 180_000);

  it('never reserves part of a multi-line order under 300 concurrent 3-line orders over 5 hot SKUs (INV-3)', async () => {
    const hot = await Promise.all(Array.from({ length: 5 }, () => product(supB, { inventoryQuantity: 40, wholesalePrice: '3.00' })));
    for (const r of retailers) await list(r.token, hot.map((p) => p.id));
    const random = rng(SEED);
    const orders = Array.from({ length: 300 }, () => {
      const pool = hot.map((p) => p.id);
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, 3);
    });
    const started = performance.now();
    const answers = await Promise.all(orders.map((ids, i) => place(retailers[i % 20]!.token, ids.map((id) => ({ supplierProductId: id, quantity: 1 })))));
    console.info(`INV-3 on ${backend} (seed ${SEED}): 300 orders in ${(performance.now() - started).toFixed(0)} ms → ${answers.filter((a) => a.status === 201).length} accepted`);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.text)).toEqual([]);
    const accepted = answers.flatMap((a, i) => (a.status === 201 ? [{ id: a.body.order.id as string, lines: orders[i]! }] : []));
    expect(accepted.length).toBeGreaterThan(0);
    for (const p of hot) {
      const taken = accepted.filter((o) => o.lines.includes(p.id)).length;
      const stored = await own(supB, p.id);
      expect(stored.reservedQuantity).toBe(taken);
      expect(stored.reservedQuantity).toBeLessThanOrEqual(40);
    }
    for (const o of accepted) {
      const held = await s.platform.persistence.repos.orders.reservationsOf(o.id);
      expect(held.map((x) => x.state)).toEqual(['HELD', 'HELD', 'HELD']);
    }
  }, 240_000);
});
