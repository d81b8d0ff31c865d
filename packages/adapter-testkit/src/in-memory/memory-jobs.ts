import { conflict, MAX_REPORTED_ROW_ERRORS, type AuditLog, type Job, type JobRepository } from '@dropship/core';
import { clone, newestFirst, paginate, type Exec } from './memory-state';

/** Import jobs with their uploads. */
export function memoryJobs(exec: Exec): JobRepository {
  const change = (id: string, fn: (job: Job) => Job | null) =>
    exec((s) => {
      const rec = s.jobs.get(id);
      const next = rec ? fn(rec.job) : null;
      if (!rec || !next) return false;
      rec.job = clone(next);
      return true;
    });
  return {
    create: (job, payload, meta) =>
      exec((s) => {
        if (s.jobs.has(job.id)) throw conflict('JOB.ALREADY_EXISTS', 'A job with this id already exists.');
        s.jobs.set(job.id, clone({ job, payload: new Uint8Array(payload), meta }));
        return clone(job);
      }),
    findById: (id, scope) =>
      exec((s) => {
        const job = s.jobs.get(id)?.job;
        return job && (!scope || job.ownerSupplierId === scope.supplierId) ? clone(job) : null;
      }),
    loadPayload: (id) =>
      exec((s) => {
        const rec = s.jobs.get(id);
        return rec ? clone({ payload: rec.payload, meta: rec.meta }) : null;
      }),
    start: (id, total, at) =>
      change(id, (j) => (j.status === 'QUEUED' ? { ...j, status: 'RUNNING', total, startedAt: new Date(at) } : null)),
    progress: async (id, d) => {
      await change(id, (j) => ({
        ...j,
        processed: j.processed + d.processed,
        created: j.created + d.created,
        updated: j.updated + d.updated,
        failed: j.failed + d.failed,
        errors: [...j.errors, ...d.errors].slice(0, MAX_REPORTED_ROW_ERRORS),
      }));
    },
    finish: async (id, status, message, at) => {
      await change(id, (j) => ({ ...j, status, message, finishedAt: new Date(at) }));
    },
    requeue: async (id) => {
      await change(id, (j) =>
        j.status === 'RUNNING' ? { ...j, status: 'QUEUED', processed: 0, created: 0, updated: 0, failed: 0, errors: [], startedAt: null } : null,
      );
    },
  };
}

/** Append-only audit trail. */
export function memoryAudit(exec: Exec): AuditLog {
  return {
    record: (entry) =>
      exec((s) => {
        s.audit.push(clone(entry));
      }),
    list: (f) =>
      exec((s) => {
        const rows = s.audit
          .filter((e) => f.targetType === undefined || e.targetType === f.targetType)
          .filter((e) => f.targetId === undefined || e.targetId === f.targetId)
          .filter((e) => f.actorUserId === undefined || e.actorUserId === f.actorUserId)
          .sort(newestFirst((e) => e.at));
        return clone(paginate(rows, f.page, f.pageSize));
      }),
  };
}
