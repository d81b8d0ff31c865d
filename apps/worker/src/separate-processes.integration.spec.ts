import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AMQP_TEST_URL, createTestDatabase, deleteBrokerPrefix, PG_ADMIN_URL, requireServer, runId } from '@dropship/test-setup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const servers = (await requireServer('PostgreSQL', PG_ADMIN_URL)) && (await requireServer('RabbitMQ', AMQP_TEST_URL));

/** Starts `entry` with tsx and resolves when its output matches `ready`. */
function start(entry: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready in 90 s:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${entry} exited with ${code} before ready:\n${out}`)));
  });
}

describe.skipIf(!servers)('api and worker as separate processes on PostgreSQL + RabbitMQ', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('start together on an empty database, hand an import from the api to the worker, and stop cleanly on SIGTERM', async () => {
    const db = await createTestDatabase('dropship_procs');
    cleanups.push(db.drop);
    const prefix = runId('dsproc');
    cleanups.push(() => deleteBrokerPrefix(prefix));
    const env = {
      DATABASE_URL: db.url,
      AMQP_URL: AMQP_TEST_URL,
      DROPSHIP_AMQP_PREFIX: prefix,
      DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'),
      DROPSHIP_ADMIN_EMAIL: 'root@procs.test',
      DROPSHIP_ADMIN_PASSWORD: 'a long admin password',
      DROPSHIP_DEMO: '0',
      DROPSHIP_LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    const [api, worker] = await Promise.all([
      start('apps/api/src/main.ts', env, /ready in [\d.]+ s\s+→\s+http:\/\/[\d.]+:\d+/),
      start('apps/worker/src/main.ts', env, /"msg":"worker ready"/),
    ]);
    cleanups.push(async () => api.child.kill('SIGKILL'), async () => worker.child.kill('SIGKILL'));
    const url = /→\s+(http:\/\/[\d.]+:\d+)/.exec(api.output())![1]!;
    const call = async (method: string, p: string, token?: string, body?: unknown, raw?: string) => {
      const res = await fetch(url + p, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': raw ? 'text/csv' : 'application/json' },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const admin = (await call('POST', '/api/auth/login', undefined, { email: env.DROPSHIP_ADMIN_EMAIL, password: env.DROPSHIP_ADMIN_PASSWORD })).body.token as string;
    const supplier = (await call('POST', '/api/auth/register', undefined, { email: 'procs@supplier.test', password: 'correct horse battery', role: 'SUPPLIER', name: 'P' })).body.token as string;
    const app = await call('POST', '/api/supplier/application', supplier, { companyName: 'Procs Ltd', businessType: 'WHOLESALER', contactEmail: 'p@procs.test', description: 'x' });
    await call('PATCH', '/api/supplier/application', supplier, { verificationDocuments: [{ type: 'TAX_ID', reference: '1' }], shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 2 }], fulfillmentSpeed: '1 day', integration: { adapter: 'supplier-portal' } });
    await call('POST', '/api/supplier/application/submit', supplier);
    expect((await call('POST', `/api/admin/suppliers/${app.body.supplier.id}/approve`, admin)).status).toBe(200);
    const csv = ['sku,title,price,stock', ...Array.from({ length: 500 }, (_, i) => `P-${i},Procs item ${i},2.50,${i}`)].join('\n');
    const job = await call('POST', '/api/supplier/products/import', supplier, undefined, csv);
    expect(job.status).toBe(202);
    let status = job.body.job;
    for (let i = 0; i < 300 && !['COMPLETED', 'FAILED'].includes(status.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await call('GET', `/api/jobs/${job.body.job.id}`, supplier)).body.job;
    }
    expect(status).toMatchObject({ status: 'COMPLETED', created: 500 });
    // the job row commits before the worker's log line reaches our pipe: give the line a moment
    for (let i = 0; i < 50 && !worker.output().includes('catalog import finished'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(worker.output()).toContain('catalog import finished');
    expect(api.output()).not.toContain('catalog import started');

    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  }, 180_000);
});
