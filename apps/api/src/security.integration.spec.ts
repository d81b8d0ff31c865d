import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Operation } from '@dropship/api-contract';
import { activeSupplier, ADMIN, login, signUp, startTestServer, type TestServer } from './test-support/harness';

/**
 * Who may call what (SEC-1). Written out by hand on purpose: a new route without an entry here,
 * or a route whose declared roles drift from this table, fails the test.
 */
const MATRIX: Record<string, 'public' | 'authenticated' | string[]> = {
  register: 'public', login: 'public', logout: 'authenticated', me: 'authenticated',
  listApiKeys: 'authenticated', createApiKey: 'authenticated', revokeApiKey: 'authenticated',
  startApplication: ['SUPPLIER'], getApplication: ['SUPPLIER'], updateApplication: ['SUPPLIER'], submitApplication: ['SUPPLIER'],
  adminListSuppliers: ['ADMIN', 'SUPPORT'], adminGetSupplier: ['ADMIN', 'SUPPORT'], approveSupplier: ['ADMIN'], rejectSupplier: ['ADMIN'],
  suspendSupplier: ['ADMIN'], reinstateSupplier: ['ADMIN'], adminListUsers: ['ADMIN'], adminCreateUser: ['ADMIN'], adminAudit: ['ADMIN', 'SUPPORT'],
  listSuppliers: 'public', getSupplier: 'public', listSupplierProducts: 'public', searchProducts: 'public', getProduct: 'public', listCategories: 'public',
  listOwnProducts: ['SUPPLIER'], createProduct: ['SUPPLIER'], getOwnProduct: ['SUPPLIER'], updateProduct: ['SUPPLIER'], setInventory: ['SUPPLIER'],
  bulkInventory: ['SUPPLIER'], importProducts: ['SUPPLIER'], getJob: 'authenticated',
  importListings: ['RETAILER'], listRetailerProducts: ['RETAILER'], placeOrder: ['RETAILER'], listOrders: ['RETAILER', 'ADMIN', 'SUPPORT'],
  getOrder: ['RETAILER', 'ADMIN', 'SUPPORT', 'SUPPLIER'], cancelOrder: ['RETAILER'], listSupplierOrders: ['SUPPLIER'],
  getOrderStatus: ['RETAILER', 'ADMIN', 'SUPPORT', 'SUPPLIER'], listOrderEvents: ['RETAILER', 'ADMIN', 'SUPPORT'],
  acceptSupplierOrder: ['SUPPLIER'], shipSupplierOrder: ['SUPPLIER'], deliverSupplierOrder: ['SUPPLIER'],
  adminListDeadLetters: ['ADMIN'], adminRetryDeadLetter: ['ADMIN'],
  listNotifications: 'authenticated', markNotificationRead: 'authenticated',
};
const ROLES = ['ADMIN', 'SUPPORT', 'SUPPLIER', 'RETAILER'] as const;
const UUID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const pathOf = (o: Operation, fill = UUID) => o.path.replace(/:[A-Za-z]+/g, fill);

