import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { StoredNotification } from '@dropship/core';
import { at, aUser } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

const aNotification = (userId: string | null, offsetMs: number, overrides: Partial<StoredNotification> = {}): Omit<StoredNotification, 'readAt'> => ({
  id: randomUUID(),
  userId,
  email: 'retailer@example.test',
  template: 'order-confirmed',
  subject: 'Order DS-000001 confirmed',
  text: 'Hello',
  html: '<p>Hello</p>',
  createdAt: at(offsetMs),
  ...overrides,
});

/** The `notifications` table of the database notifier. */
export function describeNotificationsContract(opts: PersistenceContractOptions): void {
  describe('notifications', () => {
    const db = usePersistence(opts);
    const repo = () => db().repos.notifications;

    it('records once per id: a second record of the same id changes nothing', async () => {
      const user = await db().repos.users.create(aUser());
      const n = aNotification(user.id, 1000);
      expect(await repo().record(n)).toBe(true);
      expect(await repo().record({ ...n, subject: 'other' })).toBe(false);
      const page = await repo().listForUser(user.id, { page: 1, pageSize: 10 });
      expect(page.total).toBe(1);
      expect(page.items[0]).toEqual({ ...n, readAt: null });
    });

    it('lists only the user’s own messages, newest first, paged', async () => {
      const user = await db().repos.users.create(aUser());
      const other = await db().repos.users.create(aUser());
      const ns = [aNotification(user.id, 1000), aNotification(user.id, 3000, { html: null }), aNotification(user.id, 2000)];
      for (const n of ns) await repo().record(n);
      await repo().record(aNotification(other.id, 5000));
      const first = await repo().listForUser(user.id, { page: 1, pageSize: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((n) => n.id)).toEqual([ns[1]!.id, ns[2]!.id]);
      expect(first.items[0]!.html).toBeNull();
      const second = await repo().listForUser(user.id, { page: 2, pageSize: 2 });
      expect(second.items.map((n) => n.id)).toEqual([ns[0]!.id]);
    });

    it('marks read once, only for the owner', async () => {
      const user = await db().repos.users.create(aUser());
      const other = await db().repos.users.create(aUser());
      const n = aNotification(user.id, 1000);
      await repo().record(n);
      expect(await repo().markRead(n.id, other.id, at(2000))).toBeNull();
      expect(await repo().markRead('no-such-id', user.id, at(2000))).toBeNull();
      expect((await repo().markRead(n.id, user.id, at(2000)))?.readAt).toEqual(at(2000));
      expect((await repo().markRead(n.id, user.id, at(3000)))?.readAt).toEqual(at(2000));
      expect((await repo().listForUser(user.id, { page: 1, pageSize: 10 })).items[0]!.readAt).toEqual(at(2000));
    });
  });
}
