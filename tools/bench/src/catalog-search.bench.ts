/**
 * Catalog search benchmark: `npm run bench:catalog [-- flags]`.
 *
 *   --products N      products to load (default 2,000,000)
 *   --suppliers N     ACTIVE suppliers they are spread over (default 2,000)
 *   --fresh           drop and rebuild the benchmark database even if it holds the dataset
 *   --duration S      seconds per measured run (default 25; each run has a 3 s warm-up first)
 *   --connections N   concurrent HTTP connections (default 50)
 *   --pool N          the api's PostgreSQL pool size (default 8)
 *   --cache-ms N      the api's search cache TTL for the cached run (DROPSHIP_SEARCH_CACHE_MS; default: the api's 1 s)
 *   --distinct N      draw requests uniformly from only N distinct URLs of the mix (measures the cache-hit path)
 *   --skip-raw        skip the second run with the response cache disabled
 *   --cpu-prof        write V8 CPU profiles of the api process to ./.bench-profiles
 *
 * Database: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/dropship_bench).
 * The api runs in a child process (its own event loop); autocannon runs in this one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import autocannon from 'autocannon';
import { loadCatalog } from './load-catalog';
import { createQueryMix } from './query-mix';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
function num(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
}

const products = num('products', 2_000_000);
const suppliers = num('suppliers', 2_000);
const duration = num('duration', 25);
const connections = num('connections', 50);
const pool = num('pool', 8);
const distinct = args.includes('--distinct') ? num('distinct', 100) : null;
const cacheMs = args.includes('--cache-ms') ? num('cache-ms', 1_000) : null;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dropship_bench';
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (s: string) => console.info(s);

interface RunResult {
  readonly name: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly hitRatio: number | null;
}

function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const execArgv = ['--import', 'tsx', '--max-semi-space-size=32'];
  if (flag('cpu-prof')) execArgv.push('--cpu-prof', `--cpu-prof-dir=${path.resolve('.bench-profiles')}`);
  const child = fork(path.join(here, 'api-child.ts'), [], {
    execArgv,
    env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_POOL_MAX: String(pool), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the api did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`the api exited with ${code} before it was ready`)));
    child.on('message', (m: { type: string; url?: string }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({ child, url: m.url! });
      }
    });
  });
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${type}`)), 10_000);
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send({ type });
  });
}

async function stopApi(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 15_000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.send({ type: 'stop' });
  });
}

function cannon(base: string, seconds: number, seed: number): Promise<autocannon.Result> {
  const mix = createQueryMix(seed);
  const fixed = distinct === null ? null : Array.from({ length: distinct }, () => mix.next());
  let i = 0;
  const next = fixed ? () => fixed[((i = (Math.imul(i, 1_103_515_245) + 12_345) >>> 0) >>> 8) % fixed.length]! : () => mix.next();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    void instance;
  });
}

async function measure(name: string, env: Record<string, string>, seed: number): Promise<RunResult> {
  const { child, url: base } = await startApi(env);
  try {
    // Sanity: a handful of requests from the mix answer 200 with products.
    const probe = createQueryMix(seed + 1);
    for (let i = 0; i < 5; i++) {
      const p = probe.next();
      const r = await fetch(base + p);
      const body = (await r.json()) as { products?: unknown[]; total?: number };
      if (r.status !== 200 || !Array.isArray(body.products)) throw new Error(`GET ${p} → ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    log(`\n${name}: warm-up 3 s, then ${duration} s at ${connections} connections…`);
    await cannon(base, 3, seed + 2);
    await ask(child, 'reset');
    const r = await cannon(base, duration, seed);
    const s = await ask<{ hits: number; misses: number }>(child, 'stats');
    const lookups = s.hits + s.misses;
    return {
      name,
      requests: r.requests.total,
      rps: r.requests.total / (r.duration || duration),
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      hitRatio: lookups ? s.hits / lookups : null,
    };
  } finally {
    await stopApi(child);
  }
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  return [line(rows[0]!), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const overall = setTimeout(() => {
  console.error('benchmark exceeded its 30-minute bound');
  process.exit(2);
}, 30 * 60_000);
overall.unref();

log(`catalog search benchmark · ${os.cpus().length} cores · node ${process.version} · ${url.replace(/\/\/[^@]*@/, '//')}`);
const load = await loadCatalog({ url, products, suppliers, fresh: flag('fresh'), log });
if (!load.reused) {
  log(`loaded ${fmt(load.products)} products in ${(load.loadMs / 1000).toFixed(1)} s (${fmt(load.products / (load.loadMs / 1000))} rows/s overall; ` +
    `COPY ${(load.copyMs / 1000).toFixed(1)} s = ${fmt(load.products / (load.copyMs / 1000))} rows/s, indexes ${(load.indexMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(load.vacuumMs / 1000).toFixed(1)} s)`);
}
log(`supplier_products: heap ${fmt(load.heapMb)} MB, indexes ${fmt(load.indexMb)} MB`);

const results: RunResult[] = [];
results.push(
  cacheMs === null ? await measure('cached (default 1 s TTL)', {}, 42) : await measure(`cached (${cacheMs} ms TTL)`, { DROPSHIP_SEARCH_CACHE_MS: String(cacheMs) }, 42),
);
if (!flag('skip-raw')) results.push(await measure('cache off (DROPSHIP_SEARCH_CACHE_MS=0)', { DROPSHIP_SEARCH_CACHE_MS: '0' }, 42));

log(`\nGET /api/products, ${connections} connections, ${duration} s, ${fmt(products)} products, api pool ${pool}${distinct === null ? '' : `, ${distinct} distinct URLs`}:\n`);
log(
  table([
    ['run', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'cache hits'],
    ...results.map((r) => [
      r.name,
      fmt(r.requests),
      fmt(r.rps),
      String(r.p50),
      String(r.p90),
      String(r.p99),
      String(r.max),
      fmt(r.non2xx),
      fmt(r.errors),
      r.hitRatio === null ? '–' : `${(r.hitRatio * 100).toFixed(1)} %`,
    ]),
  ]),
);
const target = results[0]!;
log(`\ntarget ≥ 5,000 req/s and p99 ≤ 50 ms: ${target.rps >= 5000 && target.p99 <= 50 ? 'met' : 'not met'} (cached run)`);
process.exit(0);
