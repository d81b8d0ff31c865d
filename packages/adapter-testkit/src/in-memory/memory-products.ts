import {
  conflict,
  deriveStatus,
  notFound,
  uuidv7,
  type CategoryRepository,
  type Clock,
  type ProductRepository,
  type SupplierProduct,
  UPDATABLE_PRODUCT_FIELDS,
} from '@dropship/core';
import { clone, type Exec, type MemoryState } from './memory-state';
import { searchProducts } from './memory-product-search';

const withStatus = (p: SupplierProduct): SupplierProduct => ({ ...p, status: deriveStatus(p.discontinued, p.inventoryQuantity, p.reservedQuantity) });
const bySku = (s: MemoryState, supplierId: string, sku: string) =>
  [...s.products.values()].find((p) => p.supplierId === supplierId && p.sku === sku);

function setStock(s: MemoryState, p: SupplierProduct, quantity: number, at: Date): SupplierProduct {
  const stored = withStatus({ ...p, inventoryQuantity: quantity, updatedAt: new Date(at) });
  s.products.set(stored.id, stored);
  return stored;
}

/** Supplier catalogs, unique by (supplierId, sku). */
export function memoryProducts(exec: Exec, clock: Clock): ProductRepository {
  return {
    create: (product) =>
      exec((s) => {
        if (bySku(s, product.supplierId, product.sku)) throw conflict('CATALOG.DUPLICATE_SKU', `SKU ${product.sku} already exists.`, { sku: product.sku });
        if (s.products.has(product.id)) throw conflict('PRODUCT.ALREADY_EXISTS', 'A product with this id already exists.');
        const stored = withStatus(clone(product));
        s.products.set(stored.id, stored);
        return clone(stored);
      }),
    findById: (id, scope) =>
      exec((s) => {
        const p = s.products.get(id);
        return p && (!scope || p.supplierId === scope.supplierId) ? clone(p) : null;
      }),
    findBySku: (supplierId, sku) => exec((s) => clone(bySku(s, supplierId, sku) ?? null)),
    update: (product) =>
      exec((s) => {
        const current = s.products.get(product.id);
        if (!current || current.supplierId !== product.supplierId) throw notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');
        const stored = withStatus({
          ...clone(product),
          sku: current.sku,
          reservedQuantity: current.reservedQuantity,
          createdAt: current.createdAt,
        });
        s.products.set(stored.id, stored);
        return clone(stored);
      }),
    upsertMany: (supplierId, drafts, at, fields = UPDATABLE_PRODUCT_FIELDS) =>
      exec((s) => {
        if (new Set(drafts.map((d) => d.sku)).size !== drafts.length) throw new Error('upsertMany: drafts must have distinct SKUs');
        let created = 0;
        let updated = 0;
        for (const draft of clone(drafts)) {
          const current = bySku(s, supplierId, draft.sku);
          const base = current ?? { id: uuidv7(clock.now().getTime()), supplierId, reservedQuantity: 0, createdAt: new Date(at), status: 'ACTIVE' as const };
          const changes = current ? Object.fromEntries(fields.map((f) => [f, draft[f]])) : draft;
          const stored = withStatus({ ...base, ...changes, sku: draft.sku, updatedAt: new Date(at) } as SupplierProduct);
          s.products.set(stored.id, stored);
          if (current) updated++;
          else created++;
        }
        return { created, updated };
      }),
    existingSkus: (supplierId, skus) => exec((s) => skus.filter((sku) => bySku(s, supplierId, sku) !== undefined)),
    setInventory: (supplierId, productId, quantity, at) =>
      exec((s) => {
        const p = s.products.get(productId);
        return p && p.supplierId === supplierId ? clone(setStock(s, p, quantity, at)) : null;
      }),
    setInventoryBySku: (supplierId, items, at) =>
      exec((s) => {
        const unknownSkus: string[] = [];
        let updated = 0;
        for (const item of items) {
          const p = bySku(s, supplierId, item.sku);
          if (!p) {
            unknownSkus.push(item.sku);
            continue;
          }
          setStock(s, p, item.quantity, at);
          updated++;
        }
        return { updated, unknownSkus };
      }),
    search: (criteria) => exec((s) => clone(searchProducts(s, criteria))),
    countBySupplier: (supplierId) => exec((s) => [...s.products.values()].filter((p) => p.supplierId === supplierId).length),
  };
}

/** The category tree with sellable-product counts. */
export function memoryCategories(exec: Exec): CategoryRepository {
  return {
    upsert: (categories) =>
      exec((s) => {
        for (const c of clone(categories)) s.categories.set(c.slug, c);
      }),
    listWithCounts: () =>
      exec((s) => {
        const sellable = [...s.products.values()].filter((p) => !p.discontinued && s.suppliers.get(p.supplierId)?.status === 'ACTIVE');
        return [...s.categories.values()]
          .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug))
          .map((c) => ({ ...c, productCount: sellable.filter((p) => p.categorySlug === c.slug).length }));
      }),
    exists: (slug) => exec((s) => s.categories.has(slug)),
  };
}
