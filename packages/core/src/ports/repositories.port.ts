import type { StoredCredential } from '../accounts/credentials';
import type { Role } from '../accounts/role';
import type { User } from '../accounts/user.entity';
import type { Job, JobStatus, RowError } from '../catalog/import-job.entity';
import type { CategoryWithCount, Category, ProductDraft, SupplierProduct } from '../catalog/product.entity';
import type { Page, ProductSearchCriteria } from '../catalog/search-criteria';
import type { BusinessType, Retailer, Supplier, SupplierStatus } from '../onboarding/supplier.entity';

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

/** Every repository, bound to one transaction (or to autocommit outside one). */
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
}
