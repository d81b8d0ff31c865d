import type { DispatchRepository, OrderEvent } from '@dropship/core';
import { clone, paginate, type Exec } from './memory-state';

const byTimeThenId = <T extends { id?: string }>(time: (x: T) => Date) => (a: T, b: T) => time(a).getTime() - time(b).getTime() || ((a.id ?? '') < (b.id ?? '') ? -1 : 1);

export function memoryDispatch(exec: Exec): DispatchRepository {
  return {
    claimInbox: (consumer, key, _at) =>
      exec((s) => {
        const k = `${consumer}\u0000${key}`;
        if (s.dispatch.inbox.has(k)) return false;
        s.dispatch.inbox.add(k);
        return true;
      }),
    orderIdOf: (supplierOrderId, supplierId) =>
      exec((s) => {
        for (const o of s.orders.values()) {
          const part = o.supplierOrders.find((p) => p.id === supplierOrderId);
          if (part) return supplierId === undefined || part.supplierId === supplierId ? o.id : null;
        }
        return null;
      }),
    recordDispatch: (d) =>
      exec((s) => {
        if (!s.dispatch.dispatches.has(d.supplierOrderId)) s.dispatch.dispatches.set(d.supplierOrderId, clone(d));
      }),
    findDispatch: (id) => exec((s) => clone(s.dispatch.dispatches.get(id) ?? null)),
    undispatched: (before, limit) =>
      exec((s) =>
        [...s.orders.values()]
          .flatMap((o) => o.supplierOrders.map((p) => ({ o, p })))
          .filter(({ p }) => p.status === 'PENDING' && !s.dispatch.dispatches.has(p.id) && p.createdAt.getTime() < before.getTime())
          .sort((a, b) => a.p.createdAt.getTime() - b.p.createdAt.getTime() || (a.p.id < b.p.id ? -1 : 1))
          .slice(0, limit)
          .map(({ o, p }) => ({ orderId: o.id, supplierOrderId: p.id })),
      ),
    appendEvent: (e) =>
      exec((s) => {
        s.dispatch.events.push(clone(e));
      }),
    listEvents: (orderId, supplierOrderId) =>
      exec((s) =>
        clone(
          s.dispatch.events
            .filter((e) => e.orderId === orderId && (supplierOrderId === undefined || e.supplierOrderId === supplierOrderId))
            .sort(byTimeThenId((e: OrderEvent) => e.at)),
        ),
      ),
    saveShipment: (sh) =>
      exec((s) => {
        s.dispatch.shipments.set(sh.supplierOrderId, clone(sh));
      }),
    shipmentsOf: (orderId) =>
      exec((s) =>
        clone(
          [...s.dispatch.shipments.values()]
            .filter((x) => x.orderId === orderId)
            .sort((a, b) => a.shippedAt.getTime() - b.shippedAt.getTime() || (a.supplierOrderId < b.supplierOrderId ? -1 : 1)),
        ),
      ),
    recordDeadLetter: (d) =>
      exec((s) => {
        const existing = [...s.dispatch.deadLetters.values()].find((x) => x.queue === d.queue && x.messageId === d.messageId);
        if (existing) {
          s.dispatch.deadLetters.set(existing.id, clone({ ...d, id: existing.id, firstSeenAt: existing.firstSeenAt, retriedAt: existing.retriedAt }));
        } else {
          s.dispatch.deadLetters.set(d.id, clone(d));
        }
      }),
    listDeadLetters: ({ page, pageSize }) =>
      exec((s) =>
        clone(
          paginate(
            [...s.dispatch.deadLetters.values()].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || (a.id < b.id ? 1 : -1)),
            page,
            pageSize,
          ),
        ),
      ),
    findDeadLetter: (id) => exec((s) => clone(s.dispatch.deadLetters.get(id) ?? null)),
    markDeadLetterRetried: (id, at) =>
      exec((s) => {
        const d = s.dispatch.deadLetters.get(id);
        if (d) s.dispatch.deadLetters.set(id, { ...d, retriedAt: new Date(at) });
      }),
  };
}
