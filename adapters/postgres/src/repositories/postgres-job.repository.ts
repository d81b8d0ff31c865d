import type { Knex } from 'knex';
import { MAX_REPORTED_ROW_ERRORS, isUuid, type Job, type JobRepository, type JobStatus, type RowError } from '@dropship/core';
import { toJob } from '../row-mappers';

const JOB_COLUMNS = [
  'id', 'kind', 'owner_supplier_id', 'created_by_user_id', 'status', 'total', 'processed', 'created', 'updated',
  'failed', 'errors', 'message', 'created_at', 'started_at', 'finished_at',
] as const;

/** Background jobs with their uploaded payload (bytea) and progress counters. */
export class PostgresJobRepository implements JobRepository {
  constructor(private readonly db: Knex) {}

  async create(job: Job, payload: Uint8Array, meta: Record<string, unknown>): Promise<Job> {
    const rows = await this.db('jobs')
      .insert({
        id: job.id,
        kind: job.kind,
        owner_supplier_id: job.ownerSupplierId,
        created_by_user_id: job.createdByUserId,
        status: job.status,
        total: job.total,
        processed: job.processed,
        created: job.created,
        updated: job.updated,
        failed: job.failed,
        errors: JSON.stringify(job.errors.slice(0, MAX_REPORTED_ROW_ERRORS)),
        message: job.message,
        payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength),
        meta: JSON.stringify(meta),
        created_at: job.createdAt,
        started_at: job.startedAt,
        finished_at: job.finishedAt,
      })
      .returning(JOB_COLUMNS);
    return toJob(rows[0]);
  }

  async findById(id: string, scope?: { supplierId: string }): Promise<Job | null> {
    if (!isUuid(id)) return null;
    const r = await this.db('jobs')
      .where({ id })
      .modify((q) => (scope ? q.where({ owner_supplier_id: scope.supplierId }) : q))
      .first(JOB_COLUMNS);
    return r ? toJob(r) : null;
  }

  async loadPayload(id: string): Promise<{ payload: Uint8Array; meta: Record<string, unknown> } | null> {
    if (!isUuid(id)) return null;
    const r = await this.db('jobs').where({ id }).first('payload', 'meta');
    if (!r) return null;
    const p = r.payload as Uint8Array | null;
    return { payload: p ? new Uint8Array(p.buffer, p.byteOffset, p.byteLength) : new Uint8Array(), meta: r.meta ?? {} };
  }

  async start(id: string, total: number, at: Date): Promise<boolean> {
    const n = await this.db('jobs').where({ id, status: 'QUEUED' }).update({ status: 'RUNNING', total, started_at: at });
    return n > 0;
  }

  async progress(id: string, d: { processed: number; created: number; updated: number; failed: number; errors: readonly RowError[] }): Promise<void> {
    // Appends errors but keeps at most MAX_REPORTED_ROW_ERRORS, in order; `failed` keeps the full count.
    await this.db.raw(
      `UPDATE jobs SET processed = processed + :processed, created = created + :created, updated = updated + :updated,
         failed = failed + :failed,
         errors = CASE WHEN jsonb_array_length(errors) >= :cap THEN errors ELSE (
           SELECT coalesce(jsonb_agg(e.value ORDER BY e.ord), '[]'::jsonb)
           FROM jsonb_array_elements(errors || CAST(:errors AS jsonb)) WITH ORDINALITY AS e(value, ord)
           WHERE e.ord <= :cap) END
       WHERE id = :id`,
      { ...d, errors: JSON.stringify(d.errors.slice(0, MAX_REPORTED_ROW_ERRORS)), cap: MAX_REPORTED_ROW_ERRORS, id },
    );
  }

  async finish(id: string, status: Extract<JobStatus, 'COMPLETED' | 'FAILED'>, message: string | null, at: Date): Promise<void> {
    await this.db('jobs').where({ id }).update({ status, message, finished_at: at });
  }

  async requeue(id: string): Promise<void> {
    await this.db('jobs')
      .where({ id, status: 'RUNNING' })
      .update({ status: 'QUEUED', processed: 0, created: 0, updated: 0, failed: 0, errors: '[]', started_at: null });
  }
}
