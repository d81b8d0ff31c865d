import { aProduct, aSupplier, aUser, createInMemoryPersistence, givenRetailer } from '@dropship/adapter-testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../accounts/user.entity';
import { ListingsService } from '../../listings/application/listings.use-cases';
import { money } from '../../shared/money';
import { ManualClock } from '../../test-support';
import { OrdersService } from './orders.use-cases';
import { PlaceOrder, type PlaceOrderInput } from './place-order.use-case';

const address = { name: 'Ada', address1: '1 Main St', city: 'Springfield', zip: '12345', country: 'us' };

describe('orders use cases (in-memory)', () => {
  let p: ReturnType<typeof createInMemoryPersistence>;
  let clock: ManualClock;
  let place: PlaceOrder;
  let orders: OrdersService;
  let retailer: Principal;
  let supplierA: Principal;
  let productA: string;
  let productB: string;

  const asActor = (principal: Principal) => ({ principal });
  const input = (items: [string, number][], over: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
    storeOrderId: `#${Math.random()}`,
    items: items.map(([id, quantity]) => ({ supplierProductId: id, quantity, retailPrice: money(2500) })),
    shippingAddress: address,
    ...over,
  });
  const supplier = async (minMinor = 0) => {
    const owner = await p.repos.users.create(aUser({ role: 'SUPPLIER' }));
    return p.repos.suppliers.create(aSupplier({ ownerUserId: owner.id, status: 'ACTIVE', minOrderValue: money(minMinor) }));
  };

  beforeEach(async () => {
    clock = new ManualClock();
    p = createInMemoryPersistence({ clock });
    place = new PlaceOrder({ repos: p.repos, uow: p.uow, clock }, { platformFee: money(199) });
    orders = new OrdersService({ repos: p.repos, uow: p.uow, clock });
    const retailerId = await givenRetailer(p.repos);
    retailer = { userId: 'u-r', role: 'RETAILER', retailerId, supplierId: null, via: 'session' };
    const a = await supplier();
    const b = await supplier(5000);
    supplierA = { userId: 'u-a', role: 'SUPPLIER', retailerId: null, supplierId: a.id, via: 'session' };
    productA = (await p.repos.products.create(aProduct(a.id, { wholesalePrice: money(1000), inventoryQuantity: 5 }))).id;
    productB = (await p.repos.products.create(aProduct(b.id, { wholesalePrice: money(3000), inventoryQuantity: 5 }))).id;
    const listings = new ListingsService({ repos: p.repos, clock });
    expect((await listings.import(asActor(retailer), { supplierProductIds: [productA, productB] })).ok).toBe(true);
  });

  it('splits per supplier, freezes the platform fee and reserves stock', async () => {
    const r = await place.run(asActor(retailer), input([[productA, 2], [productB, 2]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.supplierOrders.map((so) => so.subtotal.amountMinor).sort()).toEqual([2000, 6000]);
    expect(r.value).toMatchObject({ subtotal: money(8000), platformFee: money(199), total: money(8199), retailTotal: money(10000), status: 'PENDING' });
    expect(r.value.shippingAddress.country).toBe('US');
    expect((await p.repos.products.findById(productA))!.reservedQuantity).toBe(2);
    expect(await p.repos.outbox.pendingCount()).toBe(1);
  });

  it('enforces the minimum per supplier order and leaves stock alone', async () => {
    const r = await place.run(asActor(retailer), input([[productA, 1], [productB, 1]]));
    expect(!r.ok && r.error.code).toBe('ORDER.BELOW_MINIMUM');
    expect((await p.repos.products.findById(productA))!.reservedQuantity).toBe(0);
  });

  it('answers INSUFFICIENT_STOCK with nothing reserved, and refuses a repeated store order id', async () => {
    const short = await place.run(asActor(retailer), input([[productA, 1], [productB, 6]]));
    expect(!short.ok && short.error).toMatchObject({ code: 'INVENTORY.INSUFFICIENT_STOCK', kind: 'conflict', details: { requested: 6, available: 5 } });
    expect((await p.repos.products.findById(productA))!.reservedQuantity).toBe(0);
    expect(await p.repos.outbox.pendingCount()).toBe(0);
    const first = await place.run(asActor(retailer), input([[productA, 1]], { storeOrderId: '#1' }));
    expect(first.ok).toBe(true);
    const dup = await place.run(asActor(retailer), input([[productA, 1]], { storeOrderId: '#1' }));
    expect(!dup.ok && dup.error.code).toBe('ORDER.DUPLICATE_STORE_ORDER');
    expect((await p.repos.products.findById(productA))!.reservedQuantity).toBe(1);
  });

  it('cancels once, releasing stock; refuses once a part shipped; suppliers cannot cancel', async () => {
    const placed = await place.run(asActor(retailer), input([[productA, 3]]));
    if (!placed.ok) throw placed.error;
    expect((await orders.cancel(asActor(supplierA), placed.value.id)).ok).toBe(false);
    const results = await Promise.all([0, 1, 2].map(() => orders.cancel(asActor(retailer), placed.value.id)));
    expect(results.map((r) => r.ok && r.value.releasedUnits).sort()).toEqual([0, 0, 3]);
    expect((await p.repos.products.findById(productA))!.reservedQuantity).toBe(0);

    const shipped = await place.run(asActor(retailer), input([[productA, 1]]));
    if (!shipped.ok) throw shipped.error;
    const part = shipped.value.supplierOrders[0]!;
    await p.repos.orders.setSupplierOrderStatus(part.id, 'PENDING', 'SHIPPED', null, clock.now());
    const refused = await orders.cancel(asActor(retailer), shipped.value.id);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'ORDER.INVALID_TRANSITION', kind: 'conflict' });
  });

  it('scopes reads: a supplier sees its part only, another retailer nothing', async () => {
    const placed = await place.run(asActor(retailer), input([[productA, 1], [productB, 2]]));
    if (!placed.ok) throw placed.error;
    const mine = await orders.get(asActor(supplierA), placed.value.id);
    expect(mine.ok && mine.value.supplierOrders.map((so) => so.supplierId)).toEqual([supplierA.supplierId]);
    const otherRetailer: Principal = { ...retailer, retailerId: await givenRetailer(p.repos) };
    const foreign = await orders.get(asActor(otherRetailer), placed.value.id);
    expect(!foreign.ok && foreign.error.code).toBe('ORDER.NOT_FOUND');
    const list = await orders.listForSupplier(asActor(supplierA), { page: 1, pageSize: 10 });
    expect(list.ok && list.value.total).toBe(1);
  });
});
