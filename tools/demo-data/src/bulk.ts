import type { ShippingClass } from '@dropship/core';
import { composeProduct, imageUrls } from './compose';
import { mixSeed2, Rng, type Weighted } from './prng';
import { formatSku, supplierLineWeights } from './products';
import { SUPPLIER_PROFILES } from './suppliers';
import type { ProductLine } from './vocabularies';

/** A plain product row for bulk loading (benchmarks); prices in USD cents. */
export interface BulkProductRow {
  readonly supplierIndex: number;
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  readonly wholesalePriceMinor: number;
  readonly msrpMinor: number;
  readonly categorySlug: string;
  readonly weightGrams: number;
  readonly shippingClass: ShippingClass;
  readonly inventoryQuantity: number;
  readonly discontinued: boolean;
  readonly images: readonly string[];
}

const PROFILE_WEIGHTS: readonly Weighted<ProductLine>[][] = SUPPLIER_PROFILES.map((p) => supplierLineWeights(p.categories));

const CODES: string[] = [];

/**
 * SKU prefix of a bulk supplier: the curated profile's code for the first 20, then the code of
 * profile `i % 20` with a numeric suffix, so prefixes are unique for any supplier count.
 */
export function bulkSupplierCode(supplierIndex: number): string {
  const cached = CODES[supplierIndex];
  if (cached !== undefined) return cached;
  const profile = SUPPLIER_PROFILES[supplierIndex % SUPPLIER_PROFILES.length]!;
  const round = Math.floor(supplierIndex / SUPPLIER_PROFILES.length);
  const code = round === 0 ? profile.code : `${profile.code}${round}`;
  if (supplierIndex < 1_000_000) CODES[supplierIndex] = code;
  return code;
}

/** Row `index` of the bulk dataset; depends only on (seed, index, suppliersCount). Supplier = index mod suppliersCount. */
export function generateProductRow(seed: number, index: number, suppliersCount: number): BulkProductRow {
  const supplierIndex = index % suppliersCount;
  const rng = new Rng(mixSeed2(seed, index));
  const line = rng.weighted(PROFILE_WEIGHTS[supplierIndex % PROFILE_WEIGHTS.length]!);
  const p = composeProduct(line, rng);
  const sku = formatSku(bulkSupplierCode(supplierIndex), line.code, index, 7);
  return {
    supplierIndex,
    sku,
    title: p.title,
    description: p.description,
    wholesalePriceMinor: p.wholesalePriceMinor,
    msrpMinor: p.msrpMinor,
    categorySlug: p.categorySlug,
    weightGrams: p.weightGrams,
    shippingClass: p.shippingClass,
    inventoryQuantity: p.inventoryQuantity,
    discontinued: p.discontinued,
    images: imageUrls(sku, p.imageCount),
  };
}

/**
 * Rows `startIndex .. startIndex + count - 1` of the bulk dataset. Every row depends only on
 * (seed, index, suppliersCount), so chunks can be generated independently and in parallel.
 * Throughput is bound by young-generation GC: batches of ~10k rows and
 * `NODE_OPTIONS=--max-semi-space-size=64` roughly double it (≈150k → ≈300k rows/s on one core).
 */
export function generateProducts(seed: number, startIndex: number, count: number, suppliersCount: number): BulkProductRow[] {
  if (!Number.isInteger(suppliersCount) || suppliersCount < 1) throw new RangeError('suppliersCount must be a positive integer');
  if (!Number.isInteger(startIndex) || startIndex < 0 || !Number.isInteger(count) || count < 0) {
    throw new RangeError('startIndex and count must be non-negative integers');
  }
  const rows = new Array<BulkProductRow>(count);
  for (let i = 0; i < count; i++) rows[i] = generateProductRow(seed, startIndex + i, suppliersCount);
  return rows;
}
