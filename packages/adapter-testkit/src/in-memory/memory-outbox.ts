import { conflict, type OutboxRepository } from '@dropship/core';
import { clone, type Exec } from './memory-state';

/** Transactional outbox; the serialised store gives relays the same exclusivity as SKIP LOCKED. */
export function memoryOutbox(exec: Exec): OutboxRepository {
  return {
    enqueue: (rows, at) =>
      exec((s) => {
        for (const row of rows) {
          if (s.outbox.has(row.id)) throw conflict('OUTBOX.ALREADY_EXISTS', `Outbox row ${row.id} already exists.`);
          s.outbox.set(row.id, { row: clone({ ...row, createdAt: new Date(at) }), publishedAt: null });
        }
      }),
    relayBatch: (limit, publish, at) =>
      exec(async (s) => {
        const batch = [...s.outbox.values()]
          .filter((r) => r.publishedAt === null)
          .sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.row.id < b.row.id ? -1 : 1))
          .slice(0, Math.max(0, limit));
        if (batch.length === 0) return 0;
        const published = new Set(await publish(clone(batch.map((r) => r.row))));
        let marked = 0;
        for (const rec of batch) {
          if (published.has(rec.row.id)) {
            rec.publishedAt = new Date(at);
            marked++;
          }
        }
        return marked;
      }),
    pendingCount: () => exec((s) => [...s.outbox.values()].filter((r) => r.publishedAt === null).length),
  };
}
