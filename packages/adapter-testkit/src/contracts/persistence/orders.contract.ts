import { describe, expect, it } from 'vitest';
import { money, uuidv7, type IdempotencyScope, type NewOrder, type Persistence, type Repositories, type SupplierProduct } from '@dropship/core';
import { aProduct, aUser, at, domainErrorOf, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

/** Creates a retailer (and its owner user); returns the retailer id. */
export async function givenRetailer(repos: Repositories): Promise<string> {
  const owner = await repos.users.create(aUser({ role: 'RETAILER' }));
  const r = await repos.retailers.create({ id: uuidv7(), ownerUserId: owner.id, name: 'Shop', plan: 'BASIC', createdAt: at() });
  return r.id;
}

/** A PENDING order of `retailerId` with one part per product group, quantities as given. */
export function anOrder(retailerId: string, parts: { supplierId: string; lines: { product: SupplierProduct; quantity: number }[] }[], overrides: Partial<NewOrder> = {}): NewOrder {
  const id = uuidv7();
  const supplierOrders = parts.map((p) => ({
    id: uuidv7(),
    orderId: id,
    supplierId: p.supplierId,
    status: 'PENDING' as const,
    failureReason: null,
    items: p.lines.map((l) => ({ id: uuidv7(), supplierProductId: l.product.id, sku: l.product.sku, title: l.product.title, quantity: l.quantity, unitWholesalePrice: l.product.wholesalePrice, retailPrice: money(2999) })),
    subtotal: money(p.lines.reduce((a, l) => a + l.product.wholesalePrice.amountMinor * l.quantity, 0)),
    shipping: money(0),
    createdAt: at(),
    updatedAt: at(),
  }));
  const subtotal = supplierOrders.reduce((a, so) => a + so.subtotal.amountMinor, 0);
  return {
    id,
    retailerId,
    storeId: null,
    storeOrderId: uniqueWord('so'),
    status: 'PENDING',
    currency: 'USD',
    shippingAddress: { name: 'Ada Lovelace', address1: '1 Main St', city: 'Springfield', zip: '12345', country: 'US' },
    subtotal: money(subtotal),
    shipping: money(0),
    platformFee: money(150),
    total: money(subtotal + 150),
    retailTotal: money(2999 * parts.reduce((a, p) => a + p.lines.reduce((b, l) => b + l.quantity, 0), 0)),
    supplierOrders,
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

const available = async (db: Persistence, id: string) => {
  const p = (await db.repos.products.findById(id))!;
  return p.inventoryQuantity - p.reservedQuantity;
};

/** Orders, stock reservation, listings and idempotency keys (INV-1, INV-3, INV-5, IDK at the port). */
export function describeOrdersContract(opts: PersistenceContractOptions): void {
  describe('orders, reservations, listings, idempotency', () => {
    const db = usePersistence(opts);
    const repos = () => db().repos;

    it('reserves conditionally: concurrent reservations never drive available stock below zero', async () => {
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p = await repos().products.create(aProduct(s.id, { inventoryQuantity: 10 }));
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          i % 2 ? repos().orders.reserveStock([{ supplierProductId: p.id, quantity: 1 }]) : db().uow.run((r) => r.orders.reserveStock([{ supplierProductId: p.id, quantity: 1 }])),
        ),
      );
      expect(results.filter((r) => r === null)).toHaveLength(10);
      expect(results.filter((r) => r !== null).every((r) => r!.available === 0 && r!.quantity === 1)).toBe(true);
      const after = (await repos().products.findById(p.id))!;
      expect(after).toMatchObject({ reservedQuantity: 10, inventoryQuantity: 10, status: 'OUT_OF_STOCK' });
    });

    it('reserves all lines or none', async () => {
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const a = await repos().products.create(aProduct(s.id, { inventoryQuantity: 5 }));
      const b = await repos().products.create(aProduct(s.id, { inventoryQuantity: 1 }));
      const short = await repos().orders.reserveStock([{ supplierProductId: a.id, quantity: 2 }, { supplierProductId: b.id, quantity: 2 }]);
      expect(short).toEqual({ supplierProductId: b.id, quantity: 2, available: 1 });
      expect(await available(db(), a.id)).toBe(5);
      expect(await available(db(), b.id)).toBe(1);
      const missing = await repos().orders.reserveStock([{ supplierProductId: a.id, quantity: 1 }, { supplierProductId: uuidv7(), quantity: 1 }]);
      expect(missing?.available).toBe(0);
      expect(await available(db(), a.id)).toBe(5);
      expect(await repos().orders.reserveStock([{ supplierProductId: a.id, quantity: 2 }, { supplierProductId: b.id, quantity: 1 }])).toBeNull();
      expect(await available(db(), a.id)).toBe(3);
      expect(await available(db(), b.id)).toBe(0);
    });

    it('keeps every multi-line reservation whole under concurrency (INV-3 at the port)', async () => {
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const hot = await Promise.all(Array.from({ length: 3 }, () => repos().products.create(aProduct(s.id, { inventoryQuantity: 7 }))));
      const outcomes = await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const lines = [hot[i % 3]!, hot[(i + 1) % 3]!].map((p) => ({ supplierProductId: p.id, quantity: 1 }));
          return db().uow.run((r) => r.orders.reserveStock(i % 2 ? lines : [...lines].reverse())).then((short) => ({ short, lines }));
        }),
      );
      const won = outcomes.filter((o) => o.short === null);
      for (const p of hot) {
        const taken = won.filter((o) => o.lines.some((l) => l.supplierProductId === p.id)).length;
        const stored = (await repos().products.findById(p.id))!;
        expect(stored.reservedQuantity).toBe(taken);
        expect(stored.reservedQuantity).toBeLessThanOrEqual(7);
      }
    });

    it('creates a numbered order with parts, items and HELD reservations; reads are scoped', async () => {
      const retailerId = await givenRetailer(repos());
      const other = await givenRetailer(repos());
      const s1 = await givenSupplier(repos(), { status: 'ACTIVE' });
      const s2 = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p1 = await repos().products.create(aProduct(s1.id, { inventoryQuantity: 5 }));
      const p2 = await repos().products.create(aProduct(s2.id, { inventoryQuantity: 5 }));
      const draft = anOrder(retailerId, [{ supplierId: s1.id, lines: [{ product: p1, quantity: 2 }] }, { supplierId: s2.id, lines: [{ product: p2, quantity: 1 }] }]);
      const created = await db().uow.run(async (r) => {
        expect(await r.orders.reserveStock([{ supplierProductId: p1.id, quantity: 2 }, { supplierProductId: p2.id, quantity: 1 }])).toBeNull();
        return r.orders.create(draft);
      });
      expect(created.number).toBeGreaterThan(0);
      const second = await repos().orders.create(anOrder(retailerId, [{ supplierId: s1.id, lines: [{ product: p1, quantity: 1 }] }]));
      expect(second.number).toBeGreaterThan(created.number);
      const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
      const read = (await repos().orders.findById(created.id))!;
      expect({ ...read, supplierOrders: [...read.supplierOrders].sort(byId) }).toEqual({ ...draft, number: created.number, supplierOrders: [...draft.supplierOrders].sort(byId) });
      expect(await repos().orders.findById(created.id, { retailerId })).not.toBeNull();
      expect(await repos().orders.findById(created.id, { retailerId: other })).toBeNull();
      const supplierView = (await repos().orders.findById(created.id, { supplierId: s2.id }))!;
      expect(supplierView.supplierOrders.map((so) => so.supplierId)).toEqual([s2.id]);
      expect(supplierView.supplierOrders[0]!.items.map((i) => i.supplierProductId)).toEqual([p2.id]);
      const stranger = await givenSupplier(repos(), { status: 'ACTIVE' });
      expect(await repos().orders.findById(created.id, { supplierId: stranger.id })).toBeNull();
      expect(await repos().orders.findById('not-a-uuid')).toBeNull();
      expect((await repos().orders.reservationsOf(created.id)).map((r) => r.state)).toEqual(['HELD', 'HELD']);

      const mine = await repos().orders.list({ retailerId, page: 1, pageSize: 10 });
      expect(mine.total).toBe(2);
      expect(mine.items.map((o) => o.id)).toEqual([second.id, created.id].sort().reverse());
      expect((await repos().orders.list({ retailerId: other, page: 1, pageSize: 10 })).total).toBe(0);
      const forS1 = await repos().orders.listForSupplier({ supplierId: s1.id, page: 1, pageSize: 10 });
      expect(forS1.total).toBe(2);
      expect(forS1.items.every((o) => o.supplierOrders.length === 1 && o.supplierOrders[0]!.supplierId === s1.id)).toBe(true);
      expect((await repos().orders.listForSupplier({ supplierId: s1.id, status: 'SHIPPED', page: 1, pageSize: 10 })).total).toBe(0);
    });

    it('refuses a second order with the same store order id of the same retailer', async () => {
      const retailerId = await givenRetailer(repos());
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p = await repos().products.create(aProduct(s.id));
      const first = await repos().orders.create(anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 1 }] }]));
      const clash = await domainErrorOf(repos().orders.create(anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 1 }] }], { storeOrderId: first.storeOrderId })));
      expect(clash).toEqual({ code: 'ORDER.DUPLICATE_STORE_ORDER', kind: 'conflict' });
      const otherRetailer = await givenRetailer(repos());
      await expect(repos().orders.create(anOrder(otherRetailer, [{ supplierId: s.id, lines: [{ product: p, quantity: 1 }] }], { storeOrderId: first.storeOrderId }))).resolves.toBeTruthy();
    });

    it('changes supplier order status by compare-and-set and releases reservations exactly once', async () => {
      const retailerId = await givenRetailer(repos());
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p = await repos().products.create(aProduct(s.id, { inventoryQuantity: 4 }));
      const order = await db().uow.run(async (r) => {
        await r.orders.reserveStock([{ supplierProductId: p.id, quantity: 3 }]);
        return r.orders.create(anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 3 }] }]));
      });
      expect(await available(db(), p.id)).toBe(1);
      const partId = order.supplierOrders[0]!.id;
      const cas = await Promise.all([0, 1, 2].map(() => repos().orders.setSupplierOrderStatus(partId, 'PENDING', 'CANCELLED', null, at(5000))));
      expect(cas.filter(Boolean)).toHaveLength(1);
      expect(await repos().orders.setSupplierOrderStatus(partId, 'CANCELLED', 'FAILED', 'x', at())).toBe(true);
      expect((await repos().orders.findById(order.id))!.supplierOrders[0]).toMatchObject({ status: 'FAILED', failureReason: 'x' });
      const released = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? repos().orders.releaseReservations(order.id, at()) : db().uow.run((r) => r.orders.releaseReservations(order.id, at())))));
      expect(released.sort()).toEqual([0, 0, 0, 3]);
      expect(await available(db(), p.id)).toBe(4);
      expect((await repos().products.findById(p.id))!.status).toBe('ACTIVE');
      expect((await repos().orders.reservationsOf(order.id)).map((r) => r.state)).toEqual(['RELEASED']);
      await repos().orders.setStatus(order.id, 'CANCELLED', at(6000));
      expect((await repos().orders.findById(order.id))).toMatchObject({ status: 'CANCELLED', updatedAt: at(6000) });
    });

    it('confirms a supplier order\'s reservations once: stock leaves on-hand and reserved; released ones stay released', async () => {
      const retailerId = await givenRetailer(repos());
      const s1 = await givenSupplier(repos(), { status: 'ACTIVE' });
      const s2 = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p1 = await repos().products.create(aProduct(s1.id, { inventoryQuantity: 6 }));
      const p2 = await repos().products.create(aProduct(s2.id, { inventoryQuantity: 6 }));
      const order = await db().uow.run(async (r) => {
        await r.orders.reserveStock([{ supplierProductId: p1.id, quantity: 2 }, { supplierProductId: p2.id, quantity: 1 }]);
        return r.orders.create(anOrder(retailerId, [{ supplierId: s1.id, lines: [{ product: p1, quantity: 2 }] }, { supplierId: s2.id, lines: [{ product: p2, quantity: 1 }] }]));
      });
      const part1 = order.supplierOrders.find((so) => so.supplierId === s1.id)!;
      const confirmed = await Promise.all([0, 1, 2].map(() => repos().orders.confirmReservations(part1.id, at())));
      expect(confirmed.sort()).toEqual([0, 0, 2]);
      expect(await repos().products.findById(p1.id)).toMatchObject({ inventoryQuantity: 4, reservedQuantity: 0, status: 'ACTIVE' });
      expect(await repos().orders.releaseReservations(order.id, at())).toBe(1);
      expect(await repos().products.findById(p1.id)).toMatchObject({ inventoryQuantity: 4, reservedQuantity: 0 });
      expect(await repos().products.findById(p2.id)).toMatchObject({ inventoryQuantity: 6, reservedQuantity: 0 });
      expect((await repos().orders.reservationsOf(order.id)).map((r) => r.state).sort()).toEqual(['CONFIRMED', 'RELEASED']);
    });

    it('rolls back the reservation when the transaction writing the order fails', async () => {
      const retailerId = await givenRetailer(repos());
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const p = await repos().products.create(aProduct(s.id, { inventoryQuantity: 2 }));
      const draft = anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 2 }] }]);
      await expect(
        db().uow.run(async (r) => {
          await r.orders.reserveStock([{ supplierProductId: p.id, quantity: 2 }]);
          await r.orders.create(draft);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await available(db(), p.id)).toBe(2);
      expect(await repos().orders.findById(draft.id)).toBeNull();
    });

    it('upserts listings per retailer and product and lists them with their products', async () => {
      const retailerId = await givenRetailer(repos());
      const other = await givenRetailer(repos());
      const s = await givenSupplier(repos(), { status: 'ACTIVE' });
      const [a, b] = await Promise.all([repos().products.create(aProduct(s.id)), repos().products.create(aProduct(s.id))]);
      const listing = (productId: string, price: number, t = 0) => ({ id: uuidv7(), retailerId, supplierProductId: productId, storeId: null, retailPrice: money(price), status: 'ACTIVE' as const, createdAt: at(t), updatedAt: at(t) });
      expect(await repos().listings.upsertMany([listing(a!.id, 1999), listing(b!.id, 2999, 1000)])).toEqual({ created: 2, updated: 0 });
      const again = listing(a!.id, 2499, 5000);
      expect(await repos().listings.upsertMany([again])).toEqual({ created: 0, updated: 1 });
      const found = await repos().listings.findByProducts(retailerId, [a!.id, b!.id, uuidv7()]);
      expect(found.find((l) => l.supplierProductId === a!.id)).toMatchObject({ retailPrice: money(2499), createdAt: at(0), updatedAt: at(5000) });
      expect(await repos().listings.findByProducts(other, [a!.id])).toEqual([]);
      const page = await repos().listings.list({ retailerId, page: 1, pageSize: 10 });
      expect(page.total).toBe(2);
      expect(page.items.map((x) => x.product.id)).toEqual([b!.id, a!.id]);
      expect(page.items[0]!.product).toEqual(await repos().products.findById(b!.id));
    });

    it('idempotency: exactly one concurrent begin wins; others see the record; tenants never share', async () => {
      const scope: IdempotencyScope = { tenant: uuidv7(), principal: uuidv7(), route: 'POST /api/orders', key: uniqueWord('key') };
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => repos().idempotency.begin(scope, 'h1', at(), at(-60_000))));
      expect(outcomes.filter((o) => o.won)).toHaveLength(1);
      for (const o of outcomes) if (!o.won) expect(o.record).toMatchObject({ ...scope, requestHash: 'h1', state: 'IN_PROGRESS', response: null });
      const response = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"order":{"id":"x"}}' };
      await repos().idempotency.complete(scope, response, at(1000));
      const again = await repos().idempotency.begin(scope, 'h2', at(2000), at(1500));
      expect(again).toEqual({ won: false, record: { ...scope, requestHash: 'h1', state: 'DONE', response, createdAt: at(), updatedAt: at(1000) } });
      await repos().idempotency.abandon(scope);
      expect((await repos().idempotency.find(scope))?.state).toBe('DONE');
      expect(await repos().idempotency.begin({ ...scope, tenant: uuidv7() }, 'h1', at(), at(-1))).toEqual({ won: true });
      expect(await repos().idempotency.begin({ ...scope, route: 'POST /api/other' }, 'h1', at(), at(-1))).toEqual({ won: true });
    });

    it('idempotency: an abandoned key can be claimed again; a stale IN_PROGRESS one is taken over once', async () => {
      const scope: IdempotencyScope = { tenant: 't', principal: uuidv7(), route: 'POST /api/orders', key: uniqueWord('key') };
      expect(await repos().idempotency.begin(scope, 'h', at(), at(-1))).toEqual({ won: true });
      await repos().idempotency.abandon(scope);
      expect(await repos().idempotency.find(scope)).toBeNull();
      expect(await repos().idempotency.begin(scope, 'h', at(), at(-1))).toEqual({ won: true });
      const fresh = await repos().idempotency.begin(scope, 'h', at(1000), at(-1));
      expect(fresh.won).toBe(false);
      const takeovers = await Promise.all([0, 1, 2, 3].map(() => repos().idempotency.begin(scope, 'h', at(120_000), at(60_000))));
      expect(takeovers.filter((o) => o.won)).toHaveLength(1);
    });
  });
}
