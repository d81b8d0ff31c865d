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
 */

export interface UserRepository {
  /** Inserts a user; `ACCOUNTS.EMAIL_TAKEN` (conflict) if the normalised email exists. */
  create(user: User): Promise<User>;
  findById(id: string): Promise<User | null>;
  /** Email lookup is case-insensitive. */
  findByEmail(email: string): Promise<User | null>;
  /** Links a user to its tenant after the tenant row is created. */
  setTenant(userId: string, tenant: { supplierId?: string | null; retailerId?: string | null }): Promise<void>;
  touchLogin(userId: string, at: Date): Promise<void>;
  list(filter: { role?: Role; page: number; pageSize: number }): Promise<Page<User>>;
  count(): Promise<number>;
}

export interface CredentialRepository {
  create(credential: StoredCredential): Promise<void>;
  /** Finds a credential by the hash of its secret (usable or not: the caller checks). */
  findByHash(tokenHash: string): Promise<StoredCredential | null>;
  listApiKeys(userId: string): Promise<StoredCredential[]>;
  /** Revokes the user's credential; returns false when it is not the user's (or missing). */
  revoke(userId: string, id: string, at: Date): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
}

export interface SupplierListFilter {
  readonly status?: SupplierStatus;
  readonly q?: string;
  readonly categorySlug?: string;
  readonly businessType?: BusinessType;
  readonly page: number;
  readonly pageSize: number;
}

export interface SupplierRepository {
  /** `SUPPLIER.ALREADY_EXISTS` when the owner already has a supplier; slug clashes get a suffix. */
  create(supplier: Supplier): Promise<Supplier>;
  findById(id: string): Promise<Supplier | null>;
  findBySlug(slug: string): Promise<Supplier | null>;
  findByOwner(userId: string): Promise<Supplier | null>;
  /**
   * Saves a changed supplier if its stored `version` still equals `expectedVersion`;
   * returns the saved row (version + 1) or `null` when someone else changed it first.
   */
  update(supplier: Supplier, expectedVersion: number): Promise<Supplier | null>;
  list(filter: SupplierListFilter): Promise<Page<Supplier & { productCount: number }>>;
}

export interface RetailerRepository {
  create(retailer: Retailer): Promise<Retailer>;
  findById(id: string): Promise<Retailer | null>;
}

export interface UpsertOutcome {
  readonly created: number;
  readonly updated: number;
}

export interface ProductRepository {
  /** `CATALOG.DUPLICATE_SKU` (conflict) when the supplier already has the SKU. */
  create(product: SupplierProduct): Promise<SupplierProduct>;
  /** Scoped by supplier: another supplier's product is `null`. */
  findById(id: string, scope?: { supplierId: string }): Promise<SupplierProduct | null>;
  findBySku(supplierId: string, sku: string): Promise<SupplierProduct | null>;
  /** Replaces the editable fields; status is re-derived from stock and `discontinued`. */
  update(product: SupplierProduct): Promise<SupplierProduct>;
  /**
   * Inserts or updates by (supplierId, sku) in one set-based statement per call.
   * Reserved quantities are kept; status is derived. Drafts must have distinct SKUs.
   */
  upsertMany(supplierId: string, drafts: readonly ProductDraft[], at: Date): Promise<UpsertOutcome>;
  /** Sets on-hand stock of one product (scoped); `null` if not the supplier's. */
  setInventory(supplierId: string, productId: string, quantity: number, at: Date): Promise<SupplierProduct | null>;
  /** Sets on-hand stock by SKU; returns the SKUs that matched no product. */
  setInventoryBySku(supplierId: string, items: readonly { sku: string; quantity: number }[], at: Date): Promise<{ updated: number; unknownSkus: string[] }>;
  /** Catalog search on indexed columns and the full-text index. */
  search(criteria: ProductSearchCriteria): Promise<Page<SupplierProduct>>;
  /** Number of products in a supplier's catalog (all statuses). */
  countBySupplier(supplierId: string): Promise<number>;
}

export interface CategoryRepository {
  upsert(categories: readonly Category[]): Promise<void>;
  /** Categories with the number of sellable products of ACTIVE suppliers in each. */
  listWithCounts(): Promise<CategoryWithCount[]>;
  exists(slug: string): Promise<boolean>;
}

export interface JobRepository {
  create(job: Job, payload: Uint8Array, meta: Record<string, unknown>): Promise<Job>;
  /** Scoped: a supplier only sees its own jobs. */
  findById(id: string, scope?: { supplierId: string }): Promise<Job | null>;
  /** The stored upload and its metadata (format, mapping, currency) for the worker. */
  loadPayload(id: string): Promise<{ payload: Uint8Array; meta: Record<string, unknown> } | null>;
  /** Moves QUEUED → RUNNING (compare-and-set); false when another worker took it or it is done. */
  start(id: string, total: number, at: Date): Promise<boolean>;
  progress(id: string, delta: { processed: number; created: number; updated: number; failed: number; errors: readonly RowError[] }): Promise<void>;
  finish(id: string, status: Extract<JobStatus, 'COMPLETED' | 'FAILED'>, message: string | null, at: Date): Promise<void>;
  /** Puts a RUNNING job back to QUEUED with counters zeroed (a worker died mid-import). */
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
   * published, in the same transaction. Returns how many were marked.
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
