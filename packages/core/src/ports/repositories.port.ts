import type { StoredCredential } from '../accounts/credentials';
import type { Role } from '../accounts/role';
import type { User } from '../accounts/user.entity';
import type { Job, JobStatus, RowError } from '../catalog/import-job.entity';
import type { CategoryWithCount, Category, ProductDraft, SupplierProduct } from '../catalog/product.entity';
import type { Page, ProductSearchCriteria } from '../catalog/search-criteria';
import type { BusinessType, Retailer, Supplier, SupplierStatus } from '../onboarding/supplier.entity';
import type { ListedProduct, Listing } from '../listings/listing.entity';
import type { NewOrder, Order, StockLine, StockShortfall } from '../orders/order.entity';
import type { OrderStatus, SupplierOrderStatus } from '../orders/supplier-order.machine';
import type { DispatchRepository } from './dispatch.port';

/*
 * Repository contracts. Shared rules for every implementation:
 * - Reads scoped by a tenant id (`supplierId`) return `null` for another tenant's row, exactly as
 *   for a missing one: callers turn both into the same 404.
 * - `create*` fails with DomainError `*.ALREADY_EXISTS` (kind conflict) on a unique-key clash,
 *   never with a driver error.
 * - Writes through a UnitOfWork transaction are atomic with the rest of that transaction.
 * - Times are UTC; money is integer minor units.
 * - Lists take a 1-based `page`; a page past the end has no items but the right `total`. Unless a
 *   method says otherwise the order is unspecified but deterministic (pages never overlap).
 * - Rows are stored as given (timestamps included) except where a method says a field is derived.
 * The shared contract suite (`describePersistenceContract` in @dropship/adapter-testkit) checks all this.
 */

export interface UserRepository {
  /** Inserts a user (email stored as given); `ACCOUNTS.EMAIL_TAKEN` (conflict) if the normalised email exists. */
  create(user: User): Promise<User>;
  findById(id: string): Promise<User | null>;
  /** Email lookup is case-insensitive. */
  findByEmail(email: string): Promise<User | null>;
  /** Links a user to its tenant after the tenant row is created; only keys present (not undefined) change. */
  setTenant(userId: string, tenant: { supplierId?: string | null; retailerId?: string | null }): Promise<void>;
  touchLogin(userId: string, at: Date): Promise<void>;
  /** Newest first (createdAt desc, then id). */
  list(filter: { role?: Role; page: number; pageSize: number }): Promise<Page<User>>;
  count(): Promise<number>;
}

export interface CredentialRepository {
  create(credential: StoredCredential): Promise<void>;
  /** Finds a credential by the hash of its secret (usable or not: the caller checks). */
  findByHash(tokenHash: string): Promise<StoredCredential | null>;
  /** The user's `api-key` credentials (never sessions), revoked ones included, newest first. */
  listApiKeys(userId: string): Promise<StoredCredential[]>;
  /**
   * Revokes the user's credential; returns false when it is not the user's (or missing).
   * Idempotent: revoking an already-revoked own credential returns true and keeps the first `revokedAt`.
   */
  revoke(userId: string, id: string, at: Date): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
}

export interface SupplierListFilter {
  readonly status?: SupplierStatus;
  /** Case-insensitive; every word must occur in the company name (full-text or substring matching both qualify). */
  readonly q?: string;
  /** Suppliers with at least one product (any status) in this category. */
  readonly categorySlug?: string;
  readonly businessType?: BusinessType;
  readonly page: number;
  readonly pageSize: number;
}

