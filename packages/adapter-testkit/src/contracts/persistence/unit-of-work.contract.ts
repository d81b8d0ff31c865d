import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@dropship/core';
import { aProduct, aSupplier, aUser, at, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

/** Transactions: commit, rollback across every repository, read-your-writes inside. */
export function describeUnitOfWorkContract(opts: PersistenceContractOptions): void {
  describe('unit of work', () => {
    const db = usePersistence(opts);

    it('answers ping and tolerates a second migrate', async () => {
      expect(await db().ping()).toBe(true);
      await db().migrate();
      expect(['postgres', 'pglite', 'memory']).toContain(db().engine);
    });

    it('commits: writes are visible after run resolves, and its value is returned', async () => {
      const user = aUser();
      const value = await db().uow.run(async (repos) => {
        await repos.users.create(user);
        return 42;
      });
      expect(value).toBe(42);
      expect(await db().repos.users.findById(user.id)).toEqual(user);
    });

    it('sees its own writes inside the transaction', async () => {
      await db().uow.run(async (repos) => {
        const owner = await repos.users.create(aUser());
        const supplier = await repos.suppliers.create(aSupplier({ ownerUserId: owner.id }));
        await repos.users.setTenant(owner.id, { supplierId: supplier.id });
        const product = await repos.products.create(aProduct(supplier.id));
        expect((await repos.users.findByEmail(owner.email))?.supplierId).toBe(supplier.id);
        expect((await repos.products.findById(product.id, { supplierId: supplier.id }))?.sku).toBe(product.sku);
        expect(await repos.products.countBySupplier(supplier.id)).toBe(1);
      });
    });

    it('rolls back every repository when work throws, and re-throws', async () => {
      const owner = aUser();
      const supplier = aSupplier({ ownerUserId: owner.id });
      const product = aProduct(supplier.id);
      const category = uniqueWord('cat');
      const jobId = uuidv7();
      const auditTarget = uuidv7();
      const pendingBefore = await db().repos.outbox.pendingCount();
      const boom = new Error('work failed');
      const run = db().uow.run(async (repos) => {
        await repos.users.create(owner);
        await repos.suppliers.create(supplier);
        await repos.categories.upsert([{ slug: category, name: 'Rolled back', parentSlug: null }]);
        await repos.products.create(product);
        await repos.jobs.create(
          { id: jobId, kind: 'catalog-import', ownerSupplierId: supplier.id, createdByUserId: owner.id, status: 'QUEUED', total: 0, processed: 0, created: 0, updated: 0, failed: 0, errors: [], message: null, createdAt: at(), startedAt: null, finishedAt: null },
          new Uint8Array([1]),
          {},
        );
        await repos.audit.record({ id: uuidv7(), actorUserId: owner.id, actorRole: 'SUPPLIER', action: 'x', targetType: 'supplier', targetId: auditTarget, details: {}, requestId: null, at: at() });
        await repos.outbox.enqueue([{ id: uuidv7(), topic: 'rolled.back', payload: {}, headers: {} }], at());
        throw boom;
      });
      await expect(run).rejects.toBe(boom);
      expect(await db().repos.users.findById(owner.id)).toBeNull();
      expect(await db().repos.suppliers.findById(supplier.id)).toBeNull();
      expect(await db().repos.categories.exists(category)).toBe(false);
      expect(await db().repos.products.findById(product.id)).toBeNull();
      expect(await db().repos.jobs.findById(jobId)).toBeNull();
      expect((await db().repos.audit.list({ targetId: auditTarget, page: 1, pageSize: 10 })).total).toBe(0);
      expect(await db().repos.outbox.pendingCount()).toBe(pendingBefore);
    });

    it('hands out copies: mutating a returned or passed-in object never changes the stored row', async () => {
      const user = aUser();
      await db().repos.users.create(user);
      (user as { name: string }).name = 'Mutated after create';
      const read = await db().repos.users.findById(user.id);
      (read as { name: string } | null)!.name = 'Mutated after read';
      expect((await db().repos.users.findById(user.id))?.name).toBe('Test User');
    });

    it('rolls back an update of an existing row', async () => {
      const user = await db().repos.users.create(aUser());
      await expect(
        db().uow.run(async (repos) => {
          await repos.users.touchLogin(user.id, at(9000));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await db().repos.users.findById(user.id))?.lastLoginAt).toBeNull();
    });
  });
}
