import type { Knex } from 'knex';
import type { OutboxRepository, OutboxRow } from '@dropship/core';
import { toOutbox } from '../row-mappers';

/** Transactional outbox; relays lock unpublished rows with SKIP LOCKED (never `id > lastSeen`). */
export class PostgresOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Knex) {}

  async enqueue(rows: readonly Omit<OutboxRow, 'createdAt'>[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.db('outbox').insert(
      rows.map((r) => ({ id: r.id, topic: r.topic, payload: JSON.stringify(r.payload ?? null), headers: JSON.stringify(r.headers ?? {}), created_at: at })),
    );
  }

  async relayBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<readonly string[]>, at: Date): Promise<number> {
    return this.db.transaction(async (trx): Promise<number> => {
      const rows = await trx('outbox')
        .whereNull('published_at')
        .orderBy([{ column: 'created_at' }, { column: 'id' }])
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .select('*');
      if (rows.length === 0) return 0;
      const batch = rows.map(toOutbox);
      const taken = new Set(batch.map((r) => r.id));
      const published = [...new Set(await publish(batch))].filter((id) => taken.has(id));
      if (published.length === 0) return 0;
      return trx('outbox').whereIn('id', published).whereNull('published_at').update({ published_at: at });
    });
  }

  async pendingCount(): Promise<number> {
    const r = await this.db('outbox').whereNull('published_at').count<{ n: number }[]>({ n: '*' });
    return Number(r[0]?.n ?? 0);
  }
}
