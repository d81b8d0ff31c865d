import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, money, uuidv7, type Supplier } from '@dropship/core';
import { anOrder, aProduct, aSupplier, aUser, givenRetailer, givenSupplier } from '@dropship/adapter-testkit';
import { createSecretBox } from '@dropship/platform';
import manifest, { createPostgresPersistence, type PostgresPersistence } from './index';
import { mapDbError } from './pg-errors';
import { MIGRATION_NAMES } from './migrations/migration-source';

const secrets = createSecretBox({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });
const ctx = { id: 'db', dataDir: '/nonexistent', secrets };

describe('manifest', () => {
  it('declares the persistence port with url as a secret option', () => {
    expect(manifest).toMatchObject({ name: '@dropship/adapter-postgres', apiVersion: 1, provides: ['persistence'], secretOptions: ['url'] });
    expect((manifest.optionsSchema as { properties: object }).properties).toHaveProperty('statementTimeoutMs');
  });

  it('refuses to start without a SecretBox', () => {
    expect(() => createPostgresPersistence({ memory: true }, { dataDir: '/tmp' })).toThrow(/ctx\.secrets/);
  });
});

describe('mapDbError', () => {
  it('turns unique and check violations into DomainErrors and hides other driver errors', () => {
    const driver = (code: string, constraint?: string) => Object.assign(new Error('duplicate key value violates unique constraint "x" SELECT secret'), { code, constraint, severity: 'ERROR' });
    expect(mapDbError(driver('23505', 'users_email_lower_uq'))).toMatchObject({ name: 'DomainError', code: 'ACCOUNTS.EMAIL_TAKEN', kind: 'conflict' });
    expect(mapDbError(driver('23505', 'supplier_products_supplier_sku_uq'))).toMatchObject({ code: 'CATALOG.DUPLICATE_SKU' });
    expect(mapDbError(driver('23514', 'supplier_products_inventory_quantity_check'))).toMatchObject({ code: 'PERSISTENCE.CONSTRAINT_VIOLATED' });
    const timeout = mapDbError(driver('57014')) as Error & { code: string; retryable: boolean };
    expect(timeout).toMatchObject({ name: 'AdapterError', code: 'ADAPTER.TIMEOUT', retryable: true });
    expect(timeout.message).not.toMatch(/SELECT|secret/);
  });
});

