import { describe, expect, it } from 'vitest';
import { money, uuidv7, type Retailer } from '@dropship/core';
import { aProduct, aSupplier, aUser, at, domainErrorOf, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

/** Suppliers and retailers. */
export function describeSuppliersContract(opts: PersistenceContractOptions): void {
  describe('suppliers', () => {
    const db = usePersistence(opts);

    it('creates a supplier and finds it by id, slug and owner', async () => {
      const owner = await db().repos.users.create(aUser());
      const supplier = aSupplier({
        ownerUserId: owner.id,
        minOrderValue: money(2500, 'EUR'),
        shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 3 }],
        verificationDocuments: [{ type: 'TAX_ID', reference: 'DE123' }],
        integration: { adapter: 'supplier-http', options: { baseUrl: 'https://api.example.test', token: 'secret-token', retries: 3 } },
      });
      expect(await db().repos.suppliers.create(supplier)).toEqual(supplier);
      expect(await db().repos.suppliers.findById(supplier.id)).toEqual(supplier);
      expect(await db().repos.suppliers.findBySlug(supplier.slug)).toEqual(supplier);
      expect(await db().repos.suppliers.findByOwner(owner.id)).toEqual(supplier);
      expect(await db().repos.suppliers.findById(uuidv7())).toBeNull();
      expect(await db().repos.suppliers.findBySlug(uniqueWord())).toBeNull();
    });

    it('refuses a second supplier for the same owner', async () => {
      const first = await givenSupplier(db().repos);
      const clash = await domainErrorOf(db().repos.suppliers.create(aSupplier({ ownerUserId: first.ownerUserId })));
      expect(clash).toEqual({ code: 'SUPPLIER.ALREADY_EXISTS', kind: 'conflict' });
    });

    it('gives a clashing slug a suffix instead of failing', async () => {
      const first = await givenSupplier(db().repos);
      const owner = await db().repos.users.create(aUser());
      const second = await db().repos.suppliers.create(aSupplier({ ownerUserId: owner.id, slug: first.slug }));
      expect(second.slug).not.toBe(first.slug);
      expect(second.slug.startsWith(`${first.slug}-`)).toBe(true);
      expect((await db().repos.suppliers.findBySlug(second.slug))?.id).toBe(second.id);
      expect((await db().repos.suppliers.findBySlug(first.slug))?.id).toBe(first.id);
    });

    it('updates with the expected version and bumps it; a stale version changes nothing', async () => {
      const supplier = await givenSupplier(db().repos);
      const changed = { ...supplier, companyName: 'Renamed Co', status: 'PENDING' as const, submittedAt: at(1000), updatedAt: at(1000) };
      const saved = await db().repos.suppliers.update(changed, supplier.version);
      expect(saved).toEqual({ ...changed, version: supplier.version + 1 });
      expect(await db().repos.suppliers.findById(supplier.id)).toEqual(saved);

      const stale = await db().repos.suppliers.update({ ...supplier, companyName: 'Lost Update' }, supplier.version);
      expect(stale).toBeNull();
      expect((await db().repos.suppliers.findById(supplier.id))?.companyName).toBe('Renamed Co');
    });

    it('lets exactly one of two concurrent updates with the same expected version win', async () => {
      const supplier = await givenSupplier(db().repos);
      const results = await Promise.all([
        db().repos.suppliers.update({ ...supplier, companyName: 'First Writer' }, supplier.version),
        db().repos.suppliers.update({ ...supplier, companyName: 'Second Writer' }, supplier.version),
      ]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await db().repos.suppliers.findById(supplier.id)).toEqual(winners[0]);
    });

    it('lists by status, text, business type and category with product counts and totals', async () => {
      const word = uniqueWord();
      const category = uniqueWord('cat');
      await db().repos.categories.upsert([{ slug: category, name: 'Test category', parentSlug: null }]);
      const a = await givenSupplier(db().repos, { companyName: `Alpha ${word} Traders`, status: 'ACTIVE', businessType: 'MANUFACTURER' });
      const b = await givenSupplier(db().repos, { companyName: `Bravo ${word} Goods`, status: 'ACTIVE', businessType: 'WHOLESALER' });
      const c = await givenSupplier(db().repos, { companyName: `Charlie ${word} Ltd`, status: 'PENDING', businessType: 'MANUFACTURER' });
      await db().repos.products.create(aProduct(a.id, { categorySlug: category }));
      await db().repos.products.create(aProduct(a.id));
      await db().repos.products.create(aProduct(b.id));
      const list = (f: object) => db().repos.suppliers.list({ page: 1, pageSize: 50, q: word, ...f });

      const all = await list({});
      expect(all.total).toBe(3);
      expect(new Set(all.items.map((s) => s.id))).toEqual(new Set([a.id, b.id, c.id]));
      const counts = Object.fromEntries(all.items.map((s) => [s.id, s.productCount]));
      expect(counts).toEqual({ [a.id]: 2, [b.id]: 1, [c.id]: 0 });

      const active = await list({ status: 'ACTIVE' });
      expect(active.total).toBe(2);
      expect(new Set(active.items.map((s) => s.id))).toEqual(new Set([a.id, b.id]));
      const makers = await list({ status: 'ACTIVE', businessType: 'MANUFACTURER' });
      expect(makers.items.map((s) => s.id)).toEqual([a.id]);
      const inCategory = await list({ categorySlug: category });
      expect(inCategory.items.map((s) => s.id)).toEqual([a.id]);
      expect((await list({ q: `Bravo ${word}` })).items.map((s) => s.id)).toEqual([b.id]);
      expect((await list({ q: word.toUpperCase() })).total).toBe(3);
      expect((await list({ q: uniqueWord() })).total).toBe(0);
    });

    it('paginates suppliers without overlap', async () => {
      const word = uniqueWord();
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await givenSupplier(db().repos, { companyName: `Page ${word} ${i}` })).id);
      const p1 = await db().repos.suppliers.list({ q: word, page: 1, pageSize: 2 });
      const p2 = await db().repos.suppliers.list({ q: word, page: 2, pageSize: 2 });
      expect(p1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(p1.items).toHaveLength(2);
      expect(p2.items).toHaveLength(1);
      expect(new Set([...p1.items, ...p2.items].map((s) => s.id))).toEqual(new Set(ids));
    });
  });

  describe('retailers', () => {
    const db = usePersistence(opts);

    it('creates a retailer, finds it by id, and refuses a second one for the same owner', async () => {
      const owner = await db().repos.users.create(aUser({ role: 'RETAILER' }));
      const retailer: Retailer = { id: uuidv7(), ownerUserId: owner.id, name: 'Shop One', plan: 'PRO', createdAt: at() };
      expect(await db().repos.retailers.create(retailer)).toEqual(retailer);
      expect(await db().repos.retailers.findById(retailer.id)).toEqual(retailer);
      expect(await db().repos.retailers.findById(uuidv7())).toBeNull();
      const clash = await domainErrorOf(db().repos.retailers.create({ ...retailer, id: uuidv7() }));
      expect(clash).toEqual({ code: 'RETAILER.ALREADY_EXISTS', kind: 'conflict' });
    });
  });
}
