import { describe, expect, it } from 'vitest';
import { uuidv7, type StoredCredential } from '@dropship/core';
import { aUser, at, domainErrorOf, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

const aCredential = (userId: string, overrides: Partial<StoredCredential> = {}): StoredCredential => ({
  id: uuidv7(),
  userId,
  kind: 'api-key',
  prefix: 'dsk_abcd',
  tokenHash: `hash-${uniqueWord()}`,
  name: 'CI key',
  createdAt: at(),
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  ...overrides,
});

/** Users and credentials. */
export function describeAccountsContract(opts: PersistenceContractOptions): void {
  describe('users', () => {
    const db = usePersistence(opts);

    it('creates a user and finds it by id', async () => {
      const user = aUser();
      expect(await db().repos.users.create(user)).toEqual(user);
      expect(await db().repos.users.findById(user.id)).toEqual(user);
      expect(await db().repos.users.findById(uuidv7())).toBeNull();
    });

    it('finds by email case-insensitively and refuses a second user with the same email', async () => {
      const word = uniqueWord();
      const user = await db().repos.users.create(aUser({ email: `${word}@example.test` }));
      expect((await db().repos.users.findByEmail(`${word.toUpperCase()}@Example.TEST`))?.id).toBe(user.id);
      expect(await db().repos.users.findByEmail(`other-${word}@example.test`)).toBeNull();
      const clash = await domainErrorOf(db().repos.users.create(aUser({ email: `${word.toUpperCase()}@EXAMPLE.test` })));
      expect(clash).toEqual({ code: 'ACCOUNTS.EMAIL_TAKEN', kind: 'conflict' });
    });

    it('links a user to its tenant, changing only the given keys', async () => {
      const supplier = await givenSupplier(db().repos);
      const user = await db().repos.users.create(aUser());
      await db().repos.users.setTenant(user.id, { supplierId: supplier.id });
      expect(await db().repos.users.findById(user.id)).toMatchObject({ supplierId: supplier.id, retailerId: null });
      await db().repos.users.setTenant(user.id, { supplierId: null });
      expect(await db().repos.users.findById(user.id)).toMatchObject({ supplierId: null, retailerId: null });
    });

    it('records the last login', async () => {
      const user = await db().repos.users.create(aUser());
      await db().repos.users.touchLogin(user.id, at(5000));
      expect((await db().repos.users.findById(user.id))?.lastLoginAt).toEqual(at(5000));
    });

    it('counts users and lists them by role with pagination', async () => {
      const before = await db().repos.users.count();
      const admins = [aUser({ role: 'ADMIN' }), aUser({ role: 'ADMIN' }), aUser({ role: 'ADMIN' })];
      for (const u of admins) await db().repos.users.create(u);
      await db().repos.users.create(aUser({ role: 'RETAILER' }));
      expect(await db().repos.users.count()).toBe(before + 4);

      const all = await db().repos.users.list({ role: 'ADMIN', page: 1, pageSize: 200 });
      expect(all.items.every((u) => u.role === 'ADMIN')).toBe(true);
      expect(all.items.map((u) => u.id)).toEqual(expect.arrayContaining(admins.map((u) => u.id)));
      expect(all.total).toBeGreaterThanOrEqual(3);
      expect(all).toMatchObject({ page: 1, pageSize: 200 });

      const p1 = await db().repos.users.list({ role: 'ADMIN', page: 1, pageSize: 2 });
      const p2 = await db().repos.users.list({ role: 'ADMIN', page: 2, pageSize: 2 });
      expect(p1.items).toHaveLength(2);
      expect(p1.total).toBe(all.total);
      expect(p2.items.length).toBeGreaterThanOrEqual(1);
      const p1Ids = new Set(p1.items.map((u) => u.id));
      expect(p2.items.some((u) => p1Ids.has(u.id))).toBe(false);
    });
  });

  describe('credentials', () => {
    const db = usePersistence(opts);

    it('creates a credential and finds it by hash', async () => {
      const user = await db().repos.users.create(aUser());
      const cred = aCredential(user.id, { kind: 'session', name: null, expiresAt: at(3600_000) });
      await db().repos.credentials.create(cred);
      expect(await db().repos.credentials.findByHash(cred.tokenHash)).toEqual(cred);
      expect(await db().repos.credentials.findByHash('no-such-hash')).toBeNull();
    });

    it('lists only the api keys of that user, newest first, revoked ones included', async () => {
      const user = await db().repos.users.create(aUser());
      const other = await db().repos.users.create(aUser());
      const older = aCredential(user.id, { createdAt: at(1000) });
      const newer = aCredential(user.id, { createdAt: at(2000), revokedAt: at(3000) });
      await db().repos.credentials.create(older);
      await db().repos.credentials.create(newer);
      await db().repos.credentials.create(aCredential(user.id, { kind: 'session' }));
      await db().repos.credentials.create(aCredential(other.id));
      expect(await db().repos.credentials.listApiKeys(user.id)).toEqual([newer, older]);
    });

    it('revokes only the caller own credential, keeping the first revocation time', async () => {
      const owner = await db().repos.users.create(aUser());
      const intruder = await db().repos.users.create(aUser());
      const cred = aCredential(owner.id);
      await db().repos.credentials.create(cred);
      expect(await db().repos.credentials.revoke(intruder.id, cred.id, at(1000))).toBe(false);
      expect((await db().repos.credentials.findByHash(cred.tokenHash))?.revokedAt).toBeNull();
      expect(await db().repos.credentials.revoke(owner.id, uuidv7(), at(1000))).toBe(false);
      expect(await db().repos.credentials.revoke(owner.id, cred.id, at(2000))).toBe(true);
      expect(await db().repos.credentials.revoke(owner.id, cred.id, at(9000))).toBe(true);
      expect((await db().repos.credentials.findByHash(cred.tokenHash))?.revokedAt).toEqual(at(2000));
    });

    it('touch records the last use', async () => {
      const user = await db().repos.users.create(aUser());
      const cred = aCredential(user.id);
      await db().repos.credentials.create(cred);
      await db().repos.credentials.touch(cred.id, at(7000));
      expect((await db().repos.credentials.findByHash(cred.tokenHash))?.lastUsedAt).toEqual(at(7000));
    });
  });
}
