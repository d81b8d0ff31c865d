import { availableQuantity, type Page, type ProductSearchCriteria, type SupplierProduct } from '@dropship/core';
import { paginate, type MemoryState } from './memory-state';
import { matchCount } from './text-match';

type Ranked = { p: SupplierProduct; rank: number };

const byId = (a: Ranked, b: Ranked) => (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0);
const newest = (a: Ranked, b: Ranked) => b.p.createdAt.getTime() - a.p.createdAt.getTime();

const SORTS: Record<ProductSearchCriteria['sort'], (a: Ranked, b: Ranked) => number> = {
  relevance: (a, b) => b.rank - a.rank || newest(a, b),
  price_asc: (a, b) => a.p.wholesalePrice.amountMinor - b.p.wholesalePrice.amountMinor,
  price_desc: (a, b) => b.p.wholesalePrice.amountMinor - a.p.wholesalePrice.amountMinor,
  newest,
  title: (a, b) => a.p.title.localeCompare(b.p.title),
};

/** Filters, ranks and sorts the catalog the way the SQL adapters do (stemmed word-prefix text match). */
export function searchProducts(s: MemoryState, c: ProductSearchCriteria): Page<SupplierProduct> {
  const q = c.q?.trim() ?? '';
  const rows: Ranked[] = [];
  for (const p of s.products.values()) {
    if (c.categorySlug !== undefined && p.categorySlug !== c.categorySlug) continue;
    if (c.supplierId !== undefined && p.supplierId !== c.supplierId) continue;
    if (c.minPriceMinor !== undefined && p.wholesalePrice.amountMinor < c.minPriceMinor) continue;
    if (c.maxPriceMinor !== undefined && p.wholesalePrice.amountMinor > c.maxPriceMinor) continue;
    if (c.inStock && availableQuantity(p) <= 0) continue;
    if (c.status && c.status.length > 0 && !c.status.includes(p.status)) continue;
    if (c.supplierStatus && s.suppliers.get(p.supplierId)?.status !== c.supplierStatus) continue;
    let rank = 0;
    if (q) {
      const inTitle = matchCount(p.title, q);
      const inAny = matchCount(`${p.title} ${p.description}`, q);
      if (inAny === null) continue;
      rank = inAny + 2 * (inTitle ?? 0);
    }
    rows.push({ p, rank });
  }
  const sort = SORTS[c.sort];
  rows.sort((a, b) => sort(a, b) || byId(a, b));
  return paginate(
    rows.map((r) => r.p),
    c.page,
    c.pageSize,
  );
}
