import type { Knex } from 'knex';
import type { Page, ProductSearchCriteria, SupplierProduct } from '@dropship/core';
import { PRODUCT_COLUMNS, toProduct, type Row } from '../row-mappers';

/** Results are counted exactly up to this many; beyond it `total` is the planner's estimate. */
export const COUNT_CAP = 10_000;

const TSQUERY = `websearch_to_tsquery('english', ?)`;

/**
 * Relevance ranks at most this many matching rows (or `offset + pageSize` if more): `ts_rank`
 * costs a heap visit and a tsvector read per match, so a word found in 5 % of 2,000,000 products
 * would rank 100,000 rows (~0.5 s). A query with fewer matches is ranked exactly as before; a
 * broader one ranks a bounded set of candidates taken in the scan's order (the trade-off is
 * documented in docs/performance.md).
 */
export const RANK_CANDIDATES = 1_000;

/** Above this planner estimate the capped exact count is skipped: its answer would be the estimate anyway. */
const ESTIMATE_ONLY_ABOVE = 3 * COUNT_CAP;

/**
 * A text query sorted by price, date or title whose matches are estimated below this is answered
 * from the GIN bitmap plus a top-N sort, never by walking a price/date index and testing `@@` row
 * by row: matches cluster (dresses are dear, cables cheap), so that walk can visit a million rows
 * before it finds 24 (4.8 s measured at 2,000,000 products). Broader words keep the planner's choice.
 */
const SORT_MATCHES_BELOW = 20_000;

/** A single short word (3–5 letters, typed-as-you-go) also matches title words it begins: "blu" finds "Blue". */
const wordPrefix = (q: string): string | null => (/^[\p{L}\p{N}]{3,5}$/u.test(q) ? `\\m${q}` : null);

/** WHERE clauses shaped like the indexes: every filter is a column comparison the planner can see. */
function applyFilters(qb: Knex.QueryBuilder, c: ProductSearchCriteria, q: string | null): Knex.QueryBuilder {
  if (c.supplierStatus === 'ACTIVE') qb.where('p.listed', true);
  if (c.supplierId) qb.where('p.supplier_id', c.supplierId);
  if (c.categorySlug) qb.where('p.category_slug', c.categorySlug);
  if (c.minPriceMinor !== undefined) qb.where('p.wholesale_price_minor', '>=', c.minPriceMinor);
  if (c.maxPriceMinor !== undefined) qb.where('p.wholesale_price_minor', '<=', c.maxPriceMinor);
  if (c.status?.length) qb.whereIn('p.status', [...c.status]);
  if (c.inStock) qb.whereRaw('p.inventory_quantity > p.reserved_quantity');
  if (q) {
    const prefix = wordPrefix(q);
    qb.where((w) => {
      w.whereRaw(`p.search @@ ${TSQUERY}`, [q]);
      // ILIKE drives the trigram index (pg_trgm cannot index `\\m`); the regex keeps word starts only.
      if (prefix) w.orWhereRaw('(p.title ILIKE ? AND p.title ~* ?)', [`%${q}%`, prefix]);
    });
  }
  return qb;
}

function applySort(qb: Knex.QueryBuilder, c: ProductSearchCriteria, q: string | null): Knex.QueryBuilder {
  switch (c.sort) {
    case 'price_asc':
      return qb.orderBy([{ column: 'p.wholesale_price_minor', order: 'asc' }, { column: 'p.id', order: 'asc' }]);
    case 'price_desc':
      return qb.orderBy([{ column: 'p.wholesale_price_minor', order: 'desc' }, { column: 'p.id', order: 'desc' }]);
    case 'title':
      return qb.orderBy([{ column: 'p.title', order: 'asc' }, { column: 'p.id', order: 'asc' }]);
    case 'relevance':
      if (q) return qb.orderByRaw(`ts_rank(p.search, ${TSQUERY}) DESC, p.id DESC`, [q]);
      return qb.orderBy([{ column: 'p.created_at', order: 'desc' }, { column: 'p.id', order: 'desc' }]);
    case 'newest':
    default:
      return qb.orderBy([{ column: 'p.created_at', order: 'desc' }, { column: 'p.id', order: 'desc' }]);
  }
}