export interface SupplierRepository {
  /**
   * `SUPPLIER.ALREADY_EXISTS` when the owner already has a supplier; a slug clash gets a `-<suffix>`
   * appended (the returned row carries the stored slug). `version` is stored as given.
   */
  create(supplier: Supplier): Promise<Supplier>;
  findById(id: string): Promise<Supplier | null>;
  findBySlug(slug: string): Promise<Supplier | null>;
  findByOwner(userId: string): Promise<Supplier | null>;
  /**
   * Saves a changed supplier if its stored `version` still equals `expectedVersion`;
   * returns the saved row (version + 1) or `null` when someone else changed it first.
   * Writes every field except `id`, `ownerUserId`, `slug` and `createdAt`.
   */
  update(supplier: Supplier, expectedVersion: number): Promise<Supplier | null>;
  /** Newest first (createdAt desc, then id); `productCount` counts all the supplier's products. */
  list(filter: SupplierListFilter): Promise<Page<Supplier & { productCount: number }>>;
}

export interface RetailerRepository {
  /** `RETAILER.ALREADY_EXISTS` (conflict) when the owner already has a retailer. */
  create(retailer: Retailer): Promise<Retailer>;
  findById(id: string): Promise<Retailer | null>;
}

/** Draft fields an upsert may overwrite on an existing product (`sku` is the key, never overwritten). */
export type UpdatableProductField = Exclude<keyof ProductDraft, 'sku'>;
export const UPDATABLE_PRODUCT_FIELDS: readonly UpdatableProductField[] = [
  'title', 'description', 'wholesalePrice', 'msrp', 'images', 'categorySlug', 'weightGrams', 'shippingClass', 'inventoryQuantity', 'discontinued',
];

export interface UpsertOutcome {
  readonly created: number;
  readonly updated: number;
}

export interface ProductRepository {
  /**
   * `CATALOG.DUPLICATE_SKU` (conflict) when the supplier already has the SKU (other suppliers may reuse it).
   * `status` is derived (`deriveStatus`), whatever the argument says; `reservedQuantity` is stored as given.
   */
  create(product: SupplierProduct): Promise<SupplierProduct>;
  /** Scoped by supplier: another supplier's product is `null`. */
  findById(id: string, scope?: { supplierId: string }): Promise<SupplierProduct | null>;
  findBySku(supplierId: string, sku: string): Promise<SupplierProduct | null>;
  /**
   * Replaces the editable fields; status is re-derived from stock and `discontinued`. Keeps `sku`,
   * `reservedQuantity` and `createdAt`. Scoped by `product.supplierId`: a missing or foreign product
   * fails with `CATALOG.PRODUCT_NOT_FOUND` (not_found) and nothing changes.
   */
  update(product: SupplierProduct): Promise<SupplierProduct>;
  /**
   * Inserts or updates by (supplierId, sku) in one set-based statement per call.
   * Reserved quantities are kept; status is derived. Drafts must have distinct SKUs.
   * New rows get a fresh id, `reservedQuantity` 0 and `createdAt = updatedAt = at`; existing rows keep
   * id and `createdAt` and get `updatedAt = at`. Every draft whose SKU existed counts as updated.
   * `fields` limits what an existing row takes from its draft (a file without an images column must
   * not wipe the images); absent → every field. New rows always take the whole draft.
   */
  upsertMany(supplierId: string, drafts: readonly ProductDraft[], at: Date, fields?: readonly UpdatableProductField[]): Promise<UpsertOutcome>;
  /** Which of `skus` the supplier has (any status), in no particular order. */
  existingSkus(supplierId: string, skus: readonly string[]): Promise<string[]>;
  /** Sets on-hand stock of one product (scoped; status re-derived, `updatedAt = at`); `null` if not the supplier's. */
  setInventory(supplierId: string, productId: string, quantity: number, at: Date): Promise<SupplierProduct | null>;
  /** Sets on-hand stock by SKU; returns the SKUs that matched none of this supplier's products, in input order. */
  setInventoryBySku(supplierId: string, items: readonly { sku: string; quantity: number }[], at: Date): Promise<{ updated: number; unknownSkus: string[] }>;
  /**
   * Catalog search on indexed columns and the full-text index. `q`: every word must match a word of
   * the title or description, case-insensitively, with English stemming (at least plural ↔ singular:
   * "chargers" finds "Charger"). Price bounds are inclusive on the wholesale price. `inStock` means
   * `inventoryQuantity - reservedQuantity > 0`, whatever the status. Sorts: price by wholesale amount,
   * `newest` by createdAt desc, `title` ascending, `relevance` best match first (newest without `q`);
   * ties are broken by id so pages never overlap.
   */
  search(criteria: ProductSearchCriteria): Promise<Page<SupplierProduct>>;
  /** Number of products in a supplier's catalog (all statuses). */
  countBySupplier(supplierId: string): Promise<number>;
}

