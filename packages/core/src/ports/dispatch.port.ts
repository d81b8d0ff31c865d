import type { Page } from '../catalog/search-criteria';

/** One entry of an order's history: a transition, or an outbound call with what was sent and answered. */
export interface OrderEvent {
  readonly id: string;
  readonly orderId: string;
  readonly supplierOrderId: string | null;
  /** `dispatch.requested`, `dispatch.accepted`, `dispatch.rejected`, `dispatch.error`, `status.changed`, … */
  readonly type: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

/** A message that exhausted its attempts, kept for admins (list, retry). */
export interface DeadLetterRecord {
  readonly id: string;
  readonly queue: string;
  readonly messageId: string;
  readonly topic: string;
  readonly payload: unknown;
  readonly reason: string;
  readonly attempts: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  /** When an admin last republished it (null: never). */
  readonly retriedAt: Date | null;
}

/** A supplier order handed to its supplier: the supplier's reference for it. */
export interface SupplierDispatch {
  readonly supplierOrderId: string;
  readonly orderId: string;
  readonly supplierReference: string;
  readonly dispatchedAt: Date;
}

/** One parcel: the shipment of one supplier order (an order split across suppliers ships in parts). */
export interface Shipment {
  readonly supplierOrderId: string;
  readonly orderId: string;
  readonly trackingNumber: string;
  readonly carrier: string | null;
  readonly trackingUrl: string | null;
  readonly shippedAt: Date;
  readonly deliveredAt: Date | null;
}

/**
 * Routing and fulfilment state beside the orders: the consumer inbox, supplier dispatches, the
 * order event log, shipments and dead letters. Writes through a UnitOfWork are atomic with it.
 */
export interface DispatchRepository {
  /**
   * Inbox: `INSERT … ON CONFLICT DO NOTHING` of (consumer, key). True when this call inserted it
   * (the effect may run); false when it was already there (a redelivery: skip).
   */
  claimInbox(consumer: string, key: string, at: Date): Promise<boolean>;
  /** The order a supplier order belongs to; with `supplierId`, null unless that supplier's (foreign = missing). */
  orderIdOf(supplierOrderId: string, supplierId?: string): Promise<string | null>;
  /** Stores the supplier's reference; a second dispatch of the same supplier order keeps the first. */
  recordDispatch(d: SupplierDispatch): Promise<void>;
  findDispatch(supplierOrderId: string): Promise<SupplierDispatch | null>;
  /** PENDING supplier orders without a dispatch, created before `before`, oldest first. */
  undispatched(before: Date, limit: number): Promise<{ orderId: string; supplierOrderId: string }[]>;
  appendEvent(e: OrderEvent): Promise<void>;
  /** The order's events, oldest first (at, then id). */
  listEvents(orderId: string, supplierOrderId?: string): Promise<OrderEvent[]>;
  /** Inserts or replaces the shipment of a supplier order. */
  saveShipment(s: Shipment): Promise<void>;
  /** The order's shipments, oldest first. */
  shipmentsOf(orderId: string): Promise<Shipment[]>;
  /** Upsert by (queue, messageId): a second dead-lettering keeps `firstSeenAt` and updates the rest. */
  recordDeadLetter(d: DeadLetterRecord): Promise<void>;
  /** Newest first (lastSeenAt desc, then id). */
  listDeadLetters(filter: { page: number; pageSize: number }): Promise<Page<DeadLetterRecord>>;
  findDeadLetter(id: string): Promise<DeadLetterRecord | null>;
  markDeadLetterRetried(id: string, at: Date): Promise<void>;
}
