import { conflict, type RetailerRepository, type SupplierRepository } from '@dropship/core';
import { clone, newestFirst, paginate, type Exec, type MemoryState } from './memory-state';

function freeSlug(s: MemoryState, slug: string): string {
  const taken = new Set([...s.suppliers.values()].map((x) => x.slug));
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Suppliers with optimistic versioning. */
export function memorySuppliers(exec: Exec): SupplierRepository {
  return {
    create: (supplier) =>
      exec((s) => {
        const ownerTaken = [...s.suppliers.values()].some((x) => x.ownerUserId === supplier.ownerUserId);
        if (ownerTaken || s.suppliers.has(supplier.id)) throw conflict('SUPPLIER.ALREADY_EXISTS', 'This user already has a supplier.');
        const stored = { ...clone(supplier), slug: freeSlug(s, supplier.slug) };
        s.suppliers.set(stored.id, stored);
        return clone(stored);
      }),
    findById: (id) => exec((s) => clone(s.suppliers.get(id) ?? null)),
    findBySlug: (slug) => exec((s) => clone([...s.suppliers.values()].find((x) => x.slug === slug) ?? null)),
    findByOwner: (userId) => exec((s) => clone([...s.suppliers.values()].find((x) => x.ownerUserId === userId) ?? null)),
    update: (supplier, expectedVersion) =>
      exec((s) => {
        const current = s.suppliers.get(supplier.id);
        if (!current || current.version !== expectedVersion) return null;
        const stored = {
          ...clone(supplier),
          ownerUserId: current.ownerUserId,
          slug: current.slug,
          createdAt: current.createdAt,
          version: expectedVersion + 1,
        };
        s.suppliers.set(stored.id, stored);
        return clone(stored);
      }),
    list: (filter) =>
      exec((s) => {
        const products = [...s.products.values()];
        const qWords = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const rows = [...s.suppliers.values()]
          .filter((x) => !filter.status || x.status === filter.status)
          .filter((x) => !filter.businessType || x.businessType === filter.businessType)
          .filter((x) => qWords.every((w) => x.companyName.toLowerCase().includes(w)))
          .filter((x) => !filter.categorySlug || products.some((p) => p.supplierId === x.id && p.categorySlug === filter.categorySlug))
          .sort(newestFirst((x) => x.createdAt))
          .map((x) => ({ ...x, productCount: products.filter((p) => p.supplierId === x.id).length }));
        return clone(paginate(rows, filter.page, filter.pageSize));
      }),
  };
}

/** Retailers, one per owner. */
export function memoryRetailers(exec: Exec): RetailerRepository {
  return {
    create: (retailer) =>
      exec((s) => {
        const ownerTaken = [...s.retailers.values()].some((x) => x.ownerUserId === retailer.ownerUserId);
        if (ownerTaken || s.retailers.has(retailer.id)) throw conflict('RETAILER.ALREADY_EXISTS', 'This user already has a retailer.');
        s.retailers.set(retailer.id, clone(retailer));
        return clone(retailer);
      }),
    findById: (id) => exec((s) => clone(s.retailers.get(id) ?? null)),
  };
}
