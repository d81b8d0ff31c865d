import { availableQuantity, bufferedQuantity, formatMoney, publicUser, type Job, type Retailer, type Supplier, type SupplierProduct } from '@dropship/core';

export { publicUser };

const SECRET_KEY = /secret|token|password|apikey|api_key|key$/i;

/** Integration options with secret-looking values masked: secrets are write-only over the API. */
function maskOptions(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [k, SECRET_KEY.test(k) && typeof v === 'string' ? '********' : v]));
}

/** A supplier as the public directory shows it. */
export function publicSupplier(s: Supplier, productCount?: number) {
  return {
    id: s.id,
    slug: s.slug,
    companyName: s.companyName,
    businessType: s.businessType,
    status: s.status,
    description: s.description,
    website: s.website,
    logoUrl: s.logoUrl,
    country: s.country,
    shippingMethods: s.shippingMethods,
    fulfillmentSpeed: s.fulfillmentSpeed,
    minOrderValue: formatMoney(s.minOrderValue),
    currency: s.minOrderValue.currency,
    ...(productCount === undefined ? {} : { productCount }),
    createdAt: s.createdAt.toISOString(),
  };
}

/** A supplier as its owner and staff see it. */
export function privateSupplier(s: Supplier, productCount?: number) {
  return {
    ...publicSupplier(s, productCount),
    contactEmail: s.contactEmail,
    phone: s.phone,
    verificationDocuments: s.verificationDocuments,
    integration: s.integration ? { adapter: s.integration.adapter, options: maskOptions(s.integration.options) } : null,
    stockBufferPercent: s.stockBufferPercent,
    statusReason: s.statusReason,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export function presentRetailer(r: Retailer) {
  return { id: r.id, name: r.name, plan: r.plan, createdAt: r.createdAt.toISOString() };
}

function baseProduct(p: SupplierProduct) {
  return {
    id: p.id,
    supplierId: p.supplierId,
    sku: p.sku,
    title: p.title,
    description: p.description,
    wholesalePrice: formatMoney(p.wholesalePrice),
    msrp: p.msrp ? formatMoney(p.msrp) : null,
    currency: p.wholesalePrice.currency,
    images: p.images,
    category: p.categorySlug,
    weight: p.weightGrams,
    shippingClass: p.shippingClass,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Public view: the sellable quantity after the supplier's safety buffer. */
export function publicProduct(p: SupplierProduct, supplier: { companyName: string; slug: string; stockBufferPercent: number } | null) {
  return {
    ...baseProduct(p),
    ...(supplier ? { supplierName: supplier.companyName, supplierSlug: supplier.slug } : {}),
    inventoryQuantity: bufferedQuantity(availableQuantity(p), supplier?.stockBufferPercent ?? 90),
  };
}

/** The supplier's own view: real stock, reservations and what stores are shown. */
export function ownProduct(p: SupplierProduct, bufferPercent: number) {
  return {
    ...baseProduct(p),
    inventoryQuantity: p.inventoryQuantity,
    reservedQuantity: p.reservedQuantity,
    bufferedQuantity: bufferedQuantity(availableQuantity(p), bufferPercent),
  };
}

export function presentJob(j: Job) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    total: j.total,
    processed: j.processed,
    progress: j.status === 'COMPLETED' ? 1 : j.total > 0 ? Math.min(1, j.processed / j.total) : 0,
    created: j.created,
    updated: j.updated,
    failed: j.failed,
    errors: j.errors,
    message: j.message,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
