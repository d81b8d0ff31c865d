import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { money, uuidv7 } from '@dropship/core';
import { aProductDraft, givenSupplier } from '@dropship/adapter-testkit';
import { createSecretBox } from '@dropship/platform';
import { createTestDatabase, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { COUNT_CAP, createPostgresPersistence, type PostgresPersistence } from './index';
import { MIGRATION_NAMES } from './migrations/migration-source';

const secrets = createSecretBox({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });
const ctx = { id: 'db', dataDir: '/nonexistent', secrets };
const hasPg = await requireServer('PostgreSQL', PG_ADMIN_URL);

describe.skipIf(!hasPg)('postgres server specifics', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let url: string;
  let a: PostgresPersistence;
  let b: PostgresPersistence;

  beforeAll(async () => {
    db = await createTestDatabase('dropship_test');
    url = db.url;
    a = createPostgresPersistence({ url, poolMax: 4, statementTimeoutMs: 1500 }, ctx);
    b = createPostgresPersistence({ url, poolMax: 4 }, ctx);
    // Two "processes" migrating a fresh database at once.
    await Promise.all([a.migrate(), b.migrate()]);
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await db?.drop();
  });

  it('migrated once despite concurrent migrate calls, and again is a no-op', async () => {
    await Promise.all([a.migrate(), b.migrate()]);
    expect((await a.knex('knex_migrations').select('name')).map((r) => r.name)).toEqual(MIGRATION_NAMES);
    expect(a.engine).toBe('postgres');
  });

  it('applies the statement timeout to pooled connections and maps it to a retryable AdapterError', async () => {
    const r = await a.knex.raw('SHOW statement_timeout');
    expect(r.rows[0].statement_timeout).toBe('1500ms');
    const e = await a.uow.run((repos) => repos.outbox.relayBatch(1, async () => [], new Date()).then(() => a.knex.raw('SELECT pg_sleep(3)'))).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'AdapterError', code: 'ADAPTER.TIMEOUT', retryable: true });
  });

  it('concurrent relays from two pools publish every outbox row exactly once (SKIP LOCKED)', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: uuidv7(), topic: 't', payload: { i }, headers: {} }));
    for (let i = 0; i < rows.length; i += 100) await a.repos.outbox.enqueue(rows.slice(i, i + 100), new Date(Date.now() + i));
    const seen = new Map<string, number>();
    const relay = async (p: PostgresPersistence) => {
      let total = 0;
      for (;;) {
        const n = await p.repos.outbox.relayBatch(25, async (batch) => {
          for (const r of batch) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
          await new Promise((res) => setTimeout(res, 2));
          return batch.map((r) => r.id);
        }, new Date());
        if (n === 0) return total;
        total += n;
      }
    };
    const counts = await Promise.all([relay(a), relay(a), relay(b), relay(b)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(400);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(seen.size).toBe(400);
    expect(await a.repos.outbox.pendingCount()).toBe(0);
  });

  it('plans a text search with the GIN index and estimates totals past the cap', async () => {
    const s = await givenSupplier(a.repos, { status: 'ACTIVE' });
    const words = ['lamp', 'mug', 'chair', 'table', 'charger', 'cable', 'speaker', 'kettle'];
    const drafts = Array.from({ length: COUNT_CAP + 500 }, (_, i) =>
      aProductDraft({ sku: `GEN-${i}`, title: `${words[i % 8]} model ${i}${i === 77 ? ' zanzibarite' : ''}`, categorySlug: `c${i % 5}`, wholesalePrice: money(100 + (i % 900), 'USD') }),
    );
    expect(await b.repos.products.upsertMany(s.id, drafts, new Date())).toEqual({ created: drafts.length, updated: 0 });
    await a.knex.raw('ANALYZE supplier_products');

    const planOf = async (q: string) => {
      const seen: { sql: string; bindings: readonly unknown[] }[] = [];
      const onQuery = (x: { sql: string; bindings: readonly unknown[] }) => seen.push(x);
      a.knex.on('query', onQuery);
      const hit = await a.repos.products.search({ q, sort: 'relevance', page: 1, pageSize: 24 });
      a.knex.off('query', onQuery);
      const main = seen.find((x) => x.sql.includes('websearch_to_tsquery'))!;
      // At ~10k rows a seq scan is legitimately cheaper; what must hold is that the emitted shape is
      // indexable (tsvector @@ and the trigram ILIKE). At 300k rows the planner picks it by itself.
      const plan = await a.knex.transaction(async (trx): Promise<{ rows: { 'QUERY PLAN': string }[] }> => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        return trx.raw(`EXPLAIN ${main.sql.replace(/\$\d+/g, '?')}`, main.bindings as Knex.RawBinding[]);
      });
      return { skus: hit.items.map((p) => p.sku), plan: plan.rows.map((r) => r['QUERY PLAN']).join('\n') };
    };
    const word = await planOf('zanzibarite');
    expect(word.skus).toEqual(['GEN-77']);
    expect(word.plan).toContain('Bitmap Index Scan on supplier_products_search_gin');
    const prefix = await planOf('zanzi');
    expect(prefix.skus).toEqual(['GEN-77']);
    expect(prefix.plan).toContain('Bitmap Index Scan on supplier_products_title_trgm');

    const wide = await a.repos.products.search({ supplierId: s.id, sort: 'price_asc', page: 2, pageSize: 10 });
    expect(wide.items).toHaveLength(10);
    expect(wide.totalIsEstimate).toBe(true);
    expect(wide.total).toBeGreaterThan(COUNT_CAP);
    const narrow = await a.repos.products.search({ supplierId: s.id, categorySlug: 'c1', q: 'lamp', sort: 'price_asc', page: 1, pageSize: 10 });
    expect(narrow.total).toBe(drafts.filter((_, i) => i % 8 === 0 && i % 5 === 1).length);
    expect(narrow.totalIsEstimate).toBeUndefined();
    const exact = await a.repos.products.search({ supplierId: s.id, q: 'lamp', sort: 'newest', page: 1, pageSize: 10 });
    expect(exact.total).toBe(Math.ceil((COUNT_CAP + 500) / 8));
    expect(exact.totalIsEstimate).toBeUndefined();
  });
});
