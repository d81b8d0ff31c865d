import type { NotificationRepository } from '@dropship/core';
import { clone, newestFirst, paginate, type Exec } from './memory-state';

/** The `notifications` table: insert-if-absent by id, a user's messages newest first, mark read. */
export function memoryNotifications(exec: Exec): NotificationRepository {
  return {
    record: (n) =>
      exec((s) => {
        if (s.notifications.has(n.id)) return false;
        s.notifications.set(n.id, clone({ ...n, readAt: null }));
        return true;
      }),
    listForUser: (userId, { page, pageSize }) =>
      exec((s) =>
        clone(
          paginate(
            [...s.notifications.values()].filter((n) => n.userId === userId).sort(newestFirst((n) => n.createdAt)),
            page,
            pageSize,
          ),
        ),
      ),
    markRead: (id, userId, at) =>
      exec((s) => {
        const n = s.notifications.get(id);
        if (!n || n.userId !== userId) return null;
        const next = n.readAt ? n : { ...n, readAt: new Date(at) };
        s.notifications.set(id, next);
        return clone(next);
      }),
  };
}
