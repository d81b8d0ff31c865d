/**
 * The real api for the catalog benchmark, in its own process (its own event loop and core):
 * composePlatform + httpComponent on PostgreSQL, the in-process queue, no worker, no relay.
 * Reports `{ type: 'ready', url }` over IPC, answers `{ type: 'stats' }` with the search cache's
 * hit/miss counters, and stops on `{ type: 'stop' }`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composePlatform } from '@dropship/platform';
import { httpComponent } from '@dropship/api';

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error('api-child runs as a child of catalog-search.bench.ts');
const poolMax = Number(process.env.BENCH_POOL_MAX ?? 8);
const dataDir = mkdtempSync(path.join(tmpdir(), 'dropship-bench-'));

const platform = await composePlatform({
  env: {
    DATABASE_URL: url,
    DROPSHIP_DATA_DIR: dataDir,
    DROPSHIP_ADMIN_EMAIL: 'admin@bench.test',
    DROPSHIP_ADMIN_PASSWORD: 'bench-admin-password',
    DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'),
    DROPSHIP_DEMO: '0',
    // 'fatal': requests autocannon abandons at the end of a run fail noisily when the pool closes.
    DROPSHIP_LOG_LEVEL: process.env.DROPSHIP_LOG_LEVEL ?? 'fatal',
  },
  config: {
    adapters: [
      { id: 'db', use: '@dropship/adapter-postgres', options: { url, poolMax } },
      { id: 'bus', use: '@dropship/adapter-queue-memory', options: {} },
      { id: 'supplier-portal', use: '@dropship/adapter-supplier-portal', options: {} },
    ],
    demo: false,
    embedded: false,
    rateLimitAuthPerMinute: 0,
  },
});
const http = httpComponent(platform, { port: 0, host: '127.0.0.1' });
platform.lifecycle.add(http);
await platform.lifecycle.start();

const search = http.api.deps.caches.search;
let base = { hits: 0, misses: 0 };
process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') {
    process.send!({ type: 'stats', hits: search.hits - base.hits, misses: search.misses - base.misses });
  } else if (m.type === 'reset') {
    base = { hits: search.hits, misses: search.misses };
    process.send!({ type: 'reset' });
  } else if (m.type === 'stop') {
    // Let queries of requests autocannon abandoned at the end finish before the pool closes.
    const pool = (platform.persistence as unknown as { knex?: { client?: { pool?: { numPendingAcquires(): number; numUsed(): number } } } }).knex?.client?.pool;
    const drained = async () => {
      for (let i = 0; i < 100 && pool && pool.numPendingAcquires() + pool.numUsed() > 0; i++) await new Promise((r) => setTimeout(r, 100));
    };
    void drained()
      .then(() => platform.lifecycle.stop())
      .finally(() => rmSync(dataDir, { recursive: true, force: true }))
      .finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready', url: http.url() });