export interface CategoryRepository {
  /** Inserts or renames/re-parents by slug; a parent must come before its children in the array. */
  upsert(categories: readonly Category[]): Promise<void>;
  /**
   * Every category with the number of sellable products of ACTIVE suppliers directly in it:
   * not DISCONTINUED (OUT_OF_STOCK products count). Ordered by name.
   */
  listWithCounts(): Promise<CategoryWithCount[]>;
  exists(slug: string): Promise<boolean>;
}

export interface JobRepository {
  create(job: Job, payload: Uint8Array, meta: Record<string, unknown>): Promise<Job>;
  /** Scoped: a supplier only sees its own jobs. */
  findById(id: string, scope?: { supplierId: string }): Promise<Job | null>;
  /** The stored upload and its metadata (format, mapping, currency) for the worker. */
  loadPayload(id: string): Promise<{ payload: Uint8Array; meta: Record<string, unknown> } | null>;
  /** Moves QUEUED → RUNNING (compare-and-set) setting `total` and `startedAt`; false when another worker took it, it is done or missing. */
  start(id: string, total: number, at: Date): Promise<boolean>;
  /** Adds the counters and appends `errors` until MAX_REPORTED_ROW_ERRORS are kept (the first ones win). */
  progress(id: string, delta: { processed: number; created: number; updated: number; failed: number; errors: readonly RowError[] }): Promise<void>;
  finish(id: string, status: Extract<JobStatus, 'COMPLETED' | 'FAILED'>, message: string | null, at: Date): Promise<void>;
  /** Puts a RUNNING job back to QUEUED with counters and errors zeroed, `startedAt` null (a worker died mid-import); no-op otherwise. */
  requeue(id: string): Promise<void>;
}

export interface AuditEntry {
  readonly id: string;
  readonly actorUserId: string | null;
  readonly actorRole: Role | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
  readonly at: Date;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Filters are ANDed; newest first (`at` desc, then id). */
  list(filter: { targetType?: string; targetId?: string; actorUserId?: string; page: number; pageSize: number }): Promise<Page<AuditEntry>>;
}

export interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

/**
 * Transactional outbox: a message is enqueued in the same transaction as the business change,
 * and a relay publishes it after commit. Never select by `id > lastSeen` (ids commit out of order).
 */
export interface OutboxRepository {
  enqueue(rows: readonly Omit<OutboxRow, 'createdAt'>[], at: Date): Promise<void>;
  /**
   * Runs `publish` on up to `limit` unpublished rows locked with `FOR UPDATE SKIP LOCKED` (so
   * concurrent relays never take the same row), and marks exactly the rows `publish` returns as
   * published, in the same transaction. Returns how many were marked. Rows come oldest first; ids
   * `publish` returns that were not in the batch are ignored; if `publish` throws, nothing is marked
   * and the error is re-thrown.
   */
  relayBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<readonly string[]>, at: Date): Promise<number>;
  /** Unpublished rows, for `/metrics` and alerts. */
  pendingCount(): Promise<number>;
}

/** Which orders a read may see: a retailer its own; a supplier only orders with a part of its own, and only that part. */
export type OrderScope = { readonly retailerId: string } | { readonly supplierId: string };

