/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by the tests that read them */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composePlatform, ensureStartupData, ScryptPasswordHasher, type AdapterConfig, type Platform } from '@dropship/platform';
import { AMQP_TEST_URL, createTestDatabase, runId } from '@dropship/test-setup';
import { workerComponent } from '@dropship/worker';
import { httpComponent } from '../server';

export type Backend = 'embedded' | 'postgres+rabbitmq';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };

export interface TestServer {
  readonly url: string;
  readonly platform: Platform;
  readonly backend: Backend;
  call(method: string, path: string, opts?: { token?: string | null; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  stop(): Promise<void>;
}

/**
 * Starts the real platform (api + worker in one process) on an ephemeral port: embedded (PGlite in
 * memory + in-process queue) or on this run's own PostgreSQL database and RabbitMQ prefix.
 */
export async function startTestServer(backend: Backend, overrides: { rateLimitAuthPerMinute?: number; env?: Record<string, string>; siteDir?: string } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dropship-api-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  let adapters: AdapterConfig[];
  if (backend === 'embedded') {
    adapters = [
      { id: 'db', use: '@dropship/adapter-postgres', options: { memory: true } },
      { id: 'bus', use: '@dropship/adapter-queue-memory', options: {} },
    ];
  } else {
    const db = await createTestDatabase('dropship_api');
    cleanups.push(db.drop);
    adapters = [
      { id: 'db', use: '@dropship/adapter-postgres', options: { url: db.url, poolMax: 4 } },
      { id: 'bus', use: '@dropship/adapter-rabbitmq', options: { url: AMQP_TEST_URL, prefix: runId('dsapi') } },
    ];
  }
  adapters.push({ id: 'supplier-portal', use: '@dropship/adapter-supplier-portal', options: {} });
  // What loadConfig does for SMTP_URL/MAIL_FROM (the adapter list above replaces the configured one).
  if (overrides.env?.SMTP_URL) adapters.push({ id: 'mail', use: '@dropship/adapter-notifier-smtp', options: { url: 'env:SMTP_URL', from: overrides.env.MAIL_FROM || 'Dropship <no-reply@localhost>' } });
  const env = {
    DROPSHIP_DATA_DIR: dataDir,
    DROPSHIP_ADMIN_EMAIL: ADMIN.email,
    DROPSHIP_ADMIN_PASSWORD: ADMIN.password,
    DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'),
    DROPSHIP_DEMO: '0',
    DROPSHIP_LOG_LEVEL: process.env.DROPSHIP_LOG_LEVEL ?? 'silent',
    ...overrides.env,
  };
  const platform = await composePlatform({
    env,
    config: { adapters, rateLimitAuthPerMinute: overrides.rateLimitAuthPerMinute ?? 0, demo: false, embedded: backend === 'embedded' },
    passwordHasher: new ScryptPasswordHasher({ N: 2 ** 12 }),
  });
  platform.lifecycle.add({ name: 'startup-data', start: async () => void (await ensureStartupData(platform)) });
  platform.lifecycle.add({ name: 'outbox-relay', start: async () => platform.relay.start(), stop: () => platform.relay.stop() });
  platform.lifecycle.add(workerComponent(platform));
  const http = httpComponent(platform, { port: 0, host: '127.0.0.1', siteDir: overrides.siteDir });
  platform.lifecycle.add(http);
  await platform.lifecycle.start();
  const url = http.url();

  return {
    url,
    platform,
    backend,
    async call(method, p, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Uint8Array | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + p, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async stop() {
      const bus = platform.bus as { deleteTopology?: () => Promise<void> };
      await bus.deleteTopology?.().catch(() => undefined);
      await platform.lifecycle.stop();
      for (const c of cleanups.reverse()) await c().catch(() => undefined);
    },
  };
}

/** Registers an account and returns its token. */
export async function signUp(s: TestServer, role: 'SUPPLIER' | 'RETAILER', name = role.toLowerCase()): Promise<{ token: string; email: string; userId: string }> {
  const email = `${name}-${randomBytes(4).toString('hex')}@test.local`;
  const r = await s.call('POST', '/api/auth/register', { body: { email, password: 'correct horse battery', role, name } });
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.text}`);
  return { token: r.body.token, email, userId: r.body.user.id };
}

export async function login(s: TestServer, email: string, password: string): Promise<string> {
  const r = await s.call('POST', '/api/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
  return r.body.token;
}

/** A supplier taken through every onboarding step and approved by the admin. */
export async function activeSupplier(
  s: TestServer,
  adminToken: string,
  companyName = `Acme ${randomBytes(3).toString('hex')}`,
  integration: { adapter: string; options: Record<string, unknown> } = { adapter: 'supplier-portal', options: {} },
): Promise<{ token: string; supplierId: string }> {
  const { token } = await signUp(s, 'SUPPLIER');
  const created = await s.call('POST', '/api/supplier/application', { token, body: { companyName, businessType: 'MANUFACTURER', contactEmail: 'ops@acme.test', description: 'We make cables.' } });
  if (created.status !== 201) throw new Error(`application failed: ${created.text}`);
  const patched = await s.call('PATCH', '/api/supplier/application', {
    token,
    body: {
      verificationDocuments: [{ type: 'BUSINESS_REGISTRATION', reference: 'HRB 123' }],
      shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 4 }],
      fulfillmentSpeed: '1-2 days',
      integration,
    },
  });
  if (patched.status !== 200) throw new Error(`patch failed: ${patched.text}`);
  await s.call('POST', '/api/supplier/application/submit', { token });
  const approved = await s.call('POST', `/api/admin/suppliers/${created.body.supplier.id}/approve`, { token: adminToken });
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.text}`);
  return { token, supplierId: created.body.supplier.id };
}

/** Polls a job until it is finished, recording every distinct progress figure seen. */
export async function waitForJob(s: TestServer, token: string, jobId: string, timeoutMs = 120_000): Promise<{ job: any; seen: number[] }> {
  const seen: number[] = [];
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const r = await s.call('GET', `/api/jobs/${jobId}`, { token });
    if (r.status !== 200) throw new Error(`job poll failed: ${r.status} ${r.text}`);
    if (seen[seen.length - 1] !== r.body.job.processed) seen.push(r.body.job.processed);
    if (r.body.job.status === 'COMPLETED' || r.body.job.status === 'FAILED') return { job: r.body.job, seen };
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`job ${jobId} did not finish in ${timeoutMs} ms`);
}
