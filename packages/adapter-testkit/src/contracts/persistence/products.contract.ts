import { describe, expect, it } from 'vitest';
import { money, uuidv7 } from '@dropship/core';
import { aProduct, aProductDraft, at, domainErrorOf, givenSupplier } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

/** Product writes and reads: create, scoping, update, upsertMany, inventory. */
export function describeProductsContract(opts: PersistenceContractOptions): void {
  describe('products', () => {
    const db = usePersistence(opts);
    const repos = () => db().repos;

    it('creates a product, deriving its status, and finds it by id and SKU', async () => {
      const s = await givenSupplier(repos());
      const product = aProduct(s.id, { inventoryQuantity: 0, status: 'ACTIVE' });
      const expected = { ...product, status: 'OUT_OF_STOCK' };
      expect(await repos().products.create(product)).toEqual(expected);
      expect(await repos().products.findById(product.id)).toEqual(expected);
      expect(await repos().products.findById(product.id, { supplierId: s.id })).toEqual(expected);
      expect(await repos().products.findBySku(s.id, product.sku)).toEqual(expected);
      expect(await repos().products.findById(uuidv7())).toBeNull();
    });

    it('hides another supplier product from scoped reads', async () => {
      const mine = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const product = await repos().products.create(aProduct(mine.id));
      expect(await repos().products.findById(product.id, { supplierId: other.id })).toBeNull();
      expect(await repos().products.findBySku(other.id, product.sku)).toBeNull();
    });

    it('refuses a duplicate SKU within one supplier but allows it across suppliers', async () => {
      const s = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const product = await repos().products.create(aProduct(s.id));
      const clash = await domainErrorOf(repos().products.create(aProduct(s.id, { sku: product.sku })));
      expect(clash).toEqual({ code: 'CATALOG.DUPLICATE_SKU', kind: 'conflict' });
      await expect(repos().products.create(aProduct(other.id, { sku: product.sku }))).resolves.toMatchObject({ sku: product.sku });
    });

    it('update replaces editable fields, keeps reserved stock and re-derives status', async () => {
      const s = await givenSupplier(repos());
      const product = await repos().products.create(aProduct(s.id, { inventoryQuantity: 5, reservedQuantity: 2 }));
      const changed = {
        ...product,
        title: 'Renamed',
        wholesalePrice: money(1234, 'USD'),
        images: ['https://cdn.example.test/b.jpg', 'https://cdn.example.test/a.jpg'],
        discontinued: true,
        reservedQuantity: 0,
        updatedAt: at(1000),
      };
      const saved = await repos().products.update(changed);
      expect(saved).toEqual({ ...changed, reservedQuantity: 2, status: 'DISCONTINUED' });
      expect(await repos().products.findById(product.id)).toEqual(saved);
      const restocked = await repos().products.update({ ...saved, discontinued: false, inventoryQuantity: 2 });
      expect(restocked.status).toBe('OUT_OF_STOCK');
    });

    it('update of a missing or foreign product fails with CATALOG.PRODUCT_NOT_FOUND', async () => {
      const s = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const product = await repos().products.create(aProduct(s.id));
      const foreign = await domainErrorOf(repos().products.update({ ...product, supplierId: other.id, title: 'Hijacked' }));
      expect(foreign).toEqual({ code: 'CATALOG.PRODUCT_NOT_FOUND', kind: 'not_found' });
      expect((await repos().products.findById(product.id))?.title).toBe(product.title);
      const missing = await domainErrorOf(repos().products.update(aProduct(s.id)));
      expect(missing).toEqual({ code: 'CATALOG.PRODUCT_NOT_FOUND', kind: 'not_found' });
    });

    it('upsertMany creates and updates by SKU, keeping reserved stock and deriving status', async () => {
      const s = await givenSupplier(repos());
      const existing = await repos().products.create(aProduct(s.id, { inventoryQuantity: 10, reservedQuantity: 3 }));
      const fresh = aProductDraft({ inventoryQuantity: 4 });
      const outcome = await repos().products.upsertMany(
        s.id,
        [{ ...aProductDraft({ sku: existing.sku }), title: 'Updated title', inventoryQuantity: 3 }, fresh],
        at(5000),
      );
      expect(outcome).toEqual({ created: 1, updated: 1 });
      const updated = await repos().products.findBySku(s.id, existing.sku);
      expect(updated).toMatchObject({ id: existing.id, title: 'Updated title', inventoryQuantity: 3, reservedQuantity: 3, status: 'OUT_OF_STOCK' });
      expect(updated?.createdAt).toEqual(existing.createdAt);
      expect(updated?.updatedAt).toEqual(at(5000));
      const created = await repos().products.findBySku(s.id, fresh.sku);
      expect(created).toMatchObject({ ...fresh, supplierId: s.id, reservedQuantity: 0, status: 'ACTIVE', createdAt: at(5000), updatedAt: at(5000) });
      expect(await repos().products.upsertMany(s.id, [], at(6000))).toEqual({ created: 0, updated: 0 });
      expect(await repos().products.countBySupplier(s.id)).toBe(2);
    });

    it('tells which SKUs a supplier has, never another supplier\'s', async () => {
      const s = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const p = await repos().products.create(aProduct(s.id));
      const theirs = await repos().products.create(aProduct(other.id));
      expect(await repos().products.existingSkus(s.id, [p.sku, theirs.sku, 'NOPE-1'])).toEqual([p.sku]);
      expect(await repos().products.existingSkus(s.id, [])).toEqual([]);
    });

    it('upsertMany overwrites only the named fields of existing products, and takes whole drafts for new ones', async () => {
      const s = await givenSupplier(repos());
      const existing = await repos().products.create(aProduct(s.id, { inventoryQuantity: 10, images: ['https://img.test/keep.jpg'], weightGrams: 700 }));
      const fresh = aProductDraft({ images: ['https://img.test/new.jpg'], weightGrams: 250 });
      const outcome = await repos().products.upsertMany(
        s.id,
        [{ ...aProductDraft({ sku: existing.sku }), title: 'Only the title and stock change', inventoryQuantity: 0, images: [], weightGrams: 0 }, fresh],
        at(7000),
        ['title', 'inventoryQuantity'],
      );
      expect(outcome).toEqual({ created: 1, updated: 1 });
      const updated = await repos().products.findBySku(s.id, existing.sku);
      expect(updated).toMatchObject({ title: 'Only the title and stock change', inventoryQuantity: 0, status: 'OUT_OF_STOCK', images: ['https://img.test/keep.jpg'], weightGrams: 700, wholesalePrice: existing.wholesalePrice });
      expect(await repos().products.findBySku(s.id, fresh.sku)).toMatchObject({ images: ['https://img.test/new.jpg'], weightGrams: 250 });
    });

    it('setInventory is scoped and re-derives status', async () => {
      const s = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const product = await repos().products.create(aProduct(s.id, { inventoryQuantity: 10, reservedQuantity: 1 }));
      expect(await repos().products.setInventory(other.id, product.id, 0, at(1000))).toBeNull();
      expect((await repos().products.findById(product.id))?.inventoryQuantity).toBe(10);
      const empty = await repos().products.setInventory(s.id, product.id, 0, at(2000));
      expect(empty).toMatchObject({ inventoryQuantity: 0, reservedQuantity: 1, status: 'OUT_OF_STOCK', updatedAt: at(2000) });
      expect(await repos().products.findById(product.id)).toEqual(empty);
      expect((await repos().products.setInventory(s.id, product.id, 7, at(3000)))?.status).toBe('ACTIVE');
      expect(await repos().products.setInventory(s.id, uuidv7(), 1, at(3000))).toBeNull();
    });

    it('setInventoryBySku updates known SKUs and reports unknown ones (other suppliers SKUs included)', async () => {
      const s = await givenSupplier(repos());
      const other = await givenSupplier(repos());
      const a = await repos().products.create(aProduct(s.id, { inventoryQuantity: 5 }));
      const b = await repos().products.create(aProduct(s.id, { inventoryQuantity: 5 }));
      const foreign = await repos().products.create(aProduct(other.id, { inventoryQuantity: 5 }));
      const result = await repos().products.setInventoryBySku(
        s.id,
        [{ sku: a.sku, quantity: 0 }, { sku: 'NOPE-1', quantity: 3 }, { sku: b.sku, quantity: 9 }, { sku: foreign.sku, quantity: 1 }],
        at(4000),
      );
      expect(result.updated).toBe(2);
      expect([...result.unknownSkus].sort()).toEqual(['NOPE-1', foreign.sku].sort());
      expect(await repos().products.findById(a.id)).toMatchObject({ inventoryQuantity: 0, status: 'OUT_OF_STOCK', updatedAt: at(4000) });
      expect(await repos().products.findById(b.id)).toMatchObject({ inventoryQuantity: 9, status: 'ACTIVE' });
      expect((await repos().products.findById(foreign.id))?.inventoryQuantity).toBe(5);
    });

    it('counts a supplier catalog across all statuses', async () => {
      const s = await givenSupplier(repos());
      await repos().products.create(aProduct(s.id));
      await repos().products.create(aProduct(s.id, { inventoryQuantity: 0 }));
      await repos().products.create(aProduct(s.id, { discontinued: true }));
      expect(await repos().products.countBySupplier(s.id)).toBe(3);
      expect(await repos().products.countBySupplier(uuidv7())).toBe(0);
    });
  });
}
