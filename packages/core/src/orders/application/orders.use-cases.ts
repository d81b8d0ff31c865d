import { conflict, forbidden, notFound, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { uuidv7 } from '../../shared/ids';
import type { Actor } from '../../shared/actor';
import type { OrderScope } from '../../ports/repositories.port';
import type { Page } from '../../catalog/search-criteria';
import type { Order } from '../order.entity';
import { deriveOrderStatus, isShippedOrLater, transitionSupplierOrder, type OrderStatus, type SupplierOrderStatus } from '../supplier-order.machine';
import type { OrdersDeps } from './place-order.use-case';

export const ORDER_CANCELLED_TOPIC = 'orders.cancelled';

/** Who sees which orders: retailers their own, suppliers their parts, staff everything. */
export function orderScopeOf(actor: Actor): OrderScope | 'all' | null {
  const p = actor.principal;
  if (p.role === 'ADMIN' || p.role === 'SUPPORT') return 'all';
  if (p.role === 'RETAILER' && p.retailerId) return { retailerId: p.retailerId };
  if (p.role === 'SUPPLIER' && p.supplierId) return { supplierId: p.supplierId };
  return null;
}

const orderNotFound = () => notFound('ORDER.NOT_FOUND', 'No such order.');

/** Reading and cancelling orders. */
export class OrdersService {
  constructor(private readonly d: OrdersDeps) {}

  /** One order as the caller may see it; another tenant's order is the same 404 as a missing one. */
  async get(actor: Actor, id: string): Promise<Result<Order, DomainError>> {
    const scope = orderScopeOf(actor);
    if (!scope) return err(orderNotFound());
    const order = await this.d.repos.orders.findById(id, scope === 'all' ? undefined : scope);
    return order ? ok(order) : err(orderNotFound());
  }

  /** The retailer's orders, or every order for staff. */
  async list(actor: Actor, filter: { status?: OrderStatus; page: number; pageSize: number }): Promise<Result<Page<Order>, DomainError>> {
    const scope = orderScopeOf(actor);
    if (scope === 'all') return ok(await this.d.repos.orders.list(filter));
    if (scope && 'retailerId' in scope) return ok(await this.d.repos.orders.list({ ...filter, retailerId: scope.retailerId }));
    return err(forbidden('Suppliers see their orders at GET /api/supplier/orders.'));
  }

  /** The supplier's parts of orders, each order carrying only that part. */
  async listForSupplier(actor: Actor, filter: { status?: SupplierOrderStatus; page: number; pageSize: number }): Promise<Result<Page<Order>, DomainError>> {
    const supplierId = actor.principal.role === 'SUPPLIER' ? actor.principal.supplierId : null;
    if (!supplierId) return err(forbidden('Start your supplier application first (POST /api/supplier/application).'));
    return ok(await this.d.repos.orders.listForSupplier({ ...filter, supplierId }));
  }

  /**
   * Cancels the retailer's order while no part has shipped, releasing its stock exactly once.
   * Cancelling a cancelled order answers the order again (duplicates and races are harmless).
   */
  async cancel(actor: Actor, id: string): Promise<Result<{ order: Order; releasedUnits: number }, DomainError>> {
    const retailerId = actor.principal.role === 'RETAILER' ? actor.principal.retailerId : null;
    if (!retailerId) return err(orderNotFound());
    return this.d.uow.run(async (repos) => {
      const order = await repos.orders.findById(id, { retailerId }, { lock: true });
      if (!order) return err(orderNotFound());
      if (order.status === 'CANCELLED') return ok({ order, releasedUnits: 0 });
      const shipped = order.supplierOrders.filter((so) => isShippedOrLater(so.status));
      if (shipped.length) {
        return err(conflict('ORDER.INVALID_TRANSITION', 'Part of this order has shipped; it can no longer be cancelled.', { shippedSupplierOrderIds: shipped.map((so) => so.id) }));
      }
      const now = this.d.clock.now();
      for (const so of [...order.supplierOrders].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        if (so.status === 'CANCELLED') continue;
        const next = transitionSupplierOrder(so.status, 'CANCELLED');
        if (!next.ok) return next;
        // The order row lock serialises writers; the CAS is the second line of defence.
        if (!(await repos.orders.setSupplierOrderStatus(so.id, so.status, 'CANCELLED', null, now))) {
          throw conflict('ORDER.CONCURRENT_CHANGE', 'The order changed while cancelling; try again.');
        }
      }
      const releasedUnits = await repos.orders.releaseReservations(order.id, now);
      const status = deriveOrderStatus(order.supplierOrders.map(() => 'CANCELLED'));
      await repos.orders.setStatus(order.id, status, now);
      await repos.outbox.enqueue([{ id: uuidv7(), topic: ORDER_CANCELLED_TOPIC, payload: { orderId: order.id }, headers: { 'x-order-id': order.id } }], now);
      const saved = await repos.orders.findById(order.id);
      return ok({ order: saved!, releasedUnits });
    });
  }
}
