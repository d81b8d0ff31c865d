import { money, type ProductDraft } from '@dropship/core';
import { composeProduct, composeTitle, imageUrls } from './compose';
import { hashString, mixSeed, Rng, type Weighted } from './prng';
import type { SupplierProfile } from './suppliers';
import { linesForCategory, type ProductLine } from './vocabularies';

/** Main category first: it gets three times the weight of each other category. */
export function supplierLineWeights(categories: readonly string[]): Weighted<ProductLine>[] {
  const out: Weighted<ProductLine>[] = [];
  categories.forEach((slug, i) => {
    const lines = linesForCategory(slug);
    for (const value of lines) out.push({ value, weight: (i === 0 ? 3 : 1) / lines.length });
  });
  if (out.length === 0) throw new RangeError(`no product vocabulary for categories ${categories.join(', ')}`);
  return out;
}

/** SKU in the form `<SUPPLIERCODE>-<CAT>-<00001>`. */
export const formatSku = (supplierCode: string, categoryCode: string, n: number, width = 5): string =>
  `${supplierCode}-${categoryCode}-${String(n).padStart(width, '0')}`;

/**
 * A supplier's catalog of `count` products, deterministic in (profile slug, seed): realistic titles,
 * descriptions, prices, weights and stock, SKUs unique within the supplier, titles unique where possible.
 */
export function generateCatalog(profile: SupplierProfile, count: number, seed: number): ProductDraft[] {
  const rng = new Rng(mixSeed(seed, hashString(profile.slug)));
  const weights = supplierLineWeights(profile.categories);
  const titles = new Set<string>();
  const drafts: ProductDraft[] = [];
  for (let n = 1; n <= count; n++) {
    let line = rng.weighted(weights);
    let title = composeTitle(line, rng);
    for (let attempt = 0; attempt < 10 && titles.has(title); attempt++) {
      line = rng.weighted(weights);
      title = composeTitle(line, rng);
    }
    titles.add(title);
    const p = composeProduct(line, rng, title);
    const sku = formatSku(profile.code, line.code, n);
    drafts.push({
      sku,
      title: p.title,
      description: p.description,
      wholesalePrice: money(p.wholesalePriceMinor, 'USD'),
      msrp: money(p.msrpMinor, 'USD'),
      images: imageUrls(sku, p.imageCount),
      categorySlug: p.categorySlug,
      weightGrams: p.weightGrams,
      shippingClass: p.shippingClass,
      inventoryQuantity: p.inventoryQuantity,
      discontinued: p.discontinued,
    });
  }
  return drafts;
}