/**
 * Orders, their supplier orders and items, and the stock reservations behind them.
 * Placement is one UnitOfWork: `reserveStock` → `create` → outbox row; a throw rolls all back.
 * Every change to an existing order takes its row lock first (`findById(..., { lock: true })`),
 * so changes to one order are serialised; status writes are compare-and-set on top of that.
 */
export interface OrderRepository {
  /**
   * Takes `quantity` units of every line with one conditional update per product
   * (`reserved = reserved + n WHERE on_hand - reserved >= n`), products in id order so concurrent
   * placements cannot deadlock. All or none: when a line is short, the lines already taken are put
   * back before it returns (a savepoint), and it returns that line with what was available (0 for a
   * missing product). `null` means every line was taken. Never drives available stock below zero,
   * whatever the concurrency. Lines must name distinct products with quantity > 0. Re-derives the
   * products' status (`deriveStatus`); keeps `updatedAt`.
   */
  reserveStock(lines: readonly StockLine[]): Promise<StockShortfall | null>;
  /**
   * Inserts the order with its supplier orders and items, numbered from a sequence (the returned
   * order carries `number`), plus one HELD reservation per item. The stock itself is taken by
   * `reserveStock` in the same transaction (calling it after `create` keeps hot product rows locked
   * for the shortest time; a shortfall then rolls the whole transaction back). The shipping address is stored encrypted where the
   * engine stores data at rest. `ORDER.DUPLICATE_STORE_ORDER` (conflict) when the retailer already
   * has an order with the same `storeId` (null counts as one store) and `storeOrderId`.
   */
  create(order: NewOrder): Promise<Order>;
  /**
   * One order with all its parts, items in placement order. Scoped reads return `null` for
   * another tenant's order; a supplier scope returns only that supplier's part. `lock` takes the
   * order's row lock until the transaction ends (use inside a UnitOfWork).
   */
  findById(id: string, scope?: OrderScope, opts?: { lock?: boolean }): Promise<Order | null>;
  /** Orders newest first (createdAt desc, then id desc); unscoped without `retailerId` (staff). */
  list(filter: { retailerId?: string; status?: OrderStatus; page: number; pageSize: number }): Promise<Page<Order>>;
  /**
   * Orders that have a part of `supplierId`, each with only that part; `status` filters the part's
   * status. Newest first (createdAt desc, then id desc).
   */
  listForSupplier(filter: { supplierId: string; status?: SupplierOrderStatus; page: number; pageSize: number }): Promise<Page<Order>>;
  /**
   * Compare-and-set of a supplier order's status: writes `to` (and `failureReason`, null unless
   * FAILED) only when the stored status is still `from`. Returns false when it was not. Does not
   * check the state machine (callers use `transitionSupplierOrder`) nor touch the order's status.
   */
  setSupplierOrderStatus(id: string, from: SupplierOrderStatus, to: SupplierOrderStatus, failureReason: string | null, at: Date): Promise<boolean>;
  /** Stores the order's derived status. */
  setStatus(orderId: string, status: OrderStatus, at: Date): Promise<void>;
  /**
   * Releases every HELD reservation of the order (HELD → RELEASED, compare-and-set) and gives the
   * units back to the products (in id order). Exactly once: concurrent or repeated calls release
   * nothing more. Returns the units released by this call.
   */
  releaseReservations(orderId: string, at: Date): Promise<number>;
  /**
   * Stock leaves with a shipment: every HELD reservation of the supplier order becomes CONFIRMED
   * (compare-and-set) and its units leave both on-hand and reserved stock of the products (in id
   * order). Exactly once, like `releaseReservations`; a released reservation is never confirmed.
   * Returns the units confirmed by this call.
   */
  confirmReservations(supplierOrderId: string, at: Date): Promise<number>;
  /** The order's reservations (any state), for support and tests. */
  reservationsOf(orderId: string): Promise<{ supplierProductId: string; quantity: number; state: 'HELD' | 'CONFIRMED' | 'RELEASED' }[]>;
}

