import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@dropship/core';
import { aProduct, at, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';
import { anOrder, givenRetailer } from './orders.contract';

/** Inbox, dispatches, order events, shipments and dead letters (routing, issue 3 part 2). */
export function describeDispatchContract(opts: PersistenceContractOptions): void {
  describe('dispatch: inbox, dispatches, events, shipments, dead letters', () => {
    const db = usePersistence(opts);
    const repos = () => db().repos;
    const givenOrder = async (parts = 1) => {
      const retailerId = await givenRetailer(repos());
      const list = [];
      for (let i = 0; i < parts; i++) {
        const s = await givenSupplier(repos(), { status: 'ACTIVE' });
        list.push({ supplierId: s.id, lines: [{ product: await repos().products.create(aProduct(s.id, { inventoryQuantity: 5 })), quantity: 1 }] });
      }
      return repos().orders.create(anOrder(retailerId, list));
    };

    it('claims an inbox key exactly once, also under concurrency and inside transactions', async () => {
      const key = uniqueWord('msg');
      const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? repos().dispatch.claimInbox('q', key, at()) : db().uow.run((r) => r.dispatch.claimInbox('q', key, at())))));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await repos().dispatch.claimInbox('other-queue', key, at())).toBe(true);
      await expect(db().uow.run(async (r) => {
        await r.dispatch.claimInbox('q', `${key}-rolled-back`, at());
        throw new Error('rollback');
      })).rejects.toThrow('rollback');
      expect(await repos().dispatch.claimInbox('q', `${key}-rolled-back`, at())).toBe(true);
    });

    it('records one dispatch per supplier order (the first wins) and lists undispatched PENDING parts oldest first', async () => {
      const order = await givenOrder(2);
      const [a, b] = order.supplierOrders;
      const pending = await repos().dispatch.undispatched(at(1), 10_000);
      expect(pending.filter((p) => p.orderId === order.id).map((p) => p.supplierOrderId).sort()).toEqual([a!.id, b!.id].sort());
      expect(await repos().dispatch.undispatched(at(-1), 10_000)).not.toContainEqual({ orderId: order.id, supplierOrderId: a!.id });
      await repos().dispatch.recordDispatch({ supplierOrderId: a!.id, orderId: order.id, supplierReference: 'R-1', dispatchedAt: at() });
      await repos().dispatch.recordDispatch({ supplierOrderId: a!.id, orderId: order.id, supplierReference: 'R-2', dispatchedAt: at() });
      expect(await repos().dispatch.findDispatch(a!.id)).toMatchObject({ supplierReference: 'R-1', orderId: order.id });
      expect(await repos().dispatch.findDispatch(b!.id)).toBeNull();
      await repos().orders.setSupplierOrderStatus(b!.id, 'PENDING', 'CANCELLED', null, at());
      expect((await repos().dispatch.undispatched(at(1), 10_000)).filter((p) => p.orderId === order.id)).toEqual([]);
      expect(await repos().dispatch.orderIdOf(a!.id)).toBe(order.id);
      expect(await repos().dispatch.orderIdOf(a!.id, a!.supplierId)).toBe(order.id);
      expect(await repos().dispatch.orderIdOf(a!.id, b!.supplierId)).toBeNull();
      expect(await repos().dispatch.orderIdOf(uuidv7())).toBeNull();
    });

    it('appends order events and lists them oldest first, per order and per part', async () => {
      const order = await givenOrder();
      const part = order.supplierOrders[0]!;
      await repos().dispatch.appendEvent({ id: uuidv7(), orderId: order.id, supplierOrderId: part.id, type: 'b', details: { n: 2, nested: { ok: true } }, at: at(2) });
      await repos().dispatch.appendEvent({ id: uuidv7(), orderId: order.id, supplierOrderId: null, type: 'a', details: {}, at: at(1) });
      const all = await repos().dispatch.listEvents(order.id);
      expect(all.map((e) => e.type)).toEqual(['a', 'b']);
      expect(all[1]).toMatchObject({ supplierOrderId: part.id, details: { n: 2, nested: { ok: true } }, at: at(2) });
      expect((await repos().dispatch.listEvents(order.id, part.id)).map((e) => e.type)).toEqual(['b']);
    });

    it('keeps one shipment per supplier order (saving again replaces it)', async () => {
      const order = await givenOrder(2);
      const [a, b] = order.supplierOrders;
      await repos().dispatch.saveShipment({ supplierOrderId: b!.id, orderId: order.id, trackingNumber: 'T2', carrier: null, trackingUrl: null, shippedAt: at(2), deliveredAt: null });
      await repos().dispatch.saveShipment({ supplierOrderId: a!.id, orderId: order.id, trackingNumber: 'T1', carrier: 'UPS', trackingUrl: 'https://x.test/T1', shippedAt: at(1), deliveredAt: null });
      await repos().dispatch.saveShipment({ supplierOrderId: a!.id, orderId: order.id, trackingNumber: 'T1', carrier: 'UPS', trackingUrl: 'https://x.test/T1', shippedAt: at(1), deliveredAt: at(5) });
      const list = await repos().dispatch.shipmentsOf(order.id);
      expect(list.map((s) => s.trackingNumber)).toEqual(['T1', 'T2']);
      expect(list[0]).toMatchObject({ carrier: 'UPS', deliveredAt: at(5) });
      expect(list[1]).toMatchObject({ carrier: null, trackingUrl: null, deliveredAt: null });
    });

    it('upserts dead letters by (queue, message id), keeping the first sighting, and marks retries', async () => {
      const queue = uniqueWord('queue');
      const base = { queue, messageId: 'm-1', topic: 'orders.placed', payload: { orderId: 'x' }, reason: 'boom', attempts: 3, retriedAt: null };
      await repos().dispatch.recordDeadLetter({ ...base, id: uuidv7(), firstSeenAt: at(1), lastSeenAt: at(1) });
      await repos().dispatch.recordDeadLetter({ ...base, id: uuidv7(), reason: 'boom again', attempts: 6, firstSeenAt: at(9), lastSeenAt: at(9) });
      const mine = (await repos().dispatch.listDeadLetters({ page: 1, pageSize: 200 })).items.filter((d) => d.queue === queue);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ messageId: 'm-1', payload: { orderId: 'x' }, reason: 'boom again', attempts: 6, firstSeenAt: at(1), lastSeenAt: at(9), retriedAt: null });
      await repos().dispatch.markDeadLetterRetried(mine[0]!.id, at(10));
      expect(await repos().dispatch.findDeadLetter(mine[0]!.id)).toMatchObject({ retriedAt: at(10) });
      expect(await repos().dispatch.findDeadLetter(uuidv7())).toBeNull();
    });
  });
}
