import { isUuid, notFound, parseMoney, type ProductSearchCriteria, type Supplier } from '@dropship/core';
import type { ApiDeps, Handler } from '../http/context';
import { publicProduct, publicSupplier } from '../http/presenters';
import { TtlCache } from '../http/ttl-cache';
import { value } from './accounts.routes';

/**
 * The public search response cache. `DROPSHIP_SEARCH_CACHE_MS` sets its TTL (default 1000 ms;
 * 0 turns it off, e.g. to measure the database path).
 */
export function createSearchCache(env: NodeJS.ProcessEnv = process.env): TtlCache<unknown> {
  const raw = env.DROPSHIP_SEARCH_CACHE_MS;
  const ttl = raw === undefined || raw === '' ? 1_000 : Number(raw);
  if (!Number.isFinite(ttl) || ttl < 0) throw new Error(`DROPSHIP_SEARCH_CACHE_MS must be a number of milliseconds >= 0, got "${raw}"`);
  return new TtlCache(ttl, 5_000);
}

type SupplierSummary = { companyName: string; slug: string; stockBufferPercent: number; status: string } | null;

/** Name, slug and buffer of a supplier, cached briefly (every product on a page needs them). */
export function supplierSummary(deps: ApiDeps, id: string): Promise<SupplierSummary> {
  return deps.caches.suppliers.get(id, async () => {
    const s = await deps.platform.persistence.repos.suppliers.findById(id);
    return s ? { companyName: s.companyName, slug: s.slug, stockBufferPercent: s.stockBufferPercent, status: s.status } : null;
  });
}

const minor = (v: string | undefined, path: string) => (v === undefined ? undefined : value(parseMoney(v, 'USD', path)).amountMinor);

async function presentPage(deps: ApiDeps, page: Awaited<ReturnType<ApiDeps['platform']['services']['catalog']['searchPublic']>>) {
  const ids = [...new Set(page.items.map((p) => p.supplierId))];
  const summaries = new Map(await Promise.all(ids.map(async (id) => [id, await supplierSummary(deps, id)] as const)));
  return {
    products: page.items.map((p) => publicProduct(p, summaries.get(p.supplierId) ?? null)),
    total: page.total,
    ...(page.totalIsEstimate ? { totalIsEstimate: true } : {}),
    page: page.page,
    pageSize: page.pageSize,
  };
}

const JSON_BODY = 'application/json; charset=utf-8';

/**
 * Public catalog search; identical queries share one database round trip while cached. The cache
 * holds the serialised body, so a hit costs no JSON.stringify.
 */
async function search(deps: ApiDeps, criteria: Omit<ProductSearchCriteria, 'supplierStatus' | 'status'>): Promise<Buffer> {
  const key = JSON.stringify(criteria);
  const body = await deps.caches.search.get(key, async () => Buffer.from(JSON.stringify(await presentPage(deps, await deps.platform.services.catalog.searchPublic(criteria)))));
  return body as Buffer;
}

async function activeSupplier(deps: ApiDeps, idOrSlug: string): Promise<Supplier> {
  const repos = deps.platform.persistence.repos;
  const s = isUuid(idOrSlug) ? await repos.suppliers.findById(idOrSlug) : await repos.suppliers.findBySlug(idOrSlug.toLowerCase());
  if (!s || s.status !== 'ACTIVE') throw notFound('SUPPLIER.NOT_FOUND', 'No such supplier.');
  return s;
}

export const catalogHandlers: Record<string, Handler> = {
  async listSuppliers({ query }, { platform }) {
    const page = await platform.persistence.repos.suppliers.list({
      status: 'ACTIVE',
      q: query.q,
      categorySlug: query.category,
      businessType: query.businessType,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 24,
    });
    return { body: { suppliers: page.items.map((s) => publicSupplier(s, s.productCount)), total: page.total } };
  },

  async getSupplier({ params }, deps) {
    const s = await activeSupplier(deps, params.idOrSlug);
    return { body: { supplier: publicSupplier(s, await deps.platform.persistence.repos.products.countBySupplier(s.id)) } };
  },

  async listSupplierProducts({ params, query }, deps) {
    const s = await activeSupplier(deps, params.id);
    return { body: await search(deps, { supplierId: s.id, sort: 'newest', page: query.page ?? 1, pageSize: query.pageSize ?? 24 }), headers: { 'Content-Type': JSON_BODY } };
  },

  async searchProducts({ query }, deps) {
    const criteria = {
      ...(query.q?.trim() ? { q: query.q.trim() } : {}),
      ...(query.category ? { categorySlug: query.category } : {}),
      ...(query.minPrice !== undefined ? { minPriceMinor: minor(query.minPrice, 'query/minPrice') } : {}),
      ...(query.maxPrice !== undefined ? { maxPriceMinor: minor(query.maxPrice, 'query/maxPrice') } : {}),
      ...(query.supplierId ? { supplierId: query.supplierId } : {}),
      ...(query.inStock !== undefined ? { inStock: query.inStock } : {}),
      sort: query.q?.trim() || query.sort !== 'relevance' ? query.sort : 'newest',
      page: query.page,
      pageSize: query.pageSize,
    };
    return { body: await search(deps, criteria), headers: { 'Cache-Control': 'public, max-age=1', 'Content-Type': JSON_BODY } };
  },

  async getProduct({ params }, deps) {
    const p = await deps.platform.persistence.repos.products.findById(params.id);
    const s = p ? await supplierSummary(deps, p.supplierId) : null;
    if (!p || !s || s.status !== 'ACTIVE' || p.status === 'DISCONTINUED') throw notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');
    return { body: { product: publicProduct(p, s) } };
  },

  async listCategories(_input, { platform }) {
    const categories = await platform.persistence.repos.categories.listWithCounts();
    return { body: { categories: categories.map((c) => ({ slug: c.slug, name: c.name, parentSlug: c.parentSlug, productCount: c.productCount })) } };
  },
};
