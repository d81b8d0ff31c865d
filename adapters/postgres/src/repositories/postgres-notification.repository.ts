import type { Knex } from 'knex';
import type { NotificationRepository, Page, StoredNotification } from '@dropship/core';
import type { Row } from '../row-mappers';

const toNotification = (r: Row): StoredNotification => ({
  id: r.id,
  userId: r.user_id ?? null,
  email: r.email,
  template: r.template,
  subject: r.subject,
  text: r.text,
  html: r.html ?? null,
  createdAt: new Date(r.created_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
});

/** `notifications`: INSERT … ON CONFLICT (id) DO NOTHING makes recording idempotent across processes. */
export class PostgresNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Knex) {}

  async record(n: Omit<StoredNotification, 'readAt'>): Promise<boolean> {
    const res = await this.db.raw(
      `INSERT INTO notifications (id, user_id, email, template, subject, text, html, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [n.id, n.userId, n.email, n.template, n.subject, n.text, n.html, n.createdAt],
    );
    return (res.rows ?? []).length === 1;
  }

  async listForUser(userId: string, { page, pageSize }: { page: number; pageSize: number }): Promise<Page<StoredNotification>> {
    const rows = await
      this.db('notifications')
        .where({ user_id: userId })
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(pageSize)
        .offset((Math.max(1, page) - 1) * pageSize);
    const count = await this.db('notifications').where({ user_id: userId }).count<{ n: string }[]>({ n: '*' });
    return { items: (rows as Row[]).map(toNotification), total: Number(count[0]?.n ?? 0), page, pageSize };
  }

  async markRead(id: string, userId: string, at: Date): Promise<StoredNotification | null> {
    const res = await this.db.raw(
      `UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ? RETURNING *`,
      [at, id, userId],
    );
    const row = (res.rows ?? [])[0] as Row | undefined;
    return row ? toNotification(row) : null;
  }
}
