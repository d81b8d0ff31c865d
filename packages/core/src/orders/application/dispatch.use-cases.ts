import { isAdapterError, PermanentFailure } from '../../shared/adapter-error';
import { uuidv7 } from '../../shared/ids';
import type { DeadLetter } from '../../ports/message-bus.port';
import type { Repositories } from '../../ports/repositories.port';
import type { SupplierGateway, SupplierOrderAck, SupplierOrderRequest } from '../../ports/supplier.port';
import type { Order, SupplierOrder } from '../order.entity';
import { deriveOrderStatus, transitionSupplierOrder, type SupplierOrderStatus } from '../supplier-order.machine';
import type { OrdersDeps } from './place-order.use-case';

/** The routing consumer's queue (its inbox rows carry this name). */
export const DISPATCH_QUEUE = 'worker.order-dispatch';

/** The supplier's gateway, built from its `integration { adapter, options }` (cached by the platform). */
export type GatewayResolver = (supplierId: string) => Promise<{ gateway: SupplierGateway; adapter: string }>;

export interface DispatchDeps extends OrdersDeps {
  readonly gateways: GatewayResolver;
}

export type DispatchOutcome = 'CONFIRMED' | 'WAITING' | 'FAILED' | 'SKIPPED';

const isPortal = (adapter: string) => adapter === 'supplier-portal' || adapter === '@dropship/adapter-supplier-portal';

/** Topics of the supplier-order transitions the retailer hears about; payload `{ orderId, supplierOrderId }`. */
export const SUPPLIER_ORDER_CONFIRMED_TOPIC = 'orders.supplier-order.confirmed';
export const SUPPLIER_ORDER_SHIPPED_TOPIC = 'orders.supplier-order.shipped';
export const SUPPLIER_ORDER_FAILED_TOPIC = 'orders.supplier-order.failed';
const TRANSITION_TOPICS: Partial<Record<SupplierOrderStatus, string>> = {
  CONFIRMED: SUPPLIER_ORDER_CONFIRMED_TOPIC,
  SHIPPED: SUPPLIER_ORDER_SHIPPED_TOPIC,
  FAILED: SUPPLIER_ORDER_FAILED_TOPIC,
};

/**
 * Writes one supplier-order transition (compare-and-set), its event and the derived order status;
 * → CONFIRMED, SHIPPED and FAILED also enqueue an outbox message (`orders.supplier-order.*`) in the
 * same transaction, so the notifications consumer hears of every such transition exactly as committed.
 */
export async function moveSupplierOrder(
  repos: Repositories,
  order: Order,
  part: SupplierOrder,
  to: SupplierOrderStatus,
  reason: string | null,
  at: Date,
  details: Record<string, unknown> = {},
): Promise<boolean> {
  const next = transitionSupplierOrder(part.status, to, reason);
  if (!next.ok) return false;
  if (!(await repos.orders.setSupplierOrderStatus(part.id, part.status, to, next.value.failureReason, at))) return false;
  await repos.dispatch.appendEvent({
    id: uuidv7(at.getTime()),
    orderId: order.id,
    supplierOrderId: part.id,
    type: 'status.changed',
    details: { from: part.status, to, ...(next.value.failureReason ? { reason: next.value.failureReason } : {}), ...details },
    at,
  });
  const parts = order.supplierOrders.map((p) => (p.id === part.id ? to : p.status));
  await repos.orders.setStatus(order.id, deriveOrderStatus(parts), at);
  const topic = TRANSITION_TOPICS[to];
  if (topic) await repos.outbox.enqueue([{ id: uuidv7(at.getTime()), topic, payload: { orderId: order.id, supplierOrderId: part.id }, headers: {} }], at);
  return true;
}

/**
 * Routing: hands every PENDING supplier order of an order to its supplier (RELIABILITY DSP-1/2/4).
 * The supplier call happens outside any transaction with key `dispatch:<supplierOrderId>`; its
 * result is written in one transaction with the inbox row `(message id, supplier order id)`, so a
 * redelivered message changes nothing twice. A retryable adapter error is re-thrown (the bus
 * retries with backoff); after an earlier send, the supplier is asked by our reference before
 * anything is sent again (lookup-before-resend).
 */
