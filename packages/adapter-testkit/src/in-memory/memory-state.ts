import type { StoredNotification, DeadLetterRecord, OrderEvent, Shipment, SupplierDispatch, AuditEntry, Category, IdempotencyRecord, Job, Listing, Order, OutboxRow, Page, Reservation, Retailer, StoredCredential, Supplier, SupplierProduct, User } from '@dropship/core';

/** A stored job with its upload. */
export interface JobRecord {
  job: Job;
  payload: Uint8Array;
  meta: Record<string, unknown>;
}

/** A stored outbox row and when it was published. */
export interface OutboxRecord {
  row: OutboxRow;
  publishedAt: Date | null;
}

/** Inbox, dispatches, order events, shipments and dead letters, kept beside the state maps. */
export interface DispatchState {
  inbox: Set<string>;
  dispatches: Map<string, SupplierDispatch>;
  events: OrderEvent[];
  shipments: Map<string, Shipment>;
  deadLetters: Map<string, DeadLetterRecord>;
}

export const emptyDispatchState = (): DispatchState => ({ inbox: new Set(), dispatches: new Map(), events: [], shipments: new Map(), deadLetters: new Map() });

/** The whole in-memory database: plain maps, cloned wholesale for transaction snapshots. */
export interface MemoryState {
  users: Map<string, User>;
  credentials: Map<string, StoredCredential>;
  suppliers: Map<string, Supplier>;
  retailers: Map<string, Retailer>;
  products: Map<string, SupplierProduct>;
  categories: Map<string, Category>;
  jobs: Map<string, JobRecord>;
  audit: AuditEntry[];
  outbox: Map<string, OutboxRecord>;
  orders: Map<string, Order>;
  orderSeq: number;
  reservations: Map<string, Reservation>;
  listings: Map<string, Listing>;
  idempotency: Map<string, IdempotencyRecord>;
  dispatch: DispatchState;
  notifications: Map<string, StoredNotification>;
}

/** An empty database. */
export const emptyState = (): MemoryState => ({
  users: new Map(),
  credentials: new Map(),
  suppliers: new Map(),
  retailers: new Map(),
  products: new Map(),
  categories: new Map(),
  jobs: new Map(),
  audit: [],
  outbox: new Map(),
  orders: new Map(),
  orderSeq: 0,
  reservations: new Map(),
  listings: new Map(),
  idempotency: new Map(),
  dispatch: emptyDispatchState(),
  notifications: new Map(),
});

/** Deep copy, so callers never share objects with the store (Dates and byte arrays included). */
export const clone = <T>(value: T): T => structuredClone(value);

/** Runs `fn` against the current state: inside a transaction, or as its own atomic autocommit step. */
export type Exec = <T>(fn: (state: MemoryState) => T | Promise<T>) => Promise<T>;

/** Slices one 1-based page out of already filtered and sorted rows. */
export function paginate<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (Math.max(1, page) - 1) * pageSize;
  return { items: rows.slice(start, start + pageSize), total: rows.length, page, pageSize };
}

/** Comparator for "newest first, then id descending" on any row with a date field. */
export const newestFirst =
  <T extends { id: string }>(dateOf: (row: T) => Date) =>
  (a: T, b: T): number =>
    dateOf(b).getTime() - dateOf(a).getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