/** A retailer's listings (`retailer_products`), unique by (retailerId, supplierProductId). */
export interface ListingRepository {
  /**
   * Inserts or updates by (retailerId, supplierProductId) in one statement: an existing listing
   * keeps its id and `createdAt` and takes the new `retailPrice`, `storeId`, `status` and `updatedAt`.
   * Returns how many were created and updated. Listings must name distinct products.
   */
  upsertMany(listings: readonly Listing[]): Promise<{ created: number; updated: number }>;
  /** The retailer's listings of these products (any status), in no particular order; others' are never returned. */
  findByProducts(retailerId: string, supplierProductIds: readonly string[]): Promise<Listing[]>;
  /** The retailer's listings with their products, newest first (createdAt desc, then id desc). */
  list(filter: { retailerId: string; page: number; pageSize: number }): Promise<Page<ListedProduct>>;
}

/** Who used an idempotency key where: tenant B's key never finds tenant A's record. */
export interface IdempotencyScope {
  readonly tenant: string;
  readonly principal: string;
  readonly route: string;
  readonly key: string;
}

export interface IdempotencyRecord extends IdempotencyScope {
  /** Hash of what makes two requests "the same" (method, path, body). */
  readonly requestHash: string;
  readonly state: 'IN_PROGRESS' | 'DONE';
  /** The first response, stored byte for byte once DONE. */
  readonly response: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string } | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Idempotency keys of creating requests (RELIABILITY.md IDK-1…5). */
export interface IdempotencyRepository {
  /**
   * Claims the key: `INSERT … ON CONFLICT DO NOTHING`, so of any number of concurrent callers
   * exactly one wins (`{ won: true }`) and may run the request. Losers get the stored record.
   * An IN_PROGRESS record last touched before `staleBefore` (its owner died) is taken over by
   * exactly one caller, who wins.
   */
  begin(scope: IdempotencyScope, requestHash: string, at: Date, staleBefore: Date): Promise<{ won: true } | { won: false; record: IdempotencyRecord }>;
  /** Stores the response of the winner and marks the record DONE. */
  complete(scope: IdempotencyScope, response: { status: number; headers: Readonly<Record<string, string>>; body: string }, at: Date): Promise<void>;
  /** Deletes an IN_PROGRESS record (the request failed unexpectedly; a retry may run it again). DONE records stay. */
  abandon(scope: IdempotencyScope): Promise<void>;
  find(scope: IdempotencyScope): Promise<IdempotencyRecord | null>;
}

/** Every repository, bound to one transaction (or to autocommit outside one). */
/** A notification as the site shows it (the database notifier's row). */
export interface StoredNotification {
  /** The notification's id (deterministic for event-driven messages). */
  readonly id: string;
  readonly userId: string | null;
  readonly email: string;
  readonly template: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** The `notifications` table: the default Notifier records here; users read their own in the site. */
export interface NotificationRepository {
  /** Inserts the message; an existing id is left as it is (ON CONFLICT DO NOTHING). True when inserted. */
  record(n: Omit<StoredNotification, 'readAt'>): Promise<boolean>;
  /** A user's messages, newest first (created_at, then id descending). */
  listForUser(userId: string, page: { page: number; pageSize: number }): Promise<Page<StoredNotification>>;
  /** Sets read_at once (kept when already read); null when that user has no such message. */
  markRead(id: string, userId: string, at: Date): Promise<StoredNotification | null>;
}

export interface Repositories {
  readonly outbox: OutboxRepository;
  readonly users: UserRepository;
  readonly credentials: CredentialRepository;
  readonly suppliers: SupplierRepository;
  readonly retailers: RetailerRepository;
  readonly products: ProductRepository;
  readonly categories: CategoryRepository;
  readonly jobs: JobRepository;
  readonly audit: AuditLog;
  readonly orders: OrderRepository;
  readonly listings: ListingRepository;
  readonly idempotency: IdempotencyRepository;
  readonly dispatch: DispatchRepository;
  readonly notifications: NotificationRepository;
}
