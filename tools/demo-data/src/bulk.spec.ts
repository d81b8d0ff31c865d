import { money, validateDraft } from '@dropship/core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories';
import { generateProductRow, generateProducts } from './bulk';

const slugs = new Set(CATEGORIES.map((c) => c.slug));

describe('generateProducts', () => {
  it('is deterministic per index, so chunks can be generated independently', () => {
    const whole = generateProducts(11, 0, 1_000, 50);
    const chunks = [...generateProducts(11, 0, 400, 50), ...generateProducts(11, 400, 600, 50)];
    expect(chunks).toEqual(whole);
    expect(generateProductRow(11, 777, 50)).toEqual(whole[777]);
    expect(generateProducts(12, 0, 100, 50)).not.toEqual(whole.slice(0, 100));
  });

  it('produces valid rows with unique SKUs per supplier', () => {
    const rows = generateProducts(3, 1_999_000, 1_000, 1_000);
    const seen = new Map<number, Set<string>>();
    for (const r of rows) {
      const errors = validateDraft({
        sku: r.sku,
        title: r.title,
        description: r.description,
        wholesalePrice: money(r.wholesalePriceMinor),
        msrp: money(r.msrpMinor),
        images: r.images,
        categorySlug: r.categorySlug,
        weightGrams: r.weightGrams,
        shippingClass: r.shippingClass,
        inventoryQuantity: r.inventoryQuantity,
        discontinued: r.discontinued,
      });
      expect(errors, r.sku).toEqual([]);
      expect(r.msrpMinor).toBeGreaterThanOrEqual(r.wholesalePriceMinor);
      expect(slugs.has(r.categorySlug)).toBe(true);
      expect(r.supplierIndex).toBeGreaterThanOrEqual(0);
      expect(r.supplierIndex).toBeLessThan(1_000);
      const set = seen.get(r.supplierIndex) ?? new Set<string>();
      expect(set.has(r.sku)).toBe(false);
      set.add(r.sku);
      seen.set(r.supplierIndex, set);
    }
    expect(new Set(rows.map((r) => r.sku)).size).toBe(rows.length);
  });

  it('rejects bad arguments', () => {
    expect(() => generateProducts(1, 0, 10, 0)).toThrow(RangeError);
    expect(() => generateProducts(1, -1, 10, 5)).toThrow(RangeError);
  });

  it('measures the generation rate', () => {
    generateProducts(5, 0, 20_000, 1_000); // warm-up
    // Batches of 10,000 rows, as a bulk loader would insert them; rows per CPU-second is robust to a busy machine.
    const total = 200_000, batch = 10_000;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    let rows = 0;
    for (let i = 0; i < total; i += batch) rows += generateProducts(5, 1_000_000 + i, batch, 1_000).length;
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rate = (s: number): string => Math.round(rows / s).toLocaleString('en-US');
    console.info(`bulk generator: ${rows} rows in ${wall.toFixed(2)} s wall = ${rate(wall)} rows/s (${rate(cpuSeconds)} rows per CPU-second)`);
    expect(rows).toBe(total);
  });
});