/** The planner's row estimate for the filter (planning only, nothing is executed). */
async function estimateMatches(db: Knex, matches: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = matches.toSQL();
  const plan = await db.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as Knex.RawBinding[]);
  const doc = plan.rows[0]?.['QUERY PLAN'];
  const parsed = typeof doc === 'string' ? JSON.parse(doc) : doc;
  return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * Exact count up to COUNT_CAP, then the planner's row estimate (never a full count of millions).
 * The estimate comes first: when it is far past the cap the capped count (up to 10,001 heap
 * visits) is skipped, since its result would be replaced by the estimate anyway.
 */
async function countMatches(db: Knex, c: ProductSearchCriteria, q: string | null, known?: number): Promise<{ total: number; estimate: boolean }> {
  const matches = applyFilters(db('supplier_products as p').select(db.raw('1')), c, q);
  const estimated = known ?? (await estimateMatches(db, matches));
  if (estimated > ESTIMATE_ONLY_ABOVE) return { total: Math.round(estimated), estimate: true };
  const capped = await db.select(db.raw('count(*)::int AS n')).from(matches.clone().limit(COUNT_CAP + 1).as('m'));
  const n = Number((capped[0] as Row | undefined)?.n ?? 0);
  if (n <= COUNT_CAP) return { total: n, estimate: false };
  return { total: Math.max(Math.round(estimated), COUNT_CAP + 1), estimate: true };
}

/**
 * Catalog search: full-text via the GIN tsvector index (plus a trigram title match for one short
 * word), filters on indexed columns, ORDER BY per sort (ts_rank over at most RANK_CANDIDATES
 * matches for relevance), capped or estimated total.
 * Unnamed statements only: PostgreSQL plans each with its actual values.
 */
export async function searchProducts(db: Knex, c: ProductSearchCriteria): Promise<Page<SupplierProduct>> {
  const q = c.q?.trim() ? c.q.trim() : null;
  const offset = (c.page - 1) * c.pageSize;
  const columns = PRODUCT_COLUMNS.map((col) => `p.${col}`);
  let page: Knex.QueryBuilder;
  let estimated: number | undefined;
  if (q && c.sort !== 'relevance') {
    estimated = await estimateMatches(db, applyFilters(db('supplier_products as p').select(db.raw('1')), c, q));
  }
  if (estimated !== undefined && estimated < SORT_MATCHES_BELOW) {
    // OFFSET 0 keeps the subquery from being pulled up, so its scan is chosen without the outer
    // ORDER BY (knex drops `.offset(0)`, hence the raw wrapper).
    const inner = applyFilters(db('supplier_products as p').select(columns), c, q).toSQL();
    const matches = db.raw(`(${inner.sql} OFFSET 0) AS p`, inner.bindings as Knex.RawBinding[]);
    page = applySort(db.select(columns).from(matches), c, q).limit(c.pageSize).offset(offset);
  } else if (q && c.sort === 'relevance') {
    // Rank a bounded candidate set: the inner LIMIT stops the bitmap heap scan early on broad words.
    const candidates = applyFilters(db('supplier_products as p').select([...columns, 'p.search']), c, q).limit(Math.max(RANK_CANDIDATES, offset + c.pageSize));
    page = applySort(db.select(columns).from(candidates.as('p')), c, q).limit(c.pageSize).offset(offset);
  } else {
    page = applySort(applyFilters(db('supplier_products as p').select(columns), c, q), c, q).limit(c.pageSize).offset(offset);
  }
  const rows: Row[] = await page;
  const items = rows.map(toProduct);
  // A short page tells the total without counting (the common case for narrow filters).
  if (items.length < c.pageSize && (items.length > 0 || offset === 0)) {
    return { items, total: offset + items.length, page: c.page, pageSize: c.pageSize };
  }
  const { total, estimate } = await countMatches(db, c, q, estimated);
  return { items, total, ...(estimate ? { totalIsEstimate: true } : {}), page: c.page, pageSize: c.pageSize };
}
