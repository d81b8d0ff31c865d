import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SecretBox } from '@dropship/core';
import { createPostgresPersistence } from '@dropship/adapter-postgres';
import { CATEGORIES, generateProducts, type BulkProductRow } from '@dropship/demo-data';

export const BENCH_SEED = 20_240_601;
/** created_at of product 0; product i is created 15 s after product i - 1 (2,000,000 products span ~1 year). */
const BASE_MS = Date.UTC(2025, 0, 1);
const STEP_MS = 15_000;
const BATCH = 10_000;

export interface LoadOptions {
  readonly url: string;
  readonly products: number;
  readonly suppliers: number;
  readonly fresh: boolean;
  readonly log: (line: string) => void;
}

export interface LoadResult {
  readonly reused: boolean;
  readonly products: number;
  readonly loadMs: number;
  readonly copyMs: number;
  readonly indexMs: number;
  readonly vacuumMs: number;
  readonly heapMb: number;
  readonly indexMb: number;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
export const supplierId = (i: number): string => `00000000-0000-7000-8000-${hex(i + 1, 12)}`;
/** uuidv7-shaped, time-ordered like the app's ids, deterministic per index. */
function productId(i: number, ms: number): string {
  const t = hex(ms, 12);
  const r = hex(i, 18);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-8${r.slice(3, 6)}-${r.slice(6, 18)}`;
}

/** COPY text format: backslash, tab, newline and carriage return escaped. */
const esc = (s: string): string => (/[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s);

function copyLine(r: BulkProductRow, i: number): string {
  const ms = BASE_MS + i * STEP_MS;
  const at = new Date(ms).toISOString();
  const status = r.discontinued ? 'DISCONTINUED' : r.inventoryQuantity > 0 ? 'ACTIVE' : 'OUT_OF_STOCK';
  return (
    `${productId(i, ms)}\t${supplierId(r.supplierIndex)}\t${esc(r.sku)}\t${esc(r.title)}\t${esc(r.description)}\t` +
    `${r.wholesalePriceMinor}\t${r.msrpMinor}\tUSD\t${esc(JSON.stringify(r.images))}\t${r.categorySlug}\t${r.weightGrams}\t` +
    `${r.shippingClass}\t${r.inventoryQuantity}\t0\t${r.discontinued ? 't' : 'f'}\t${status}\tt\t${at}\t${at}\n`
  );
}

const COPY_SQL = `COPY supplier_products (id, supplier_id, sku, title, description, wholesale_price_minor, msrp_minor, currency, images,
  category_slug, weight_grams, shipping_class, inventory_quantity, reserved_quantity, discontinued, status, listed, created_at, updated_at)
  FROM STDIN`;

/** Rows [start, end) of the dataset as COPY text, generated in ~10k-row batches as the stream is read. */
function copySource(start: number, end: number, step: number, suppliers: number, onRows: (n: number) => void): Readable {
  let next = start;
  return new Readable({
    highWaterMark: 4,
    objectMode: false,
    read() {
      if (next >= end) {
        this.push(null);
        return;
      }
      const n = Math.min(BATCH, end - next);
      const rows = generateProducts(BENCH_SEED, next, n, suppliers);
      let chunk = '';
      for (let k = 0; k < n; k++) chunk += copyLine(rows[k]!, next + k);
      next += step;
      onRows(n);
      this.push(chunk);
    },
  });
}

const noSecrets: SecretBox = {
  seal: () => {
    throw new Error('the benchmark stores no secrets');
  },
  open: () => {
    throw new Error('the benchmark stores no secrets');
  },
};

/** Creates the database if missing (dropping it first with `fresh`). */
async function ensureDatabase(url: string, fresh: boolean, log: (s: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    if (fresh) {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`dropped database ${name}`);
    }
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) {
      await c.query(`CREATE DATABASE ${name}`);
      log(`created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

/**
 * Creates/migrates the benchmark database through the adapter and loads `products` generated
 * products across `suppliers` ACTIVE suppliers, unless it already holds exactly that dataset.
 * Fast path: secondary indexes of supplier_products are dropped, rows streamed with COPY on two
 * connections, indexes rebuilt (two at a time), then VACUUM ANALYZE.
 */
export async function loadCatalog(o: LoadOptions): Promise<LoadResult> {
  await ensureDatabase(o.url, o.fresh, o.log);
  const persistence = createPostgresPersistence({ url: o.url, poolMax: 2, statementTimeoutMs: 0 }, { dataDir: '.', secrets: noSecrets });
  const t0 = performance.now();
  try {
    await persistence.migrate();
  } finally {
    await persistence.dispose();
  }
  const client = async () => {
    const c = new pg.Client({ connectionString: o.url });
    await c.connect();
    await c.query("SET statement_timeout = 0; SET maintenance_work_mem = '1GB'; SET synchronous_commit = off");
    return c;
  };
  const a = await client();
  const b = await client();
  try {
    await a.query('CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)');
    const want = { products: o.products, suppliers: o.suppliers, seed: BENCH_SEED };
    const meta = (await a.query("SELECT value FROM bench_meta WHERE key = 'dataset'")).rows[0]?.value as typeof want | undefined;
    const count = Number((await a.query('SELECT count(*)::int AS n FROM supplier_products')).rows[0].n);
    if (meta && meta.products === want.products && meta.suppliers === want.suppliers && meta.seed === want.seed && count === o.products) {
      // Read the heap once so the runs start from the OS page cache, not the disk.
      await a.query('SELECT count(*) FROM supplier_products WHERE length(description) >= 0');
      const sizes = await tableSizes(a);
      o.log(`reusing ${count.toLocaleString('en')} products in the existing database (--fresh to rebuild)`);
      return { reused: true, products: count, loadMs: 0, copyMs: 0, indexMs: 0, vacuumMs: 0, ...sizes };
    }
    o.log(`loading ${o.products.toLocaleString('en')} products across ${o.suppliers.toLocaleString('en')} suppliers…`);
    await a.query("DELETE FROM bench_meta WHERE key = 'dataset'");
    await a.query('TRUNCATE supplier_products CASCADE');
    await a.query(`DELETE FROM suppliers WHERE id::text LIKE '00000000-0000-7000-8000-%'`);
    await a.query(`DELETE FROM users WHERE id::text LIKE '00000000-0000-7000-8000-%'`);
    await a.query(
      `INSERT INTO users (id, email, name, role, password_hash, created_at)
       SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-supplier-' || g || '@bench.test', 'Bench ' || g, 'SUPPLIER', 'x', now()
       FROM generate_series(1, $1::int) g`,
      [o.suppliers],
    );
    await a.query(
      `INSERT INTO suppliers (id, slug, owner_user_id, status, company_name, business_type, contact_email, stock_buffer_percent, created_at, updated_at)
       SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-supplier-' || g, ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
         'ACTIVE', 'Bench Supplier ' || g, 'WHOLESALER', 'ops' || g || '@bench.test', 80 + g % 21, now(), now()
       FROM generate_series(1, $1::int) g`,
      [o.suppliers],
    );
    for (const c of CATEGORIES) {
      await a.query('INSERT INTO categories (slug, name, parent_slug) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING', [c.slug, c.name, c.parentSlug ?? null]);
    }
    // Secondary indexes are rebuilt after the load: far cheaper than maintaining GIN entries row by row.
    const defs = (
      await a.query(`SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = 'supplier_products'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
    ).rows as { indexname: string; indexdef: string }[];
    for (const d of defs) await a.query(`DROP INDEX ${d.indexname}`);

    const tc = performance.now();
    let done = 0;
    let lastLog = tc;
    const progress = (n: number) => {
      done += n;
      const now = performance.now();
      if (now - lastLog > 5_000) {
        lastLog = now;
        o.log(`  ${done.toLocaleString('en')} rows (${Math.round(done / ((now - tc) / 1000)).toLocaleString('en')} rows/s)`);
      }
    };
    // Two COPY streams over interleaved batches: both cores busy (to_tsvector of the generated column runs in the server).
    const copyOn = (c: pg.Client, first: number) => pipeline(copySource(first, o.products, 2 * BATCH, o.suppliers, progress), c.query(copyFrom(COPY_SQL)));
    // Rows are consistent by construction: skip the per-row foreign-key trigger during the load.
    for (const c of [a, b]) await c.query('SET session_replication_role = replica');
    await Promise.all([copyOn(a, 0), copyOn(b, BATCH)]);
    for (const c of [a, b]) await c.query('SET session_replication_role = DEFAULT');
    const copyMs = performance.now() - tc;
    o.log(`  copied ${o.products.toLocaleString('en')} rows in ${(copyMs / 1000).toFixed(1)} s`);

    const ti = performance.now();
    // GIN builds first (slowest, one per connection), then the btrees.
    const queue = [...defs].sort((x, y) => Number(/using gin/i.test(y.indexdef)) - Number(/using gin/i.test(x.indexdef)));
    const worker = async (c: pg.Client) => {
      for (let d = queue.shift(); d; d = queue.shift()) await c.query(d.indexdef);
    };
    await Promise.all([worker(a), worker(b)]);
    const indexMs = performance.now() - ti;
    o.log(`  rebuilt ${defs.length} indexes in ${(indexMs / 1000).toFixed(1)} s`);

    const tv = performance.now();
    await a.query('VACUUM ANALYZE supplier_products');
    await a.query('VACUUM ANALYZE suppliers');
    const vacuumMs = performance.now() - tv;
    await a.query("INSERT INTO bench_meta (key, value) VALUES ('dataset', $1)", [JSON.stringify(want)]);
    const loadMs = performance.now() - t0;
    return { reused: false, products: o.products, loadMs, copyMs, indexMs, vacuumMs, ...(await tableSizes(a)) };
  } finally {
    await a.end();
    await b.end();
  }
}

async function tableSizes(c: pg.Client): Promise<{ heapMb: number; indexMb: number }> {
  const r = (await c.query(`SELECT pg_table_size('supplier_products') AS h, pg_indexes_size('supplier_products') AS i`)).rows[0];
  return { heapMb: Math.round(Number(r.h) / 2 ** 20), indexMb: Math.round(Number(r.i) / 2 ** 20) };
}
