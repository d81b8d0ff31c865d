import type { Knex } from 'knex';
import type { AuditEntry, AuditLog, Page } from '@dropship/core';
import { toAudit } from '../row-mappers';

/** Append-only audit trail, newest first. */
export class PostgresAuditLog implements AuditLog {
  constructor(private readonly db: Knex) {}

  async record(e: AuditEntry): Promise<void> {
    await this.db('audit_log').insert({
      id: e.id,
      actor_user_id: e.actorUserId,
      actor_role: e.actorRole,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId,
      details: JSON.stringify(e.details),
      request_id: e.requestId,
      at: e.at,
    });
  }

  async list(f: { targetType?: string; targetId?: string; actorUserId?: string; page: number; pageSize: number }): Promise<Page<AuditEntry>> {
    const base = this.db('audit_log').modify((q) => {
      if (f.targetType) q.where({ target_type: f.targetType });
      if (f.targetId) q.where({ target_id: f.targetId });
      if (f.actorUserId) q.where({ actor_user_id: f.actorUserId });
    });
    const [rows, count] = await Promise.all([
      base.clone().select('*').orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      base.clone().count<{ n: number }[]>({ n: '*' }),
    ]);
    return { items: rows.map(toAudit), total: Number(count[0]?.n ?? 0), page: f.page, pageSize: f.pageSize };
  }
}