describe('pglite persistence', () => {
  let db: PostgresPersistence;
  beforeAll(async () => {
    db = createPostgresPersistence({ memory: true }, ctx);
    await db.migrate();
  });
  afterAll(() => db.dispose());

  it('migrates idempotently', async () => {
    await db.migrate();
    await db.migrate();
    const rows = await db.knex('knex_migrations').select('name');
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    expect(db.engine).toBe('pglite');
  });

  it('keeps a transaction usable after a unique clash the caller handled', async () => {
    const user = aUser();
    await db.repos.users.create(user);
    const other = aUser();
    await db.uow.run(async (repos) => {
      const clash = await repos.users.create({ ...aUser(), email: user.email.toUpperCase() }).catch((e: unknown) => e);
      expect(isDomainError(clash) && clash.code).toBe('ACCOUNTS.EMAIL_TAKEN');
      await repos.users.create(other);
    });
    expect(await db.repos.users.findById(other.id)).toEqual(other);
  });

  it('maps a CHECK violation to a DomainError without SQL in it', async () => {
    const s = await givenSupplier(db.repos);
    const p = await db.repos.products.create(aProduct(s.id));
    const e = await db.repos.products.setInventory(s.id, p.id, -1, new Date()).catch((x: unknown) => x as Error);
    expect(e).toMatchObject({ name: 'DomainError', code: 'PERSISTENCE.CONSTRAINT_VIOLATED' });
    expect((e as Error).message).not.toMatch(/supplier_products|UPDATE/);
  });

  it('stores the supplier integration sealed and bound to its row', async () => {
    const owner = await db.repos.users.create(aUser());
    const integration = { adapter: 'supplier-http', options: { baseUrl: 'https://api.example.test', apiKey: 'sk_live_canary_123' } };
    const s = await db.repos.suppliers.create(aSupplier({ ownerUserId: owner.id, integration }));
    expect((await db.repos.suppliers.findById(s.id))?.integration).toEqual(integration);
    const raw = await db.knex('suppliers').where({ id: s.id }).first('integration_sealed');
    expect(raw.integration_sealed).not.toContain('sk_live_canary_123');
    const victim = await givenSupplier(db.repos);
    await db.knex('suppliers').where({ id: victim.id }).update({ integration_sealed: raw.integration_sealed });
    await expect(db.repos.suppliers.findById(victim.id)).rejects.toThrow();
  });

  it('stores shipping addresses sealed and bound to their order', async () => {
    const retailerId = await givenRetailer(db.repos);
    const s = await givenSupplier(db.repos, { status: 'ACTIVE' });
    const p = await db.repos.products.create(aProduct(s.id));
    const address = { name: 'Canary Person', address1: '42 Canary Wharf Road', city: 'London', zip: 'E14 5AB', country: 'GB', email: 'canary@example.test' };
    const order = await db.repos.orders.create(anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 1 }] }], { shippingAddress: address }));
    expect((await db.repos.orders.findById(order.id))?.shippingAddress).toEqual(address);
    const raw = await db.knex('orders').where({ id: order.id }).first('shipping_address_sealed');
    expect(raw.shipping_address_sealed).not.toMatch(/Canary|canary@/);
    const victim = await db.repos.orders.create(anOrder(retailerId, [{ supplierId: s.id, lines: [{ product: p, quantity: 1 }] }]));
    await db.knex('orders').where({ id: victim.id }).update({ shipping_address_sealed: raw.shipping_address_sealed });
    await expect(db.repos.orders.findById(victim.id)).rejects.toThrow();
  });

  it('keeps products listed only while their supplier is ACTIVE', async () => {
    const s: Supplier = await givenSupplier(db.repos, { status: 'PENDING' });
    const p = await db.repos.products.create(aProduct(s.id, { wholesalePrice: money(777, 'USD') }));
    const publicIds = async () =>
      (await db.repos.products.search({ supplierId: s.id, supplierStatus: 'ACTIVE', sort: 'newest', page: 1, pageSize: 10 })).items.map((x) => x.id);
    expect(await publicIds()).toEqual([]);
    const active = await db.repos.suppliers.update({ ...s, status: 'ACTIVE' }, s.version);
    expect(await publicIds()).toEqual([p.id]);
    const fresh = await db.repos.products.create(aProduct(s.id));
    expect((await publicIds()).sort()).toEqual([p.id, fresh.id].sort());
    await db.repos.suppliers.update({ ...active!, status: 'SUSPENDED' }, active!.version);
    expect(await publicIds()).toEqual([]);
    expect(await db.repos.suppliers.update({ ...active!, status: 'ACTIVE' }, active!.version)).toBeNull();
    expect(await publicIds()).toEqual([]);
  });

  it('finds a product by a word prefix of its title (trigram)', async () => {
    const s = await givenSupplier(db.repos);
    const p = await db.repos.products.create(aProduct(s.id, { title: 'Cobalt Bluetooth Speaker' }));
    const r = await db.repos.products.search({ supplierId: s.id, q: 'bluet', sort: 'relevance', page: 1, pageSize: 10 });
    expect(r.items.map((x) => x.id)).toEqual([p.id]);
    expect((await db.repos.products.search({ supplierId: s.id, q: 'luetooth', sort: 'relevance', page: 1, pageSize: 10 })).items).toEqual([]);
  });

  it('returns unknown ids as null rather than a driver error', async () => {
    expect(await db.repos.products.findById('not-a-uuid')).toBeNull();
    expect(await db.repos.jobs.findById(uuidv7())).toBeNull();
  });
});
