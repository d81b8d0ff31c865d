import { describe, expect, it } from 'vitest';
import { canCreate, fieldsOfMapping, parseImportRow, resolveMapping } from './import-mapping';

describe('catalog import mapping', () => {
  it('recognises common header names without a mapping', () => {
    const r = resolveMapping(['Variant SKU', 'Product Name', 'Cost', 'Qty', 'Category']);
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.value.entries()]).toEqual(expect.arrayContaining([['sku', 0], ['title', 1], ['wholesalePrice', 2], ['inventoryQuantity', 3], ['category', 4]]));
  });
  it('uses an explicit mapping and reports missing columns', () => {
    const r = resolveMapping(['Code', 'Name', 'Preis'], { wholesalePrice: 'Preis', sku: 'Code', msrp: 'RRP' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.message).join()).toMatch(/"RRP" for msrp is not in the header row/);
    const bad = resolveMapping(['foo']);
    expect(!bad.ok && bad.error.map((e) => e.column)).toEqual(['sku']);
    const skuOnly = resolveMapping(['SKU']);
    expect(!skuOnly.ok && skuOnly.error[0]!.message).toMatch(/Only a SKU column/);
  });
  it('parses a row into a draft, and lists every problem of a bad row', () => {
    const m = resolveMapping(['sku', 'title', 'wholesale price', 'msrp', 'stock', 'images', 'category', 'weight']);
    if (!m.ok) throw new Error('mapping');
    const good = parseImportRow(['AB-1', 'Cable', '$4.5', '9.99', '12', 'https://x.test/a.jpg;https://x.test/b.jpg', 'Chargers & Cables', 40], m.value, 2, 'USD');
    expect(good.ok && good.value).toMatchObject({ sku: 'AB-1', wholesalePrice: { amountMinor: 450 }, msrp: { amountMinor: 999 }, inventoryQuantity: 12, categorySlug: 'chargers-cables', weightGrams: 40 });
    expect(good.ok && good.value.images).toHaveLength(2);
    const bad = parseImportRow(['', 'X', 'free', '', '-x', '', '', 'heavy'], m.value, 7, 'USD');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.every((e) => e.row === 7)).toBe(true);
      expect(bad.error.map((e) => e.column)).toEqual(expect.arrayContaining(['wholesalePrice', 'inventoryQuantity', 'weight']));
    }
  });
  it('accepts update-only files (no title or price) and validates only the columns present', () => {
    const m = resolveMapping(['sku', 'stock']);
    if (!m.ok) throw new Error('mapping');
    expect(canCreate(m.value)).toBe(false);
    expect(fieldsOfMapping(m.value)).toEqual(['inventoryQuantity']);
    const r = parseImportRow(['AB-1', '7'], m.value, 2, 'USD');
    expect(r.ok && r.value.inventoryQuantity).toBe(7);
    const bad = parseImportRow(['AB-1', 'many'], m.value, 3, 'USD');
    expect(!bad.ok && bad.error[0]!.column).toBe('inventoryQuantity');
  });
  it('rounds spreadsheet floats such as 4.4999999 to cents', () => {
    const m = resolveMapping(['sku', 'title', 'price']);
    if (!m.ok) throw new Error('mapping');
    const r = parseImportRow(['A', 'B', 4.4999999], m.value, 2, 'USD');
    expect(r.ok && r.value.wholesalePrice.amountMinor).toBe(450);
  });
});
