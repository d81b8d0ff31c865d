import { describe, expect, it } from 'vitest';
import { aUser } from '../contracts/persistence.contract';
import { createInMemoryPersistence } from './in-memory-persistence';

describe('in-memory persistence (fake-specific guards)', () => {
  it('refuses autocommit repositories inside a transaction instead of deadlocking like PGlite', async () => {
    const p = createInMemoryPersistence();
    await expect(p.uow.run(() => p.repos.users.count())).rejects.toThrow(/transaction is open/);
    await expect(p.uow.run(() => p.uow.run(async () => 1))).rejects.toThrow(/transaction is open/);
    expect(await p.repos.users.count()).toBe(0);
  });

  it('refuses repositories used after their transaction ended', async () => {
    const p = createInMemoryPersistence();
    const leaked = await p.uow.run(async (repos) => repos);
    await expect(leaked.users.create(aUser())).rejects.toThrow(/after their transaction ended/);
  });

  it('serialises transactions: a second one sees the first one committed', async () => {
    const p = createInMemoryPersistence();
    const order: string[] = [];
    await Promise.all([
      p.uow.run(async (r) => {
        order.push('a:start');
        await r.users.create(aUser());
        await new Promise((res) => setTimeout(res, 10));
        order.push('a:end');
      }),
      p.uow.run(async (r) => {
        order.push(`b:start:${await r.users.count()}`);
      }),
    ]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start:1']);
  });
});
