import { createInMemoryPersistence } from '@dropship/adapter-testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../accounts/user.entity';
import { money } from '../../shared/money';
import { uuidv7 } from '../../shared/ids';
import { ManualClock } from '../../test-support';
import type { ProductDraft } from '../product.entity';
import type { Cell } from '../import-mapping';
import { CatalogImportService, type SpreadsheetReader } from './catalog-import.use-cases';
import { CatalogService } from './catalog.use-cases';

const draft = (over: Partial<ProductDraft> = {}): ProductDraft => ({
  sku: 'CAB-1', title: 'USB-C Cable', description: 'Braided', wholesalePrice: money(450), msrp: money(1299), images: [],
  categorySlug: 'cables', weightGrams: 40, shippingClass: 'STANDARD', inventoryQuantity: 10, discontinued: false, ...over,
});

/** The platform's reader is tested in the platform; here rows come from memory, one macrotask apart like a stream. */
const rowsReader = (rows: Cell[][]): SpreadsheetReader =>
  async function* () {
    for (const [i, cells] of rows.entries()) yield { rowNumber: i + 1, cells };
  };

describe('catalog', () => {
  let clock: ManualClock;
  let p: ReturnType<typeof createInMemoryPersistence>;
  let catalog: CatalogService;
  let supplier: Principal;
  let other: Principal;

  beforeEach(async () => {
    clock = new ManualClock();
    p = createInMemoryPersistence({ clock });
    catalog = new CatalogService({ repos: p.repos, uow: p.uow, clock });
    await p.repos.categories.upsert([{ slug: 'cables', name: 'Chargers & Cables', parentSlug: null }]);
    const mk = async () => {
      const userId = uuidv7();
      const s = await p.repos.suppliers.create({
        id: uuidv7(), slug: `s-${userId.slice(-6)}`, ownerUserId: userId, status: 'ACTIVE', companyName: 'S', businessType: 'MANUFACTURER', contactEmail: 's@x.test',
        phone: null, website: null, description: 'x', logoUrl: null, country: null, verificationDocuments: [], shippingMethods: [], fulfillmentSpeed: null,
        minOrderValue: money(0), integration: null, stockBufferPercent: 90, statusReason: null, submittedAt: null, reviewedAt: null, createdAt: clock.now(), updatedAt: clock.now(), version: 1,
      });
      return { userId, role: 'SUPPLIER' as const, supplierId: s.id, retailerId: null, via: 'session' as const };
    };
    supplier = await mk();
    other = await mk();
  });

  it('creates products with derived status, refusing duplicates, unknown categories and broken rules', async () => {
    const created = await catalog.create({ principal: supplier }, draft({ inventoryQuantity: 0 }));
    expect(created.ok && created.value.status).toBe('OUT_OF_STOCK');
    const dup = await catalog.create({ principal: supplier }, draft());
    expect(!dup.ok && dup.error.code).toBe('CATALOG.DUPLICATE_SKU');
    const cat = await catalog.create({ principal: supplier }, draft({ sku: 'X', categorySlug: 'nope' }));
    expect(!cat.ok && cat.error).toMatchObject({ code: 'CATALOG.UNKNOWN_CATEGORY', kind: 'unprocessable' });
    const rules = await catalog.create({ principal: supplier }, draft({ sku: 'Y', msrp: money(100) }));
    expect(!rules.ok && rules.error.errors[0]?.path).toBe('/msrp');
    const retailer: Principal = { ...supplier, role: 'RETAILER', supplierId: null };
    expect((await catalog.create({ principal: retailer }, draft({ sku: 'Z' }))).ok).toBe(false);
  });

  it('scopes reads and writes to the owning supplier', async () => {
    const created = await catalog.create({ principal: supplier }, draft());
    if (!created.ok) throw created.error;
    for (const r of [
      await catalog.getOwn({ principal: other }, created.value.id),
      await catalog.update({ principal: other }, created.value.id, { title: 'x' }),
      await catalog.setInventory({ principal: other }, created.value.id, 1),
    ]) expect(!r.ok && r.error.code).toBe('CATALOG.PRODUCT_NOT_FOUND');
    const bulk = await catalog.setInventoryBySku({ principal: other }, [{ sku: 'CAB-1', quantity: 5 }]);
    expect(bulk.ok && bulk.value.unknownSkus).toEqual(['CAB-1']);
    const dupes = await catalog.setInventoryBySku({ principal: supplier }, [{ sku: 'CAB-1', quantity: 5 }, { sku: 'CAB-1', quantity: 6 }]);
    expect(!dupes.ok && dupes.error.code).toBe('CATALOG.DUPLICATE_SKU_IN_REQUEST');
  });

  it('hides products of suspended suppliers and discontinued products from the public search', async () => {
    const a = await catalog.create({ principal: supplier }, draft());
    await catalog.create({ principal: supplier }, draft({ sku: 'OLD', title: 'USB-C Cable old', discontinued: true }));
    if (!a.ok) throw a.error;
    const found = await catalog.searchPublic({ q: 'cable', sort: 'relevance', page: 1, pageSize: 10 });
    expect(found.items.map((x) => x.sku)).toEqual(['CAB-1']);
    const s = (await p.repos.suppliers.findById(supplier.supplierId!))!;
    await p.repos.suppliers.update({ ...s, status: 'SUSPENDED' }, s.version);
    expect((await catalog.searchPublic({ q: 'cable', sort: 'relevance', page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('imports a file in batches: creates, updates by SKU, reports row errors and duplicate SKUs, and finishes once', async () => {
    const rows: Cell[][] = [['SKU', 'Title', 'Price', 'Stock', 'Category']];
    for (let i = 1; i <= 25; i++) rows.push([`IMP-${i}`, `Cable ${i}`, '3.50', String(i), 'Chargers & Cables']);
    rows.push(['IMP-3', 'dupe', '1.00', '1', 'cables'], ['BAD', 'Bad', 'abc', 'x', ''], ['CAT', 'Unknown cat', '1.00', '1', 'garden']);
    await catalog.create({ principal: supplier }, draft({ sku: 'IMP-1', title: 'Old title', inventoryQuantity: 99 }));
    const imports = new CatalogImportService({ repos: p.repos, uow: p.uow, clock, read: rowsReader(rows), batchSize: 10 });
    const job = await imports.request({ principal: supplier }, { bytes: new Uint8Array([1]), format: 'csv' });
    if (!job.ok) throw job.error;
    const outbox = await p.repos.outbox.pendingCount();
    expect(outbox).toBe(1);
    await imports.run(job.value.id);
    const done = await imports.get({ principal: supplier }, job.value.id);
    if (!done.ok) throw done.error;
    expect(done.value).toMatchObject({ status: 'COMPLETED', total: 28, processed: 28, created: 24, updated: 1, failed: 3 });
    expect(done.value.errors.map((e) => [e.row, e.column])).toEqual([[27, 'sku'], [28, 'wholesalePrice'], [28, 'inventoryQuantity'], [29, 'category']]);
    expect((await p.repos.products.findBySku(supplier.supplierId!, 'IMP-1'))).toMatchObject({ title: 'Cable 1', inventoryQuantity: 1, categorySlug: 'cables' });
    await imports.run(job.value.id);
    expect((await imports.get({ principal: supplier }, job.value.id)).ok).toBe(true);
    expect((await p.repos.products.countBySupplier(supplier.supplierId!))).toBe(25);
    expect((await imports.get({ principal: other }, job.value.id)).ok).toBe(false);
  });

  it('fails the job with the reader\'s message when the file cannot be read', async () => {
    const broken: SpreadsheetReader = async function* () {
      yield* [];
      throw Object.assign(new Error('The workbook is damaged'), { name: 'DomainError', code: 'IMPORT.FILE_UNREADABLE', kind: 'validation' });
    };
    const imports = new CatalogImportService({ repos: p.repos, uow: p.uow, clock, read: broken });
    const job = await imports.request({ principal: supplier }, { bytes: new Uint8Array([1]), format: 'xlsx' });
    if (!job.ok) throw job.error;
    await imports.run(job.value.id);
    const done = await imports.get({ principal: supplier }, job.value.id);
    expect(done.ok && done.value).toMatchObject({ status: 'FAILED', message: 'The workbook is damaged' });
  });
});
