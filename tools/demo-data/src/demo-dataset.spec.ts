import { validateDraft, type ProductDraft } from '@dropship/core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, LEAF_CATEGORY_SLUGS } from './categories';
import { buildDemoDataset } from './demo-dataset';
import { generateCatalog } from './products';
import { SUPPLIER_PROFILES } from './suppliers';

const dataset = buildDemoDataset();
const slugs = new Set(CATEGORIES.map((c) => c.slug));

/** Checks every product rule the platform enforces, plus the generator's own promises. */
export function expectValidProduct(p: ProductDraft): void {
  expect(validateDraft(p), p.sku).toEqual([]);
  expect(p.msrp!.amountMinor).toBeGreaterThanOrEqual(p.wholesalePrice.amountMinor);
  expect(p.wholesalePrice.currency).toBe('USD');
  expect(slugs.has(p.categorySlug!), p.categorySlug!).toBe(true);
  expect(p.images.length).toBeGreaterThanOrEqual(1);
  expect(p.images.length).toBeLessThanOrEqual(4);
  expect(p.description.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
}

describe('categories', () => {
  it('has 12 top-level categories, unique slugs and valid parents', () => {
    expect(CATEGORIES.filter((c) => c.parentSlug === null)).toHaveLength(12);
    expect(slugs.size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) if (c.parentSlug) expect(slugs.has(c.parentSlug)).toBe(true);
    expect(LEAF_CATEGORY_SLUGS.every((s) => slugs.has(s))).toBe(true);
  });
});

describe('suppliers', () => {
  it('has exactly 20 suppliers with unique slugs, names and SKU codes', () => {
    expect(SUPPLIER_PROFILES).toHaveLength(20);
    expect(new Set(SUPPLIER_PROFILES.map((p) => p.slug)).size).toBe(20);
    expect(new Set(SUPPLIER_PROFILES.map((p) => p.companyName)).size).toBe(20);
    expect(new Set(SUPPLIER_PROFILES.map((p) => p.code)).size).toBe(20);
  });

  it('has complete, plausible profiles', () => {
    for (const p of SUPPLIER_PROFILES) {
      expect(['MANUFACTURER', 'DISTRIBUTOR', 'WHOLESALER']).toContain(p.businessType);
      expect(p.contactEmail).toMatch(/^[^@\s]+@([a-z0-9-]+\.)*example\.com$/);
      expect(new URL(p.website).hostname.endsWith('example.com')).toBe(true);
      expect(p.logoUrl).toBe(`https://picsum.photos/seed/${p.slug}/200/200`);
      expect(p.shippingMethods.length).toBeGreaterThan(0);
      expect(p.description.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
      expect(p.productCount).toBeGreaterThanOrEqual(40);
      expect(p.productCount).toBeLessThanOrEqual(120);
      expect([80, 90, 95]).toContain(p.stockBufferPercent);
      for (const c of p.categories) expect(LEAF_CATEGORY_SLUGS).toContain(c);
    }
  });
});

describe('buildDemoDataset', () => {
  it('is deterministic per seed', () => {
    expect(buildDemoDataset()).toEqual(dataset);
    const other = buildDemoDataset(7);
    expect(other.suppliers[0]!.products).not.toEqual(dataset.suppliers[0]!.products);
  });

  it('builds about 1,500 products, 40–120 per supplier', () => {
    const total = dataset.suppliers.reduce((n, s) => n + s.products.length, 0);
    expect(total).toBeGreaterThanOrEqual(1_400);
    expect(total).toBeLessThanOrEqual(1_600);
    for (const s of dataset.suppliers) expect(s.products.length).toBe(s.profile.productCount);
  });

  it('gives every product a SKU unique within its supplier, in the documented format', () => {
    for (const { profile, products } of dataset.suppliers) {
      expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
      for (const p of products) expect(p.sku).toMatch(new RegExp(`^${profile.code}-[A-Z]{3,4}-\\d{5}$`));
    }
  });

  it('produces only valid products in existing categories of the supplier', () => {
    for (const { profile, products } of dataset.suppliers) {
      for (const p of products) {
        expectValidProduct(p);
        expect(profile.categories).toContain(p.categorySlug);
      }
    }
  });

  it('has a realistic stock mix', () => {
    const all = dataset.suppliers.flatMap((s) => s.products);
    const out = all.filter((p) => p.inventoryQuantity === 0 && !p.discontinued).length / all.length;
    expect(out).toBeGreaterThan(0.02);
    expect(out).toBeLessThan(0.1);
    expect(all.some((p) => p.discontinued)).toBe(true);
    expect(all.filter((p) => p.inventoryQuantity <= 500).length / all.length).toBeGreaterThan(0.85);
    expect(new Set(all.map((p) => p.title)).size / all.length).toBeGreaterThan(0.95);
  });

  it('generateCatalog is deterministic and respects count', () => {
    const profile = SUPPLIER_PROFILES[3]!;
    expect(generateCatalog(profile, 10, 1)).toEqual(generateCatalog(profile, 10, 1));
    expect(generateCatalog(profile, 10, 1)).not.toEqual(generateCatalog(profile, 10, 2));
    expect(generateCatalog(profile, 0, 1)).toEqual([]);
  });
});
