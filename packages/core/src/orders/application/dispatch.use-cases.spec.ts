import { createInMemoryPersistence, FakeSupplier, givenTwoSupplierOrderWorld } from '@dropship/adapter-testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../accounts/user.entity';
import { PermanentFailure } from '../../shared/adapter-error';
import { money } from '../../shared/money';
import { ManualClock } from '../../test-support';
import type { SupplierGateway } from '../../ports/supplier.port';
import { DispatchOrders } from './dispatch.use-cases';
import { FulfilmentService } from './fulfilment.use-cases';
import { PlaceOrder } from './place-order.use-case';

const address = { name: 'Ada', address1: '1 Main St', city: 'Springfield', zip: '12345', country: 'us' };

describe('dispatch and fulfilment (in-memory + FakeSupplier)', () => {
  let p: ReturnType<typeof createInMemoryPersistence>;
  let clock: ManualClock;
  let place: PlaceOrder;
  let dispatch: DispatchOrders;
  let fulfil: FulfilmentService;
  let fake: FakeSupplier;
  let retailer: Principal;
  let supplierA: Principal;
  let supplierB: Principal;
  let productA: string;
  let productB: string;
  const gateways = new Map<string, { gateway: SupplierGateway; adapter: string }>();

  const actor = (principal: Principal) => ({ principal });
  const placeOrder = async (items: [string, number][]) => {
    const r = await place.run(actor(retailer), {
      storeOrderId: `#${Math.random()}`,
      items: items.map(([id, quantity]) => ({ supplierProductId: id, quantity, retailPrice: money(2500) })),
      shippingAddress: address,
    });
    if (!r.ok) throw r.error;
    return r.value;
  };
  const partOf = async (orderId: string, supplierId: string) => (await p.repos.orders.findById(orderId))!.supplierOrders.find((s) => s.supplierId === supplierId)!;

  beforeEach(async () => {
    clock = new ManualClock();
    p = createInMemoryPersistence({ clock });
    const deps = { repos: p.repos, uow: p.uow, clock };
    place = new PlaceOrder(deps);
    dispatch = new DispatchOrders({ ...deps, gateways: async (id) => gateways.get(id)! });
    fulfil = new FulfilmentService(deps);
    ({ retailer, supplierA, supplierB, fake, productA, productB } = await givenTwoSupplierOrderWorld(p, clock, gateways));
  });

  it('accepted → CONFIRMED with the supplier reference; the portal part waits PENDING; events record the call', async () => {
    const order = await placeOrder([[productA, 2], [productB, 1]]);
    expect(await dispatch.dispatchOrder(order.id, 'm1')).toEqual(expect.arrayContaining(['CONFIRMED', 'WAITING']));
    expect((await partOf(order.id, supplierA.supplierId!)).status).toBe('CONFIRMED');
    expect((await partOf(order.id, supplierB.supplierId!)).status).toBe('PENDING');
    const sent = await fake.orders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ reference: (await partOf(order.id, supplierA.supplierId!)).id, lines: [{ sku: 'SKU-A', quantity: 2 }] });
    const events = await fulfil.events(actor(retailer), order.id);
    expect(events.ok && events.value.map((e) => e.type)).toEqual(expect.arrayContaining(['dispatch.requested', 'dispatch.accepted', 'status.changed']));
    // the sweep finds nothing left to dispatch
    clock.advance(60_000);
    expect(await dispatch.sweep(1_000)).toEqual({ dispatched: 0, failed: 0 });
  });

  it('the sweep dispatches PENDING parts no message reached (self-healing), but only once they are old enough', async () => {
    const order = await placeOrder([[productA, 1], [productB, 1]]);
    expect(await dispatch.sweep(5 * 60_000)).toEqual({ dispatched: 0, failed: 0 });
    clock.advance(6 * 60_000);
    expect(await dispatch.sweep(5 * 60_000)).toEqual({ dispatched: 2, failed: 0 });
    expect((await partOf(order.id, supplierA.supplierId!)).status).toBe('CONFIRMED');
    expect(await p.repos.dispatch.findDispatch((await partOf(order.id, supplierB.supplierId!)).id)).toMatchObject({ orderId: order.id });
    // the late message finds nothing left to do
    expect(await dispatch.dispatchOrder(order.id, 'late')).toEqual(['SKIPPED', 'SKIPPED']);
    expect(fake.calls).toBe(1);
  });

  it('no duplicate on redelivery of the same message', async () => {
    const order = await placeOrder([[productA, 1]]);
    await dispatch.dispatchOrder(order.id, 'm1');
    expect(await dispatch.dispatchOrder(order.id, 'm1')).toEqual(['SKIPPED']);
    expect(fake.calls).toBe(1);
    expect(await fake.orders()).toHaveLength(1);
  });

  it('out of stock → FAILED with the reason, reservation kept', async () => {
    await fake.setStock('SKU-A', 0);
    const order = await placeOrder([[productA, 3]]);
    expect(await dispatch.dispatchOrder(order.id, 'm1')).toEqual(['FAILED']);
    const part = await partOf(order.id, supplierA.supplierId!);
    expect(part.status).toBe('FAILED');
    expect(part.failureReason).toMatch(/OUT_OF_STOCK/);
    expect((await p.repos.orders.reservationsOf(order.id))[0]!.state).toBe('HELD');
  });

  it('a retryable error is thrown (the bus retries), then the retry succeeds', async () => {
    await fake.failNext('http-500');
    const order = await placeOrder([[productA, 1]]);
    await expect(dispatch.dispatchOrder(order.id, 'm1')).rejects.toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true });
    expect((await partOf(order.id, supplierA.supplierId!)).status).toBe('PENDING');
    expect(await dispatch.dispatchOrder(order.id, 'm1')).toEqual(['CONFIRMED']);
    expect(await fake.orders()).toHaveLength(1);
  });

  it("one supplier's outage neither holds back nor fails the other supplier's part", async () => {
    await fake.failNext('http-500');
    const order = await placeOrder([[productA, 1], [productB, 1]]);
    await expect(dispatch.dispatchOrder(order.id, 'm1')).rejects.toMatchObject({ code: 'ADAPTER.UNAVAILABLE' });
    const partB = await partOf(order.id, supplierB.supplierId!);
    expect(await p.repos.dispatch.findDispatch(partB.id)).toMatchObject({ orderId: order.id });
    await dispatch.deadLettered({ id: 'm1', topic: 'orders.placed', payload: { orderId: order.id }, attempt: 6, queue: 'worker.order-dispatch', reason: 'Supplier answered 500', deadAt: clock.now() });
    expect((await partOf(order.id, supplierA.supplierId!)).status).toBe('FAILED');
    expect((await partOf(order.id, supplierB.supplierId!)).status).toBe('PENDING');
  });

  it('outcome unknown → the next attempt looks the order up instead of resending (no idempotency support)', async () => {
    fake = new FakeSupplier({ idempotent: false });
    gateways.set(supplierA.supplierId!, { gateway: fake.gateway, adapter: 'fake' });
    await fake.failNext('timeout-after-accept');
    const order = await placeOrder([[productA, 1]]);
    await expect(dispatch.dispatchOrder(order.id, 'm1')).rejects.toMatchObject({ code: 'ADAPTER.TIMEOUT' });
    expect(await dispatch.dispatchOrder(order.id, 'm1')).toEqual(['CONFIRMED']);
    expect(fake.calls).toBe(1);
    expect(await fake.orders()).toHaveLength(1);
    const events = await p.repos.dispatch.listEvents(order.id);
    expect(events.map((e) => e.type)).toContain('dispatch.lookup');
  });

  it('an unknown order is a PermanentFailure; a dead letter fails the waiting parts and an admin retry republishes', async () => {
    await expect(dispatch.dispatchOrder('00000000-0000-7000-8000-000000000000', 'poison')).rejects.toBeInstanceOf(PermanentFailure);
    await fake.failNext('http-500');
    const order = await placeOrder([[productA, 1]]);
    await expect(dispatch.dispatchOrder(order.id, 'm2')).rejects.toBeTruthy();
    const dead = { id: 'm2', topic: 'orders.placed', payload: { orderId: order.id }, attempt: 6, queue: 'worker.order-dispatch', reason: 'Supplier answered 500', deadAt: clock.now() };
    await dispatch.deadLettered(dead);
    await dispatch.deadLettered(dead);
    const part = await partOf(order.id, supplierA.supplierId!);
    expect(part.status).toBe('FAILED');
    expect(part.failureReason).toMatch(/Dispatch stopped after 6 attempts/);
    const admin: Principal = { userId: 'u-admin', role: 'ADMIN', retailerId: null, supplierId: null, via: 'session' };
    const list = await fulfil.listDeadLetters(actor(admin), { page: 1, pageSize: 20 });
    expect(list.ok && list.value.total).toBe(1);
    const retried = await fulfil.retryDeadLetter(actor(admin), list.ok ? list.value.items[0]!.id : '');
    expect(retried.ok).toBe(true);
    expect((await partOf(order.id, supplierA.supplierId!)).status).toBe('PENDING');
    // orders.placed, orders.supplier-order.failed (the dead letter failed the part) and the retry
    expect(await p.repos.outbox.pendingCount()).toBe(3);
    expect((await p.repos.audit.list({ targetType: 'dead_letter', page: 1, pageSize: 5 })).total).toBe(1);
    expect((await fulfil.listDeadLetters(actor(retailer), { page: 1, pageSize: 5 })).ok).toBe(false);
  });

  it('suppliers accept and ship their own parts (split shipments, carrier detected, stock leaves); foreign = 404', async () => {
    const order = await placeOrder([[productA, 2], [productB, 1]]);
    await dispatch.dispatchOrder(order.id, 'm1');
    const partB = await partOf(order.id, supplierB.supplierId!);
    const partA = await partOf(order.id, supplierA.supplierId!);
    expect((await fulfil.accept(actor(supplierA), partB.id)).ok).toBe(false);
    expect(await fulfil.accept(actor(supplierB), partB.id)).toMatchObject({ ok: true, value: { status: 'CONFIRMED' } });
    const shipped = await fulfil.ship(actor(supplierB), partB.id, { trackingNumber: '1Z999AA10123456784' });
    expect(shipped.ok && shipped.value.shipment).toMatchObject({ carrier: 'UPS', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' });
    expect((await p.repos.products.findById(productB))).toMatchObject({ inventoryQuantity: 9, reservedQuantity: 0 });
    expect((await fulfil.ship(actor(supplierA), partA.id, { trackingNumber: '9400111899223100000000', carrier: 'usps' })).ok).toBe(true);
    const status = await fulfil.status(actor(retailer), order.id);
    expect(status.ok && status.value.status).toBe('SHIPPED');
    expect(status.ok && status.value.tracking.shipments.map((s) => s.carrier).sort()).toEqual(['UPS', 'USPS']);
    expect((await fulfil.deliver(actor(supplierB), partB.id)).ok).toBe(true);
    const other: Principal = { ...retailer, retailerId: '00000000-0000-7000-8000-000000000001' };
    expect(!(await fulfil.status(actor(other), order.id)).ok).toBe(true);
    expect(!(await fulfil.events(actor(supplierA), order.id)).ok).toBe(true);
  });
});