export class DispatchOrders {
  constructor(private readonly d: DispatchDeps) {}

  /** Dispatches the order's undispatched PENDING parts. Unknown order → PermanentFailure (dead letter). */
  async dispatchOrder(orderId: string, messageId: string): Promise<DispatchOutcome[]> {
    const order = typeof orderId === 'string' ? await this.d.repos.orders.findById(orderId) : null;
    if (!order) throw new PermanentFailure(`order ${String(orderId)} does not exist`);
    // Every part gets its attempt even when another part's supplier fails: one supplier's outage
    // must not hold back (or, at the dead letter, fail) the other suppliers' parts.
    const out: DispatchOutcome[] = [];
    let failure: unknown = null;
    for (const part of order.supplierOrders) {
      try {
        out.push(await this.dispatchPart(order, part, messageId));
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure !== null) throw failure;
    return out;
  }

  /** The self-healing sweep: PENDING parts never dispatched, created more than `olderThanMs` ago. */
  async sweep(olderThanMs: number, limit = 100): Promise<{ dispatched: number; failed: number }> {
    const now = this.d.clock.now();
    const rows = await this.d.repos.dispatch.undispatched(new Date(now.getTime() - olderThanMs), limit);
    let dispatched = 0;
    let failed = 0;
    const sweepId = `sweep:${uuidv7(now.getTime())}`;
    for (const r of rows) {
      const order = await this.d.repos.orders.findById(r.orderId);
      const part = order?.supplierOrders.find((p) => p.id === r.supplierOrderId);
      if (!order || !part) continue;
      try {
        await this.dispatchPart(order, part, sweepId);
        dispatched++;
      } catch {
        failed++; // retried by the next sweep (or the message's own retries)
      }
    }
    return { dispatched, failed };
  }

  private async dispatchPart(order: Order, part: SupplierOrder, messageId: string): Promise<DispatchOutcome> {
    const repos = this.d.repos;
    if (part.status !== 'PENDING' || (await repos.dispatch.findDispatch(part.id))) return 'SKIPPED';
    const { gateway, adapter } = await this.d.gateways(part.supplierId);
    const retailer = await repos.retailers.findById(order.retailerId);
    const a = order.shippingAddress;
    // The Supplier port's ship-to vocabulary (docs/supplier-http.md: name, line1, …, postalCode).
    const shipTo: Record<string, string | undefined> = {
      name: a.name,
      company: a.company,
      line1: a.address1,
      line2: a.address2,
      city: a.city,
      region: a.province,
      postalCode: a.zip,
      country: a.country,
      phone: a.phone,
      email: a.email,
    };
    const request: SupplierOrderRequest = {
      idempotencyKey: `dispatch:${part.id}`,
      reference: part.id,
      lines: part.items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitWholesalePrice.amountMinor, currency: i.unitWholesalePrice.currency })),
      shipTo,
      brandName: retailer?.name ?? '',
    };
    const event = (type: string, details: Record<string, unknown>) =>
      repos.dispatch.appendEvent({ id: uuidv7(), orderId: order.id, supplierOrderId: part.id, type, details: { adapter, ...details }, at: this.d.clock.now() });

    let ack: SupplierOrderAck | null = null;
    const sentBefore = (await repos.dispatch.listEvents(order.id, part.id)).some((e) => e.type === 'dispatch.requested');
    if (sentBefore) {
      // DSP-2: an earlier attempt may have reached the supplier; never resend blindly.
      try {
        const found = await gateway.findOrder(request.reference);
        await event('dispatch.lookup', { reference: request.reference, found: found ? { supplierReference: found.supplierReference, status: found.status } : null });
        if (found) ack = { accepted: true, supplierReference: found.supplierReference };
      } catch (e) {
        await event('dispatch.error', errorDetails(e, 'findOrder'));
        throw e;
      }
    }
    if (!ack) {
      await event('dispatch.requested', { idempotencyKey: request.idempotencyKey, reference: request.reference, lines: request.lines, brandName: request.brandName });
      try {
        ack = await gateway.placeOrder(request);
      } catch (e) {
        await event('dispatch.error', errorDetails(e, 'placeOrder'));
        if (isAdapterError(e) && !e.retryable) {
          return this.settle(order, part, messageId, { accepted: false, code: 'REJECTED', reason: `${e.code}: ${e.message}` }, adapter, gateway);
        }
        throw e;
      }
      await event(ack.accepted ? 'dispatch.accepted' : 'dispatch.rejected', { ...ack });
    }
    return this.settle(order, part, messageId, ack, adapter, gateway);
  }

  private async settle(order: Order, part: SupplierOrder, messageId: string, ack: SupplierOrderAck, adapter: string, gateway: SupplierGateway): Promise<DispatchOutcome> {
    // A portal order waits in the supplier's queue until it accepts (unless it auto-accepts).
    const waits = ack.accepted && isPortal(adapter) && (await gateway.findOrder(part.id))?.status !== 'CONFIRMED';
    const at = this.d.clock.now();
    return this.d.uow.run(async (repos) => {
      if (!(await repos.dispatch.claimInbox(DISPATCH_QUEUE, `${messageId}:${part.id}`, at))) return 'SKIPPED';
      const locked = await repos.orders.findById(order.id, undefined, { lock: true });
      const current = locked?.supplierOrders.find((p) => p.id === part.id);
      if (!locked || !current || current.status !== 'PENDING' || (await repos.dispatch.findDispatch(part.id))) {
        await repos.dispatch.appendEvent({ id: uuidv7(at.getTime()), orderId: order.id, supplierOrderId: part.id, type: 'dispatch.ignored', details: { status: current?.status ?? null, ack }, at });
        return 'SKIPPED';
      }
      if (!ack.accepted) {
        await moveSupplierOrder(repos, locked, current, 'FAILED', `${ack.code}: ${ack.reason}`, at);
        return 'FAILED';
      }
      await repos.dispatch.recordDispatch({ supplierOrderId: part.id, orderId: order.id, supplierReference: ack.supplierReference, dispatchedAt: at });
      if (waits) return 'WAITING';
      await moveSupplierOrder(repos, locked, current, 'CONFIRMED', null, at, { supplierReference: ack.supplierReference });
      return 'CONFIRMED';
    });
  }

  /**
   * Stores a dead-lettered message for admins and, for an order message, fails the parts still
   * waiting for dispatch with the reason (a visible stuck state instead of a silent PENDING).
   */
  async deadLettered(m: DeadLetter): Promise<void> {
    const at = this.d.clock.now();
    await this.d.uow.run(async (repos) => {
      await repos.dispatch.recordDeadLetter({
        id: uuidv7(at.getTime()),
        queue: m.queue,
        messageId: m.id,
        topic: m.topic,
        payload: m.payload ?? null,
        reason: m.reason,
        attempts: m.attempt,
        firstSeenAt: m.occurredAt ?? m.deadAt ?? at,
        lastSeenAt: at,
        retriedAt: null,
      });
      const orderId = (m.payload as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId !== 'string') return;
      const order = await repos.orders.findById(orderId, undefined, { lock: true });
      if (!order) return;
      let current = order;
      for (const part of order.supplierOrders) {
        if (part.status !== 'PENDING' || (await repos.dispatch.findDispatch(part.id))) continue;
        const live = current.supplierOrders.find((p) => p.id === part.id)!;
        if (await moveSupplierOrder(repos, current, live, 'FAILED', `${DEAD_LETTER_REASON_PREFIX} ${m.attempt} attempts: ${m.reason}`.slice(0, 500), at)) {
          current = { ...current, supplierOrders: current.supplierOrders.map((p) => (p.id === part.id ? { ...p, status: 'FAILED' as const } : p)) };
        }
      }
    });
  }
}

/** Failure reasons written when dispatch gave up; an admin retry puts such parts back to PENDING. */
export const DEAD_LETTER_REASON_PREFIX = 'Dispatch stopped after';

function errorDetails(e: unknown, call: string): Record<string, unknown> {
  if (isAdapterError(e)) return { call, code: e.code, message: e.message, retryable: e.retryable, outcomeUnknown: e.options.outcomeUnknown === true };
  return { call, message: e instanceof Error ? e.message : String(e) };
}
