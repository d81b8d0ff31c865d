import {
  conflict,
  deriveStatus,
  uuidv7,
  type Order,
  type OrderRepository,
  type OrderScope,
  type SupplierProduct,
} from '@dropship/core';
import { clone, newestFirst, paginate, type Exec, type MemoryState } from './memory-state';

const restock = (s: MemoryState, p: SupplierProduct, reserved: number) =>
  s.products.set(p.id, { ...p, reservedQuantity: reserved, status: deriveStatus(p.discontinued, p.inventoryQuantity, reserved) });

/** An order as a scope may see it: a supplier gets only its part, others' orders are null. */
function visible(o: Order | undefined, scope?: OrderScope): Order | null {
  if (!o) return null;
  if (!scope) return o;
  if ('retailerId' in scope) return o.retailerId === scope.retailerId ? o : null;
  const parts = o.supplierOrders.filter((so) => so.supplierId === scope.supplierId);
  return parts.length ? { ...o, supplierOrders: parts } : null;
}

/** Orders and reservations; the serialised store makes every method atomic like the SQL ones. */
export function memoryOrders(exec: Exec): OrderRepository {
  return {
    reserveStock: (lines) =>
      exec((s) => {
        const sorted = [...lines].sort((a, b) => (a.supplierProductId < b.supplierProductId ? -1 : 1));
        for (const l of sorted) {
          const p = s.products.get(l.supplierProductId);
          const available = p ? p.inventoryQuantity - p.reservedQuantity : 0;
          if (!p || available < l.quantity) return { ...l, available: Math.max(0, available) };
        }
        for (const l of sorted) {
          const p = s.products.get(l.supplierProductId)!;
          restock(s, p, p.reservedQuantity + l.quantity);
        }
        return null;
      }),
    create: (order) =>
      exec((s) => {
        if (s.orders.has(order.id)) throw conflict('ORDER.ALREADY_EXISTS', 'An order with this id already exists.');
        const dup = [...s.orders.values()].some((o) => o.retailerId === order.retailerId && o.storeId === order.storeId && o.storeOrderId === order.storeOrderId);
        if (dup) throw conflict('ORDER.DUPLICATE_STORE_ORDER', `Order ${order.storeOrderId} of this store was already placed.`);
        const stored: Order = { ...clone(order), number: ++s.orderSeq };
        s.orders.set(stored.id, stored);
        for (const so of stored.supplierOrders) {
          for (const item of so.items) {
            const id = uuidv7(order.createdAt.getTime());
            s.reservations.set(id, { id, orderId: order.id, supplierOrderId: so.id, supplierProductId: item.supplierProductId, quantity: item.quantity, state: 'HELD', createdAt: order.createdAt, updatedAt: order.createdAt });
          }
        }
        return clone(stored);
      }),
    findById: (id, scope) => exec((s) => clone(visible(s.orders.get(id), scope))),
    list: (f) =>
      exec((s) => {
        const rows = [...s.orders.values()]
          .filter((o) => (f.retailerId === undefined || o.retailerId === f.retailerId) && (f.status === undefined || o.status === f.status))
          .sort(newestFirst((o) => o.createdAt));
        return clone(paginate(rows, f.page, f.pageSize));
      }),
    listForSupplier: (f) =>
      exec((s) => {
        const rows = [...s.orders.values()]
          .map((o) => visible(o, { supplierId: f.supplierId }))
          .filter((o): o is Order => o !== null && (f.status === undefined || o.supplierOrders[0]!.status === f.status))
          .sort(newestFirst((o) => o.createdAt));
        return clone(paginate(rows, f.page, f.pageSize));
      }),
    setSupplierOrderStatus: (id, from, to, failureReason, at) =>
      exec((s) => {
        for (const o of s.orders.values()) {
          const so = o.supplierOrders.find((x) => x.id === id);
          if (!so) continue;
          if (so.status !== from) return false;
          const parts = o.supplierOrders.map((x) => (x.id === id ? { ...x, status: to, failureReason: to === 'FAILED' ? failureReason : null, updatedAt: new Date(at) } : x));
          s.orders.set(o.id, { ...o, supplierOrders: parts });
          return true;
        }
        return false;
      }),
    setStatus: (orderId, status, at) =>
      exec((s) => {
        const o = s.orders.get(orderId);
        if (o) s.orders.set(orderId, { ...o, status, updatedAt: new Date(at) });
      }),
    releaseReservations: (orderId, at) =>
      exec((s) => {
        const held = [...s.reservations.values()].filter((r) => r.orderId === orderId && r.state === 'HELD').sort((a, b) => (a.supplierProductId < b.supplierProductId ? -1 : 1));
        let units = 0;
        for (const r of held) {
          s.reservations.set(r.id, { ...r, state: 'RELEASED', updatedAt: new Date(at) });
          const p = s.products.get(r.supplierProductId);
          if (p) restock(s, p, p.reservedQuantity - r.quantity);
          units += r.quantity;
        }
        return units;
      }),
    confirmReservations: (supplierOrderId, at) =>
      exec((s) => {
        const held = [...s.reservations.values()].filter((r) => r.supplierOrderId === supplierOrderId && r.state === 'HELD');
        let units = 0;
        for (const r of held) {
          s.reservations.set(r.id, { ...r, state: 'CONFIRMED', updatedAt: new Date(at) });
          const p = s.products.get(r.supplierProductId);
          if (p) {
            const onHand = p.inventoryQuantity - r.quantity;
            const reserved = p.reservedQuantity - r.quantity;
            s.products.set(p.id, { ...p, inventoryQuantity: onHand, reservedQuantity: reserved, status: deriveStatus(p.discontinued, onHand, reserved) });
          }
          units += r.quantity;
        }
        return units;
      }),
    reservationsOf: (orderId) =>
      exec((s) =>
        [...s.reservations.values()]
          .filter((r) => r.orderId === orderId)
          .map((r) => ({ supplierProductId: r.supplierProductId, quantity: r.quantity, state: r.state })),
      ),
  };
}
