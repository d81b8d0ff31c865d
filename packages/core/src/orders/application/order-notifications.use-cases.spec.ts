import { createInMemoryPersistence, givenTwoSupplierOrderWorld, RecordingNotifier } from '@dropship/adapter-testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../accounts/user.entity';
import { DatabaseNotifier, FanOutNotifier } from '../../notifications/database-notifier';
import { money } from '../../shared/money';
import { ManualClock } from '../../test-support';
import type { OutboxRow } from '../../ports/repositories.port';
import type { SupplierGateway } from '../../ports/supplier.port';
import { DispatchOrders } from './dispatch.use-cases';
import { FulfilmentService } from './fulfilment.use-cases';
import { NOTIFICATION_TOPICS, OrderNotifications } from './order-notifications.use-cases';
import { PlaceOrder } from './place-order.use-case';

const address = { name: 'Ada', address1: '1 Main St', city: 'Springfield', zip: '12345', country: 'us' };

describe('order notifications (in-memory + RecordingNotifier)', () => {
  let p: ReturnType<typeof createInMemoryPersistence>;
  let clock: ManualClock;
  let place: PlaceOrder;
  let dispatch: DispatchOrders;
  let fulfil: FulfilmentService;
  let notifier: RecordingNotifier;
  let notifications: OrderNotifications;
  let retailer: Principal;
  let retailerEmail: string;
  let retailerUserId: string;
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
  /** What the relay would publish: every pending outbox row with a notification topic. */
  const events = async (): Promise<OutboxRow[]> => {
    const rows: OutboxRow[] = [];
    await p.repos.outbox.relayBatch(1000, async (batch) => (rows.push(...batch), batch.map((r) => r.id)), clock.now());
    return rows.filter((r) => (NOTIFICATION_TOPICS as readonly string[]).includes(r.topic));
  };
  const partOf = async (orderId: string, supplierId: string) => (await p.repos.orders.findById(orderId))!.supplierOrders.find((s) => s.supplierId === supplierId)!;

  beforeEach(async () => {
    clock = new ManualClock();
    p = createInMemoryPersistence({ clock });
    const deps = { repos: p.repos, uow: p.uow, clock };
    place = new PlaceOrder(deps);
    dispatch = new DispatchOrders({ ...deps, gateways: async (id) => gateways.get(id)! });
    fulfil = new FulfilmentService(deps);
    notifier = new RecordingNotifier();
    notifications = new OrderNotifications({ repos: p.repos, notifier: new FanOutNotifier([new DatabaseNotifier(() => p.repos.notifications, clock), notifier]), siteUrl: 'https://shop.example/' });
    let owner;
    ({ retailer, retailerOwner: owner, supplierA, supplierB, productA, productB } = await givenTwoSupplierOrderWorld(p, clock, gateways));
    retailerEmail = owner.email;
    retailerUserId = owner.id;
  });

  it('a confirmed supplier order sends one order-confirmed message; the same event twice still one', async () => {
    const order = await placeOrder([[productA, 2]]);
    await dispatch.dispatchOrder(order.id, 'm1');
    const [confirmed, ...rest] = await events();
    expect(rest).toHaveLength(0);
    expect(confirmed!.topic).toBe('orders.supplier-order.confirmed');
    await notifications.handle(confirmed!);
    await notifications.handle(confirmed!);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.to(retailerEmail, 'order-confirmed')).toHaveLength(1);
    expect(notifier.sent[0]!.text).toContain(`https://shop.example/orders/${order.id}`);
    const stored = await p.repos.notifications.listForUser(retailerUserId, { page: 1, pageSize: 10 });
    expect(stored.total).toBe(1);
    expect(stored.items[0]).toMatchObject({ id: notifier.sent[0]!.id, template: 'order-confirmed', readAt: null });
  });

  it('split shipments: one split-shipment message per parcel, with its tracking number', async () => {
    const order = await placeOrder([[productA, 2], [productB, 1]]);
    await dispatch.dispatchOrder(order.id, 'm1');
    const partB = await partOf(order.id, supplierB.supplierId!);
    const partA = await partOf(order.id, supplierA.supplierId!);
    expect((await fulfil.accept(actor(supplierB), partB.id)).ok).toBe(true);
    expect((await fulfil.ship(actor(supplierB), partB.id, { trackingNumber: '1Z999AA10123456784' })).ok).toBe(true);
    expect((await fulfil.ship(actor(supplierA), partA.id, { trackingNumber: '9400111899223100000000', carrier: 'usps' })).ok).toBe(true);
    const all = await events();
    expect(all.map((e) => e.topic).sort()).toEqual(['orders.supplier-order.confirmed', 'orders.supplier-order.confirmed', 'orders.supplier-order.shipped', 'orders.supplier-order.shipped']);
    for (const e of [...all, ...all]) await notifications.handle(e);
    const split = notifier.to(retailerEmail, 'split-shipment');
    expect(split).toHaveLength(2);
    expect(split.map((m) => m.subject).sort()).toEqual([expect.stringContaining('parcel 1 of 2'), expect.stringContaining('parcel 2 of 2')]);
    expect(split.map((m) => m.text).join('\n')).toContain('1Z999AA10123456784');
    expect(split.map((m) => m.text).join('\n')).toContain('9400111899223100000000');
    expect(notifier.to(retailerEmail, 'supplier-order-shipped')).toHaveLength(0);
    expect(notifier.to(retailerEmail, 'order-confirmed')).toHaveLength(2);
  });

  it('a single-supplier shipment uses the shipped template; a failed part explains cancel or wait', async () => {
    const order = await placeOrder([[productB, 1]]);
    await dispatch.dispatchOrder(order.id, 'm1');
    const part = await partOf(order.id, supplierB.supplierId!);
    expect((await fulfil.ship(actor(supplierB), part.id, { trackingNumber: '1Z999AA10123456784' })).ok).toBe(true);
    for (const e of await events()) await notifications.handle(e);
    expect(notifier.to(retailerEmail, 'supplier-order-shipped')).toHaveLength(1);
    expect(notifier.to(retailerEmail, 'supplier-order-shipped')[0]!.html).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');

    const second = await placeOrder([[productB, 1]]);
    await dispatch.deadLettered({ id: 'm9', topic: 'orders.placed', payload: { orderId: second.id }, attempt: 6, queue: 'worker.order-dispatch', reason: 'Supplier answered 500', deadAt: clock.now() });
    const failed = (await events()).filter((e) => e.topic === 'orders.supplier-order.failed');
    expect(failed).toHaveLength(1);
    await notifications.handle(failed[0]!);
    const [msg] = notifier.to(retailerEmail, 'supplier-order-failed');
    expect(msg!.text).toMatch(/Dispatch stopped after 6 attempts/);
    expect(msg!.text).toMatch(/Cancel that part/);
  });
});
