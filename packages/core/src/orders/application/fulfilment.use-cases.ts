import { conflict, forbidden, notFound, validationError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { isUuid, uuidv7 } from '../../shared/ids';
import type { Actor } from '../../shared/actor';
import type { Page } from '../../catalog/search-criteria';
import type { DeadLetterRecord, OrderEvent, Shipment } from '../../ports/dispatch.port';
import { detectCarrier, normalizeTrackingNumber, parseCarrier, trackingUrl } from '../../fulfillment/carriers';
import type { Order, SupplierOrder } from '../order.entity';
import type { OrderStatus } from '../supplier-order.machine';
import { DEAD_LETTER_REASON_PREFIX, moveSupplierOrder } from './dispatch.use-cases';
import { orderScopeOf } from './orders.use-cases';
import type { OrdersDeps } from './place-order.use-case';

const orderNotFound = () => notFound('ORDER.NOT_FOUND', 'No such order.');
const partNotFound = () => notFound('SUPPLIER_ORDER.NOT_FOUND', 'No such supplier order.');

export interface OrderTracking {
  readonly status: OrderStatus;
  readonly tracking: {
    readonly number: string | null;
    readonly url: string | null;
    readonly carrier: string | null;
    readonly shipments: readonly {
      supplierOrderId: string;
      status: string;
      trackingNumber: string;
      carrier: string | null;
      trackingUrl: string | null;
      shippedAt: Date;
      deliveredAt: Date | null;
    }[];
  };
}

export interface ShipInput {
  readonly trackingNumber: string;
  readonly carrier?: string;
  readonly trackingUrl?: string;
}

/** Suppliers accept, ship and deliver their parts; retailers and staff read status and history; admins handle dead letters. */
export class FulfilmentService {
  constructor(private readonly d: OrdersDeps) {}

  /** PENDING → CONFIRMED, CONFIRMED → PROCESSING. */
  async accept(actor: Actor, supplierOrderId: string): Promise<Result<SupplierOrder, DomainError>> {
    return this.onPart(actor, supplierOrderId, async (repos, order, part, at) => {
      const to = part.status === 'PENDING' ? 'CONFIRMED' : 'PROCESSING';
      if (!(await moveSupplierOrder(repos, order, part, to, null, at, { by: 'supplier' }))) {
        return err(conflict('ORDER.INVALID_TRANSITION', `A supplier order in ${part.status} cannot be accepted.`, { from: part.status }));
      }
      return ok({ ...part, status: to, updatedAt: at });
    });
  }

  /** → SHIPPED with tracking (carrier detected when omitted); the part's reserved stock leaves (confirmed once). */
  async ship(actor: Actor, supplierOrderId: string, input: ShipInput): Promise<Result<{ supplierOrder: SupplierOrder; shipment: Shipment }, DomainError>> {
    const number = normalizeTrackingNumber(String(input.trackingNumber ?? ''));
    if (!number || number.length > 64) return err(validationError('VALIDATION.FAILED', 'Invalid tracking number.', [{ path: '/trackingNumber', message: 'must be 1–64 characters' }]));
    return this.onPart(actor, supplierOrderId, async (repos, order, part, at) => {
      let current = part;
      let currentOrder = order;
      if (current.status === 'PENDING') {
        if (!(await moveSupplierOrder(repos, order, current, 'CONFIRMED', null, at, { by: 'supplier' }))) return err(conflict('ORDER.INVALID_TRANSITION', 'Cannot ship this supplier order.'));
        current = { ...current, status: 'CONFIRMED' };
        currentOrder = { ...order, supplierOrders: order.supplierOrders.map((p) => (p.id === current.id ? current : p)) };
      }
      const carrier = (input.carrier ? (parseCarrier(input.carrier) ?? input.carrier.trim().toUpperCase().slice(0, 40)) : detectCarrier(number)) || null;
      const known = carrier ? parseCarrier(carrier) : null;
      const url = input.trackingUrl ?? (known ? trackingUrl(known, number) : null);
      if (!(await moveSupplierOrder(repos, currentOrder, current, 'SHIPPED', null, at, { by: 'supplier', trackingNumber: number, carrier }))) {
        return err(conflict('ORDER.INVALID_TRANSITION', `A supplier order in ${current.status} cannot be shipped.`, { from: current.status }));
      }
      const units = await repos.orders.confirmReservations(part.id, at);
      const shipment: Shipment = { supplierOrderId: part.id, orderId: order.id, trackingNumber: number, carrier, trackingUrl: url, shippedAt: at, deliveredAt: null };
      await repos.dispatch.saveShipment(shipment);
      await repos.dispatch.appendEvent({ id: uuidv7(at.getTime()), orderId: order.id, supplierOrderId: part.id, type: 'shipment.created', details: { trackingNumber: number, carrier, trackingUrl: url, confirmedUnits: units }, at });
      return ok({ supplierOrder: { ...current, status: 'SHIPPED', updatedAt: at }, shipment });
    });
  }

  /** SHIPPED → DELIVERED. */
  async deliver(actor: Actor, supplierOrderId: string): Promise<Result<SupplierOrder, DomainError>> {
    return this.onPart(actor, supplierOrderId, async (repos, order, part, at) => {
      if (!(await moveSupplierOrder(repos, order, part, 'DELIVERED', null, at, { by: 'supplier' }))) {
        return err(conflict('ORDER.INVALID_TRANSITION', `A supplier order in ${part.status} cannot be delivered.`, { from: part.status }));
      }
      const shipment = (await repos.dispatch.shipmentsOf(order.id)).find((s) => s.supplierOrderId === part.id);
      if (shipment) await repos.dispatch.saveShipment({ ...shipment, deliveredAt: at });
      return ok({ ...part, status: 'DELIVERED', updatedAt: at });
    });
  }

  /** The order's status and its shipments (one per shipped supplier order). Foreign = 404. */
  async status(actor: Actor, orderId: string): Promise<Result<OrderTracking, DomainError>> {
    const order = await this.visible(actor, orderId);
    if (!order) return err(orderNotFound());
    const statusOf = new Map(order.supplierOrders.map((p) => [p.id, p.status]));
    const shipments = (await this.d.repos.dispatch.shipmentsOf(order.id))
      .filter((s) => statusOf.has(s.supplierOrderId))
      .map((s) => ({ supplierOrderId: s.supplierOrderId, status: statusOf.get(s.supplierOrderId)!, trackingNumber: s.trackingNumber, carrier: s.carrier, trackingUrl: s.trackingUrl, shippedAt: s.shippedAt, deliveredAt: s.deliveredAt }));
    const first = shipments[0];
    return ok({ status: order.status, tracking: { number: first?.trackingNumber ?? null, url: first?.trackingUrl ?? null, carrier: first?.carrier ?? null, shipments } });
  }

  /** The order's event log: the retailer its own orders, staff any. Everyone else gets 404. */
  async events(actor: Actor, orderId: string): Promise<Result<OrderEvent[], DomainError>> {
    const scope = orderScopeOf(actor);
    if (!scope || (scope !== 'all' && !('retailerId' in scope)) || !isUuid(orderId)) return err(orderNotFound());
    const order = await this.d.repos.orders.findById(orderId, scope === 'all' ? undefined : scope);
    if (!order) return err(orderNotFound());
    return ok(await this.d.repos.dispatch.listEvents(order.id));
  }

  async listDeadLetters(actor: Actor, filter: { page: number; pageSize: number }): Promise<Result<Page<DeadLetterRecord>, DomainError>> {
    if (actor.principal.role !== 'ADMIN') return err(forbidden());
    return ok(await this.d.repos.dispatch.listDeadLetters(filter));
  }

  /**
   * Republishes a dead letter through the outbox (new message id, header `x-dead-letter-id`), puts
   * the parts that dispatch gave up on back to PENDING, and writes an audit row — one transaction.
   */
  async retryDeadLetter(actor: Actor, id: string): Promise<Result<{ deadLetter: DeadLetterRecord; messageId: string }, DomainError>> {
    if (actor.principal.role !== 'ADMIN') return err(forbidden());
    const at = this.d.clock.now();
    return this.d.uow.run(async (repos) => {
      const dl = isUuid(id) ? await repos.dispatch.findDeadLetter(id) : null;
      if (!dl) return err(notFound('DEAD_LETTER.NOT_FOUND', 'No such dead letter.'));
      const messageId = uuidv7(at.getTime());
      const orderId = (dl.payload as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId === 'string') {
        let order = await repos.orders.findById(orderId, undefined, { lock: true });
        for (const part of order?.supplierOrders ?? []) {
          if (order && part.status === 'FAILED' && part.failureReason?.startsWith(DEAD_LETTER_REASON_PREFIX)) {
            if (await moveSupplierOrder(repos, order, part, 'PENDING', null, at, { by: 'admin', deadLetterId: id })) {
              order = { ...order, supplierOrders: order.supplierOrders.map((p) => (p.id === part.id ? { ...p, status: 'PENDING' as const, failureReason: null } : p)) };
            }
          }
        }
      }
      await repos.outbox.enqueue([{ id: messageId, topic: dl.topic, payload: dl.payload, headers: { 'x-dead-letter-id': dl.id, 'x-original-message-id': dl.messageId } }], at);
      await repos.dispatch.markDeadLetterRetried(id, at);
      await repos.audit.record({
        id: uuidv7(at.getTime()),
        actorUserId: actor.principal.userId,
        actorRole: actor.principal.role,
        action: 'dead-letter.retried',
        targetType: 'dead_letter',
        targetId: id,
        details: { queue: dl.queue, topic: dl.topic, originalMessageId: dl.messageId, messageId },
        requestId: actor.requestId ?? null,
        at,
      });
      return ok({ deadLetter: { ...dl, retriedAt: at }, messageId });
    });
  }

  private async visible(actor: Actor, orderId: string): Promise<Order | null> {
    const scope = orderScopeOf(actor);
    if (!scope || !isUuid(orderId)) return null;
    return this.d.repos.orders.findById(orderId, scope === 'all' ? undefined : scope);
  }

  /** Runs `work` on the caller's own supplier order with the order row locked; foreign or missing = 404. */
  private async onPart<T>(
    actor: Actor,
    supplierOrderId: string,
    work: (repos: OrdersDeps['repos'], order: Order, part: SupplierOrder, at: Date) => Promise<Result<T, DomainError>>,
  ): Promise<Result<T, DomainError>> {
    const supplierId = actor.principal.role === 'SUPPLIER' ? actor.principal.supplierId : null;
    if (!supplierId || !isUuid(supplierOrderId)) return err(partNotFound());
    const at = this.d.clock.now();
    return this.d.uow.run(async (repos) => {
      const orderId = await repos.dispatch.orderIdOf(supplierOrderId, supplierId);
      if (!orderId) return err(partNotFound());
      const order = await repos.orders.findById(orderId, undefined, { lock: true });
      const part = order?.supplierOrders.find((p) => p.id === supplierOrderId && p.supplierId === supplierId);
      if (!order || !part) return err(partNotFound());
      return work(repos, order, part, at);
    });
  }
}
