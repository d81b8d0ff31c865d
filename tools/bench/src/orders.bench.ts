/**
 * `npm run bench:orders`: order placement and dispatch on PostgreSQL + RabbitMQ, with the real api
 * and worker as separate processes (`apps/api/src/main.ts`, `apps/worker/src/main.ts`).
 *
 * 1. sustained `POST /api/orders` (reserve + split + outbox, Idempotency-Key) at N connections;
 * 2. order accepted → supplier request received at a local stub supplier (supplier-http), at a fixed
 *    rate (default 200 orders/s), p50/p99;
 * 3. pgbench tpcb-like on the same server in the same run, for the ratio.
 * Each run makes its own database and broker prefix and removes them. Loopback only, bounded in time.
 */
import autocannon from 'autocannon';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AMQP_TEST_URL, createTestDatabase, deleteBrokerPrefix, runId } from '@dropship/test-setup';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const duration = arg('duration', 20);
const connections = arg('connections', 50);
const rate = arg('rate', 200);
const skusPerSupplier = arg('skus', 1000);
const retailerCount = arg('retailers', 20);
const log = (s: string) => console.info(s);

/** A supplier API on loopback that records when each order (by our reference) arrived. */
async function stubSupplier() {
  const received = new Map<string, number>();
  const byKey = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/v1/orders') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { reference: string };
        if (!received.has(body.reference)) received.set(body.reference, performance.timeOrigin + performance.now());
        const key = String(req.headers['idempotency-key'] ?? body.reference);
        const id = byKey.get(key) ?? `S-${byKey.size + 1}`;
        byKey.set(key, id);
        return send(201, { id, reference: body.reference, status: 'CONFIRMED' });
      }
      const m = /^\/v1\/orders\/by-ref\/(.+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const ref = decodeURIComponent(m[1]!);
        return received.has(ref) ? send(200, { id: `S-${ref}`, reference: ref, status: 'CONFIRMED' }) : send(404, {});
      }
      send(404, {});
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { received, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

function startProcess(entry: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready in 120 s:\n${out.slice(-2000)}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  const db = await createTestDatabase('dropship_bench_orders');
  const prefix = runId('dsbench');
  const stub = await stubSupplier();
  const procs: ChildProcess[] = [];
  try {
    const env = {
      DATABASE_URL: db.url,
      AMQP_URL: AMQP_TEST_URL,
      DROPSHIP_AMQP_PREFIX: prefix,
      DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'),
      DROPSHIP_ADMIN_EMAIL: 'admin@bench.test',
      DROPSHIP_ADMIN_PASSWORD: 'bench-admin-password',
      DROPSHIP_DEMO: '0',
      DROPSHIP_RATE_LIMIT_AUTH: '0',
      DROPSHIP_ALLOW_PRIVATE_URLS: '1',
      DROPSHIP_LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    const api = await startProcess('apps/api/src/main.ts', env, /ready in [\d.]+ s\s+→\s+http:\/\/[\d.]+:\d+/);
    procs.push(api.child);
    const worker = await startProcess('apps/worker/src/main.ts', { ...env, DROPSHIP_LOG_LEVEL: 'info' }, /"msg":"worker ready"/);
    procs.push(worker.child);
    const base = /→\s+(http:\/\/[\d.]+:\d+)/.exec(api.output())![1]!;
    const call = async (method: string, p: string, token?: string, body?: unknown, raw?: string, headers: Record<string, string> = {}) => {
      const res = await fetch(base + p, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': raw ? 'text/csv' : 'application/json', ...headers },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const json = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (res.status >= 400) throw new Error(`${method} ${p} → ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };

    log(`setup: 2 suppliers × ${skusPerSupplier} SKUs, ${retailerCount} retailers listing all of them…`);
    const admin = (await call('POST', '/api/auth/login', undefined, { email: env.DROPSHIP_ADMIN_EMAIL, password: env.DROPSHIP_ADMIN_PASSWORD })).token as string;
    const supplier = async (name: string, integration: unknown) => {
      const token = (await call('POST', '/api/auth/register', undefined, { email: `${name}@bench.test`, password: 'bench supplier password', role: 'SUPPLIER', name })).token as string;
      const app = await call('POST', '/api/supplier/application', token, { companyName: name, businessType: 'WHOLESALER', contactEmail: `${name}@bench.test`, description: 'bench' });
      await call('PATCH', '/api/supplier/application', token, { verificationDocuments: [{ type: 'TAX_ID', reference: '1' }], shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 2 }], fulfillmentSpeed: '1 day', integration });
      await call('POST', '/api/supplier/application/submit', token);
      await call('POST', `/api/admin/suppliers/${app.supplier.id}/approve`, admin);
      const csv = ['sku,title,price,stock', ...Array.from({ length: skusPerSupplier }, (_, i) => `${name}-${i},Bench item ${i},4.50,10000000`)].join('\n');
      const job = await call('POST', '/api/supplier/products/import', token, undefined, csv);
      for (let i = 0; i < 600; i++) {
        const j = (await call('GET', `/api/jobs/${job.job.id}`, token)).job;
        if (j.status === 'COMPLETED') break;
        if (j.status === 'FAILED') throw new Error(`import failed: ${j.message}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const ids: string[] = [];
      for (let page = 1; ids.length < skusPerSupplier; page++) {
        const r = await call('GET', `/api/supplier/products?page=${page}&pageSize=200`, token);
        ids.push(...(r.products as { id: string }[]).map((p) => p.id));
        if ((r.products as unknown[]).length === 0) break;
      }
      return ids;
    };
    const remote = await supplier('remote', { adapter: 'supplier-http', options: { baseUrl: stub.baseUrl, auth: { type: 'bearer', token: 'bench' }, endpoints: { placeOrder: { path: '/orders' }, findOrder: { path: '/orders/by-ref/{reference}' } }, idempotencyHeader: 'Idempotency-Key' } });
    const portal = await supplier('portal', { adapter: 'supplier-portal', options: {} });
    const products = [...remote, ...portal];
    const retailers: string[] = [];
    for (let r = 0; r < retailerCount; r++) {
      const token = (await call('POST', '/api/auth/register', undefined, { email: `shop${r}@bench.test`, password: 'bench retailer password', role: 'RETAILER', name: `Shop ${r}` })).token as string;
      for (let i = 0; i < products.length; i += 500) await call('POST', '/api/products/import', token, { supplierProductIds: products.slice(i, i + 500) });
      retailers.push(token);
    }
    const address = { name: 'Ada Lovelace', address1: '12 Analytical Row', city: 'London', zip: 'N1 9GU', country: 'GB' };
    let n = 0;
    const orderRequest = (pool: string[]) => () => {
      const i = n++;
      const lines = 1 + (i % 3);
      const items = Array.from({ length: lines }, (_, k) => ({ supplierProductId: pool[(i * 7919 + k * 104_729) % pool.length]!, quantity: 1, retailPrice: '9.99' }));
      const unique = [...new Map(items.map((x) => [x.supplierProductId, x])).values()];
      return {
        method: 'POST' as const,
        path: '/api/orders',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${retailers[i % retailers.length]}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ storeOrderId: `B-${i}-${randomUUID().slice(0, 8)}`, items: unique, shippingAddress: address }),
      };
    };

    log(`\nphase 1: sustained POST /api/orders, ${connections} connections, ${duration} s…`);
    const next1 = orderRequest(products);
    const r1 = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: base, connections, duration, timeout: 20, requests: [{ setupRequest: (req) => ({ ...req, ...next1() }) }] }, (e, r) => (e ? reject(e) : resolve(r))),
    );
    const ok1 = r1['2xx'];

    log(`phase 2: order accepted → supplier request received, ${rate} orders/s for ${Math.min(duration, 15)} s (supplier-http orders only)…`);
    await new Promise((r) => setTimeout(r, 3000));
    const accepted = new Map<string, number>();
    const next2 = orderRequest(remote);
    const r2 = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: base,
          connections: 20,
          overallRate: rate,
          duration: Math.min(duration, 15),
          timeout: 20,
          requests: [
            {
              setupRequest: (req) => ({ ...req, ...next2() }),
              onResponse: (status, body) => {
                if (status !== 201) return;
                const t = performance.timeOrigin + performance.now();
                const parts = (JSON.parse(body) as { order: { supplierOrders: { id: string }[] } }).order.supplierOrders;
                for (const p of parts) accepted.set(p.id, t);
              },
            },
          ],
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );
    await new Promise((r) => setTimeout(r, 5000));
    const latencies = [...accepted].filter(([ref]) => stub.received.has(ref)).map(([ref, t]) => stub.received.get(ref)! - t);
    const missing = accepted.size - latencies.length;

    log('phase 3: pgbench tpcb-like, 8 clients, 15 s…');
    const pgdb = await createTestDatabase('dropship_bench_pgbench');
    let tps = NaN;
    try {
      await run('pgbench', ['-i', '-s', '10', '-q', pgdb.url], { timeout: 120_000 });
      const { stdout } = await run('pgbench', ['-c', '8', '-j', '2', '-T', '15', '-n', '-b', 'tpcb-like', pgdb.url], { timeout: 60_000 });
      tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    } finally {
      await pgdb.drop();
    }

    const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
    console.info(`
| measure | figure |
|---|---|
| sustained orders/s (201s ÷ ${duration} s, ${connections} connections) | ${fmt(ok1 / duration)} |
| POST /api/orders latency p50 / p99 (ms) | ${r1.latency.p50} / ${r1.latency.p99} |
| non-2xx / errors / timeouts in phase 1 | ${r1.non2xx} / ${r1.errors} / ${r1.timeouts} |
| phase 2 orders accepted at ${rate}/s target (achieved req/s) | ${accepted.size} (${fmt(r2.requests.average)}) |
| accepted → supplier received p50 / p99 / max (ms) | ${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))} / ${fmt(Math.max(...latencies))} |
| supplier orders not received within 5 s after the run | ${missing} |
| pgbench tpcb-like tps (8 clients) | ${fmt(tps)} |
| orders/s ÷ tpcb-like tps | ${fmt((ok1 / duration / tps) * 100)} % |
`);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await stub.stop();
    await db.drop().catch(() => undefined);
    await deleteBrokerPrefix(prefix).catch(() => undefined);
  }
}

await main();
