/**
 * Loads N generated products into a PostgreSQL database and prints EXPLAIN ANALYZE of the catalog
 * query shapes the repository emits. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/dropship_explain ROWS=300000 npx tsx adapters/postgres/src/tools/explain-search.ts
 */
import type { Knex } from 'knex';
import type { ProductSearchCriteria, SecretBox } from '@dropship/core';
import { createPostgresPersistence } from '../postgres-persistence';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dropship_explain';
const rows = Number(process.env.ROWS ?? 300_000);
const noBox: SecretBox = { seal: () => { throw new Error('no secrets in this tool'); }, open: () => { throw new Error('no secrets in this tool'); } };
const db = createPostgresPersistence({ url, poolMax: 2, statementTimeoutMs: 0 }, { dataDir: '.', secrets: noBox });
await db.migrate();
const knex = db.knex;

const have = Number((await knex.raw('SELECT count(*)::int AS n FROM supplier_products')).rows[0].n);
if (have < rows) {
  console.info(`loading ${rows - have} products…`);
  const t0 = Date.now();
  await knex.raw(`INSERT INTO users (id, email, name, role, password_hash, created_at)
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench' || g || '@example.test', 'Bench', 'SUPPLIER', 'x', now()
    FROM generate_series(1, 200) g ON CONFLICT DO NOTHING`);
  await knex.raw(`INSERT INTO suppliers (id, slug, owner_user_id, status, company_name, business_type, contact_email, created_at, updated_at)
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-' || g, ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
      CASE WHEN g % 10 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, 'Bench ' || g, 'WHOLESALER', 'b@example.test', now(), now()
    FROM generate_series(1, 200) g ON CONFLICT DO NOTHING`);
  await knex.raw(`
    WITH w AS (SELECT ARRAY['lamp','mug','chair','table','charger','cable','speaker','kettle','blanket','pillow','drill','hammer',
      'backpack','bottle','candle','clock','mirror','rug','towel','watch','wallet','headphones','keyboard','mouse','monitor',
      'blender','toaster','knife','pan','pot','shirt','jacket','boots','sneakers','scarf','gloves','tent','lantern','bike','helmet'] AS a)
    INSERT INTO supplier_products (id, supplier_id, sku, title, description, wholesale_price_minor, msrp_minor, currency, category_slug,
      inventory_quantity, status, listed, created_at, updated_at)
    SELECT gen_random_uuid(), ('00000000-0000-7000-8000-' || lpad(to_hex(1 + g % 200), 12, '0'))::uuid, 'B-' || g,
      initcap(w.a[1 + g % 40]) || ' ' || initcap(w.a[1 + (g / 40) % 40]) || ' ' || (g % 997),
      'A ' || w.a[1 + (g / 7) % 40] || ' made for ' || w.a[1 + (g / 13) % 40] || ' lovers.',
      100 + ((g::bigint * 7919) % 50000)::int, NULL, 'USD', 'cat-' || (g % 30), g % 50, CASE WHEN g % 50 = 0 THEN 'OUT_OF_STOCK' ELSE 'ACTIVE' END,
      (1 + g % 200) % 10 <> 0, now() - (g || ' seconds')::interval, now()
    FROM generate_series(${have + 1}, ${rows}) g, w`);
  await knex.raw('ANALYZE');
  console.info(`loaded in ${Date.now() - t0} ms`);
}

const shapes: [string, Partial<ProductSearchCriteria>][] = [
  ['text word', { q: 'kettle', sort: 'relevance' }],
  ['text two words', { q: 'kettle blanket', sort: 'relevance' }],
  ['text + category + price', { q: 'lamp', categorySlug: 'cat-3', minPriceMinor: 1000, maxPriceMinor: 20000, sort: 'price_asc' }],
  ['category + price, price sort', { categorySlug: 'cat-3', minPriceMinor: 1000, maxPriceMinor: 20000, sort: 'price_asc' }],
  ['browse newest', { sort: 'newest' }],
  ['browse price desc', { sort: 'price_desc' }],
  ['supplier catalog', { supplierId: '00000000-0000-7000-8000-000000000005', sort: 'newest' }],
  ['rare word', { q: 'kettle hammer', categorySlug: 'cat-7', sort: 'relevance' }],
];
const captured: { sql: string; bindings: Knex.RawBinding[] }[] = [];
knex.on('query', (q: { sql: string; bindings: Knex.RawBinding[] }) => captured.push(q));
for (const [name, c] of shapes) {
  captured.length = 0;
  const t0 = performance.now();
  const page = await db.repos.products.search({ supplierStatus: 'ACTIVE', page: 1, pageSize: 24, ...c, sort: c.sort ?? 'relevance' });
  const ms = performance.now() - t0;
  console.info(`\n### ${name}: ${page.items.length} items, total ${page.total}${page.totalIsEstimate ? ' (estimate)' : ''}, ${ms.toFixed(1)} ms end-to-end`);
  for (const q of captured.filter((x) => !x.sql.startsWith('EXPLAIN'))) {
    const plan = await knex.raw(`EXPLAIN (ANALYZE, BUFFERS OFF) ${q.sql.replace(/\$\d+/g, '?')}`, q.bindings);
    console.info(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
}
await db.dispose();