describe('authorization matrix and hostile input (embedded)', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer('embedded');
    tokens.ADMIN = await login(s, ADMIN.email, ADMIN.password);
    const support = await s.call('POST', '/api/admin/users', { token: tokens.ADMIN, body: { email: 'agent@test.local', name: 'Agent', role: 'SUPPORT' } });
    tokens.SUPPORT = await login(s, 'agent@test.local', support.body.temporaryPassword);
    tokens.SUPPLIER = (await activeSupplier(s, tokens.ADMIN)).token;
    tokens.RETAILER = (await signUp(s, 'RETAILER')).token;
  }, 120_000);
  afterAll(async () => s?.stop());

  it('has a matrix entry for every route, equal to what the route declares', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(operations.map((o) => o.id).sort());
    for (const o of operations) expect(Array.isArray(o.auth) ? [...o.auth] : o.auth, o.id).toEqual(MATRIX[o.id]);
  });

  it('answers 401 without credentials and 403 to every role outside the matrix, on every route', async () => {
    for (const o of operations) {
      const path = pathOf(o);
      if (MATRIX[o.id] !== 'public') {
        const anon = await s.call(o.method, path, { body: o.method === 'GET' ? undefined : {} });
        expect(anon.status, `${o.id} anonymous`).toBe(401);
        expect(anon.headers.get('www-authenticate')).toBe('Bearer');
        const forged = await s.call(o.method, path, { token: 'dss_forgedforgedforgedforgedforgedforgedforge', body: o.method === 'GET' ? undefined : {} });
        expect(forged.status, `${o.id} forged token`).toBe(401);
      }
      const allowed = MATRIX[o.id]!;
      for (const role of ROLES) {
        if (o.id === 'logout') continue;
        const r = await s.call(o.method, path, { token: tokens[role], body: o.method === 'GET' ? undefined : {} });
        const permitted = allowed === 'public' || allowed === 'authenticated' || allowed.includes(role);
        if (permitted) expect([401, 403], `${o.id} as ${role}: ${r.text}`).not.toContain(r.status);
        else {
          expect(r.status, `${o.id} as ${role}`).toBe(403);
          expect(r.body.code).toBe('AUTH.FORBIDDEN');
        }
      }
    }
  }, 120_000);

  it('never answers 5xx to malformed bodies, queries and path parameters (FUZZ, seeded)', async () => {
    const seed = Number(process.env.SEED ?? Date.now() % 100_000);
    console.info(`fuzz seed ${seed} (reproduce with SEED=${seed})`);
    const rawBodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\u0000"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '9'.repeat(400), '[' .repeat(5000)),
    );
    const queries = fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'minPrice', 'maxPrice', 'inStock', 'sort', 'category', 'status', 'x', 'supplierId'), fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('-1', '1e309', 'NaN', 'true', '0x10', '99999999999')), { maxKeys: 4 });
    const segments = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('..', '%00', 'null', "' OR 1=1 --", 'a'.repeat(300)));
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), rawBodies, queries, segments, fc.constantFrom(...ROLES), async (o, raw, query, segment, role) => {
        if (o.id === 'logout') return true;
        const qs = new URLSearchParams(query).toString();
        const path = pathOf(o, encodeURIComponent(segment)) + (qs ? `?${qs}` : '');
        const r = await s.call(o.method, path, { token: tokens[role], raw: o.method === 'GET' ? undefined : raw, headers: { 'content-type': 'application/json' } });
        requests++;
        if (r.status >= 500) throw new Error(`${o.method} ${path} body=${raw.slice(0, 200)} → ${r.status} ${r.text}`);
        if (r.status >= 400) expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
        return true;
      }),
      { seed, numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    expect(requests).toBeGreaterThan(0);
    expect((await s.call('GET', '/health')).status).toBe(200);
  }, 300_000);

  it('enforces the body limit, the page size cap and clean errors for wrong media types (SEC-9)', async () => {
    const big = await s.call('POST', '/api/auth/login', { raw: JSON.stringify({ email: 'a'.repeat(2 * 1024 * 1024), password: 'x' }), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('REQUEST.TOO_LARGE');
    const page = await s.call('GET', '/api/products?pageSize=500');
    expect(page.status).toBe(400);
    expect(page.body.errors[0].path).toBe('query/pageSize');
    const xml = await s.call('POST', '/api/auth/login', { raw: '<login/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    const malformed = await s.call('POST', '/api/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(malformed.body.requestId).toBeTruthy();
  });

  it('ignores or refuses mass assignment of tenant, role and status fields (SEC-4)', async () => {
    const reg = await s.call('POST', '/api/auth/register', { body: { email: 'sneaky@test.local', password: 'correct horse battery', role: 'ADMIN', name: 'x' } });
    expect(reg.status).toBe(400);
    const extra = await s.call('POST', '/api/auth/register', { body: { email: 'sneaky@test.local', password: 'correct horse battery', role: 'RETAILER', name: 'x', supplierId: UUID } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0]).toMatchObject({ path: '/supplierId', message: 'is not an allowed field' });
    const supplier = await activeSupplier(s, tokens.ADMIN!);
    const p = await s.call('POST', '/api/supplier/products', { token: supplier.token, body: { sku: 'SEC-4', title: 'T', wholesalePrice: '1.00', supplierId: UUID } });
    expect(p.status).toBe(400);
    const status = await s.call('PATCH', '/api/supplier/application', { token: supplier.token, body: { status: 'ACTIVE' } });
    expect(status.status).toBe(400);
  });

  it('rate-limits the auth routes per address with Retry-After', async () => {
    const limited = await startTestServer('embedded', { rateLimitAuthPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.call('POST', '/api/auth/login', { body: { email: 'x@test.local', password: 'wrong-password' } })).status);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const r = await limited.call('POST', '/api/auth/login', { body: { email: 'x@test.local', password: 'wrong-password' } });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.call('GET', '/api/products')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('shows API keys once, stores them hashed, authenticates with them and revokes them', async () => {
    const { token, userId } = await signUp(s, 'RETAILER');
    const created = await s.call('POST', '/api/api-keys', { token, body: { name: 'store sync' } });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toMatch(/^dsk_/);
    const rows = await s.platform.persistence.repos.credentials.listApiKeys(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created.body.apiKey);
    expect((await s.call('GET', '/api/me', { token: created.body.apiKey })).status).toBe(200);
    const list = await s.call('GET', '/api/api-keys', { token });
    expect(JSON.stringify(list.body)).not.toContain(created.body.apiKey);
    expect(list.body.apiKeys[0]).toMatchObject({ prefix: created.body.prefix, name: 'store sync' });
    const otherTenant = await signUp(s, 'RETAILER');
    expect((await s.call('DELETE', `/api/api-keys/${created.body.id}`, { token: otherTenant.token })).status).toBe(404);
    expect((await s.call('DELETE', `/api/api-keys/${created.body.id}`, { token })).status).toBe(204);
    expect((await s.call('GET', '/api/me', { token: created.body.apiKey })).status).toBe(401);
  });
});
