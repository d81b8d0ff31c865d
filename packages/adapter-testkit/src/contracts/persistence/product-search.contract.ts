import { describe, expect, it } from 'vitest';
import { money, type ProductSearchCriteria, type Repositories } from '@dropship/core';
import { aProduct, at, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

/** A fresh category holding nothing yet: filtering on it isolates a test's products. */
async function freshCategory(repos: Repositories): Promise<string> {
  const slug = uniqueWord('cat');
  await repos.categories.upsert([{ slug, name: `Category ${slug}`, parentSlug: null }]);
  return slug;
}

/** Catalog search and category counts. */
export function describeProductSearchContract(opts: PersistenceContractOptions): void {
  describe('product search', () => {
    const db = usePersistence(opts);
    const search = (c: Partial<ProductSearchCriteria>) => db().repos.products.search({ sort: 'title', page: 1, pageSize: 50, ...c });
    const skus = async (c: Partial<ProductSearchCriteria>) => (await search(c)).items.map((p) => p.sku);

    it('matches title and description words with English stemming, all words required', async () => {
      const s = await givenSupplier(db().repos);
      const mk = (sku: string, title: string, description = 'Nothing special.') =>
        db().repos.products.create(aProduct(s.id, { sku, title, description }));
      await mk('T-1', 'Fast Wireless Charger');
      await mk('T-2', 'USB Chargers Pack');
      await mk('T-3', 'Desk Organizer', 'Keeps cables tidy next to your lamps.');
      await mk('T-4', 'Ceramic Mug');
      const q = (text: string) => skus({ supplierId: s.id, q: text });
      expect(await q('chargers')).toEqual(['T-1', 'T-2']);
      expect(await q('CHARGER')).toEqual(['T-1', 'T-2']);
      expect(await q('wireless chargers')).toEqual(['T-1']);
      expect(await q('lamp')).toEqual(['T-3']);
      expect(await q('toaster')).toEqual([]);
      expect((await search({ supplierId: s.id, q: 'charger', sort: 'relevance' })).total).toBe(2);
    });

    it('filters by category, price range, supplier, stock and status', async () => {
      const cat = await freshCategory(db().repos);
      const s = await givenSupplier(db().repos);
      const other = await givenSupplier(db().repos);
      const mk = (supplierId: string, sku: string, priceMinor: number, extra: object = {}) =>
        db().repos.products.create(aProduct(supplierId, { sku, categorySlug: cat, wholesalePrice: money(priceMinor, 'USD'), ...extra }));
      await mk(s.id, 'F-1', 500);
      await mk(s.id, 'F-2', 1500, { inventoryQuantity: 0 });
      await mk(s.id, 'F-3', 2500, { inventoryQuantity: 4, reservedQuantity: 4 });
      await mk(s.id, 'F-4', 3500, { discontinued: true });
      await mk(other.id, 'F-5', 1000);
      await db().repos.products.create(aProduct(s.id, { sku: 'F-6' }));
      expect((await skus({ categorySlug: cat })).sort()).toEqual(['F-1', 'F-2', 'F-3', 'F-4', 'F-5']);
      expect((await skus({ categorySlug: cat, minPriceMinor: 1000, maxPriceMinor: 2500 })).sort()).toEqual(['F-2', 'F-3', 'F-5']);
      expect((await skus({ categorySlug: cat, minPriceMinor: 2501 })).sort()).toEqual(['F-4']);
      expect((await skus({ categorySlug: cat, supplierId: other.id })).sort()).toEqual(['F-5']);
      expect((await skus({ categorySlug: cat, inStock: true })).sort()).toEqual(['F-1', 'F-4', 'F-5']);
      expect((await skus({ categorySlug: cat, status: ['OUT_OF_STOCK', 'DISCONTINUED'] })).sort()).toEqual(['F-2', 'F-3', 'F-4']);
      expect((await skus({ supplierId: s.id })).sort()).toEqual(['F-1', 'F-2', 'F-3', 'F-4', 'F-6']);
    });

    it('supplierStatus ACTIVE excludes products of suppliers that are not active', async () => {
      const cat = await freshCategory(db().repos);
      const active = await givenSupplier(db().repos, { status: 'ACTIVE' });
      const suspended = await givenSupplier(db().repos, { status: 'SUSPENDED' });
      const pending = await givenSupplier(db().repos, { status: 'PENDING' });
      await db().repos.products.create(aProduct(active.id, { sku: 'S-1', categorySlug: cat }));
      await db().repos.products.create(aProduct(suspended.id, { sku: 'S-2', categorySlug: cat }));
      await db().repos.products.create(aProduct(pending.id, { sku: 'S-3', categorySlug: cat }));
      expect(await skus({ categorySlug: cat, supplierStatus: 'ACTIVE' })).toEqual(['S-1']);
      expect(await skus({ categorySlug: cat })).toHaveLength(3);
    });

    it('sorts by price, newest and title, and paginates with a total', async () => {
      const cat = await freshCategory(db().repos);
      const s = await givenSupplier(db().repos);
      const rows: [string, string, number, number][] = [
        ['O-1', 'Delta Lamp', 300, 2],
        ['O-2', 'Alpha Lamp', 100, 4],
        ['O-3', 'Charlie Lamp', 400, 1],
        ['O-4', 'Bravo Lamp', 200, 3],
      ];
      for (const [sku, title, price, minute] of rows) {
        const createdAt = at(minute * 60_000);
        await db().repos.products.create(aProduct(s.id, { sku, title, categorySlug: cat, wholesalePrice: money(price, 'USD'), createdAt, updatedAt: createdAt }));
      }
      expect(await skus({ categorySlug: cat, sort: 'price_asc' })).toEqual(['O-2', 'O-4', 'O-1', 'O-3']);
      expect(await skus({ categorySlug: cat, sort: 'price_desc' })).toEqual(['O-3', 'O-1', 'O-4', 'O-2']);
      expect(await skus({ categorySlug: cat, sort: 'newest' })).toEqual(['O-2', 'O-4', 'O-1', 'O-3']);
      expect(await skus({ categorySlug: cat, sort: 'title' })).toEqual(['O-2', 'O-4', 'O-3', 'O-1']);
      const page2 = await search({ categorySlug: cat, sort: 'price_asc', page: 2, pageSize: 3 });
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((p) => p.sku)).toEqual(['O-3']);
      const page3 = await search({ categorySlug: cat, sort: 'price_asc', page: 3, pageSize: 3 });
      expect(page3).toMatchObject({ total: 4, items: [] });
    });
  });

  describe('categories', () => {
    const db = usePersistence(opts);

    it('upserts categories and reports which exist', async () => {
      const parent = uniqueWord('cat');
      const child = uniqueWord('cat');
      await db().repos.categories.upsert([
        { slug: parent, name: 'Parent', parentSlug: null },
        { slug: child, name: 'Child', parentSlug: parent },
      ]);
      await db().repos.categories.upsert([{ slug: child, name: 'Child renamed', parentSlug: parent }]);
      expect(await db().repos.categories.exists(child)).toBe(true);
      expect(await db().repos.categories.exists(uniqueWord('cat'))).toBe(false);
      const listed = await db().repos.categories.listWithCounts();
      expect(listed.find((c) => c.slug === child)).toEqual({ slug: child, name: 'Child renamed', parentSlug: parent, productCount: 0 });
    });

    it('counts only non-discontinued products of ACTIVE suppliers', async () => {
      const cat = await freshCategory(db().repos);
      const active = await givenSupplier(db().repos, { status: 'ACTIVE' });
      const pending = await givenSupplier(db().repos, { status: 'PENDING' });
      await db().repos.products.create(aProduct(active.id, { categorySlug: cat }));
      await db().repos.products.create(aProduct(active.id, { categorySlug: cat, inventoryQuantity: 0 }));
      await db().repos.products.create(aProduct(active.id, { categorySlug: cat, discontinued: true }));
      await db().repos.products.create(aProduct(pending.id, { categorySlug: cat }));
      const listed = await db().repos.categories.listWithCounts();
      expect(listed.find((c) => c.slug === cat)?.productCount).toBe(2);
    });
  });
}
