import { notFound, type StoredNotification } from '@dropship/core';
import type { Handler } from '../http/context';

const present = (n: StoredNotification) => ({
  id: n.id,
  template: n.template,
  subject: n.subject,
  text: n.text,
  html: n.html,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The signed-in user's messages recorded by the database notifier; someone else's id is 404 like a missing one. */
export const notificationHandlers: Record<string, Handler> = {
  async listNotifications(input, deps) {
    const page = input.query.page ?? 1;
    const pageSize = input.query.pageSize ?? 24;
    const r = await deps.platform.persistence.repos.notifications.listForUser(input.principal!.userId, { page, pageSize });
    return { body: { notifications: r.items.map(present), total: r.total, page: r.page, pageSize: r.pageSize } };
  },

  async markNotificationRead(input, deps) {
    const n = await deps.platform.persistence.repos.notifications.markRead(input.params.id, input.principal!.userId, deps.platform.clock.now());
    if (!n) throw notFound('NOTIFICATION.NOT_FOUND', 'No such notification.');
    return { body: { notification: present(n) } };
  },
};
