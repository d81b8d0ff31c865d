import type {
  AuditEntry,
  Job,
  OutboxRow,
  Retailer,
  Role,
  SecretBox,
  StoredCredential,
  Supplier,
  SupplierProduct,
  User,
} from '@dropship/core';

/** A row as the driver returns it. */
export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const num = (v: unknown): number => Number(v);
// Both drivers parse json/jsonb already; a string here is a JSON string value, not text to parse.
const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : (v as T));

/** users row → User. */
export const toUser = (r: Row): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.status,
  passwordHash: r.password_hash,
  supplierId: r.supplier_id ?? null,
  retailerId: r.retailer_id ?? null,
  createdAt: date(r.created_at),
  lastLoginAt: dateOrNull(r.last_login_at),
});

/** User → users row. */
export const fromUser = (u: User): Row => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  password_hash: u.passwordHash,
  supplier_id: u.supplierId,
  retailer_id: u.retailerId,
  created_at: u.createdAt,
  last_login_at: u.lastLoginAt,
});

/** credentials row → StoredCredential. */
export const toCredential = (r: Row): StoredCredential => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  prefix: r.prefix,
  tokenHash: r.token_hash,
  name: r.name ?? null,
  createdAt: date(r.created_at),
  expiresAt: dateOrNull(r.expires_at),
  revokedAt: dateOrNull(r.revoked_at),
  lastUsedAt: dateOrNull(r.last_used_at),
});

/** AAD for a supplier's sealed integration: the ciphertext only opens on its own row. */
export const integrationContext = (supplierId: string): string => `supplier:${supplierId}:integration`;

/** suppliers row → Supplier (opens the sealed integration). */
export const toSupplier = (r: Row, box: SecretBox): Supplier => ({
  id: r.id,
  slug: r.slug,
  ownerUserId: r.owner_user_id,
  status: r.status,
  companyName: r.company_name,
  businessType: r.business_type,
  contactEmail: r.contact_email,
  phone: r.phone ?? null,
  website: r.website ?? null,
  description: r.description ?? null,
  logoUrl: r.logo_url ?? null,
  country: r.country ?? null,
  verificationDocuments: json(r.verification_documents, []),
  shippingMethods: json(r.shipping_methods, []),
  fulfillmentSpeed: r.fulfillment_speed ?? null,
  minOrderValue: { amountMinor: num(r.min_order_value_minor), currency: String(r.currency).trim() },
  integration: r.integration_sealed ? JSON.parse(box.open(r.integration_sealed, integrationContext(r.id))) : null,
  stockBufferPercent: num(r.stock_buffer_percent),
  statusReason: r.status_reason ?? null,
  submittedAt: dateOrNull(r.submitted_at),
  reviewedAt: dateOrNull(r.reviewed_at),
  createdAt: date(r.created_at),
  updatedAt: date(r.updated_at),
  version: num(r.version),
});

/** Supplier → suppliers row without `version` (the repository owns it); seals the integration. */
export const fromSupplier = (s: Supplier, box: SecretBox): Row => ({
  id: s.id,
  slug: s.slug,
  owner_user_id: s.ownerUserId,
  status: s.status,
  company_name: s.companyName,
  business_type: s.businessType,
  contact_email: s.contactEmail,
  phone: s.phone,
  website: s.website,
  description: s.description,
  logo_url: s.logoUrl,
  country: s.country,
  verification_documents: JSON.stringify(s.verificationDocuments),
  shipping_methods: JSON.stringify(s.shippingMethods),
  fulfillment_speed: s.fulfillmentSpeed,
  min_order_value_minor: s.minOrderValue.amountMinor,
  currency: s.minOrderValue.currency,
  integration_sealed: s.integration ? box.seal(JSON.stringify(s.integration), integrationContext(s.id)) : null,
  stock_buffer_percent: s.stockBufferPercent,
  status_reason: s.statusReason,
  submitted_at: s.submittedAt,
  reviewed_at: s.reviewedAt,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

/** retailers row → Retailer. */
export const toRetailer = (r: Row): Retailer => ({
  id: r.id,
  ownerUserId: r.owner_user_id,
  name: r.name,
  plan: r.plan,
  createdAt: date(r.created_at),
});

/** Columns a product SELECT needs (never the tsvector). */
export const PRODUCT_COLUMNS = [
  'id', 'supplier_id', 'sku', 'title', 'description', 'wholesale_price_minor', 'msrp_minor', 'currency', 'images',
  'category_slug', 'weight_grams', 'shipping_class', 'inventory_quantity', 'reserved_quantity', 'discontinued',
  'status', 'created_at', 'updated_at',
] as const;

/** supplier_products row → SupplierProduct. */
export const toProduct = (r: Row): SupplierProduct => {
  const currency = String(r.currency).trim();
  return {
    id: r.id,
    supplierId: r.supplier_id,
    sku: r.sku,
    title: r.title,
    description: r.description,
    wholesalePrice: { amountMinor: num(r.wholesale_price_minor), currency },
    msrp: r.msrp_minor === null || r.msrp_minor === undefined ? null : { amountMinor: num(r.msrp_minor), currency },
    images: json(r.images, []),
    categorySlug: r.category_slug ?? null,
    weightGrams: num(r.weight_grams),
    shippingClass: r.shipping_class,
    inventoryQuantity: num(r.inventory_quantity),
    reservedQuantity: num(r.reserved_quantity),
    discontinued: Boolean(r.discontinued),
    status: r.status,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
};

/** jobs row → Job. */
export const toJob = (r: Row): Job => ({
  id: r.id,
  kind: r.kind,
  ownerSupplierId: r.owner_supplier_id ?? null,
  createdByUserId: r.created_by_user_id,
  status: r.status,
  total: num(r.total),
  processed: num(r.processed),
  created: num(r.created),
  updated: num(r.updated),
  failed: num(r.failed),
  errors: json(r.errors, []),
  message: r.message ?? null,
  createdAt: date(r.created_at),
  startedAt: dateOrNull(r.started_at),
  finishedAt: dateOrNull(r.finished_at),
});

/** audit_log row → AuditEntry. */
export const toAudit = (r: Row): AuditEntry => ({
  id: r.id,
  actorUserId: r.actor_user_id ?? null,
  actorRole: (r.actor_role ?? null) as Role | null,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id ?? null,
  details: json(r.details, {}),
  requestId: r.request_id ?? null,
  at: date(r.at),
});

/** outbox row → OutboxRow. */
export const toOutbox = (r: Row): OutboxRow => ({
  id: r.id,
  topic: r.topic,
  payload: json(r.payload, null),
  headers: json(r.headers, {}),
  createdAt: date(r.created_at),
});
