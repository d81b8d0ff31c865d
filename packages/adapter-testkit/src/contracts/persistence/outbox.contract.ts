import { describe, expect, it } from 'vitest';
import { uuidv7, type OutboxRow, type Persistence } from '@dropship/core';
import { at, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

const rowsFor = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: uuidv7(), topic, payload: { n: i, nested: { ok: true } }, headers: { 'x-trace': `t${i}` } }));

/** Publishes every pending row so a test starts from an empty outbox (suites share one database). */
async function drain(p: Persistence): Promise<void> {
  while ((await p.repos.outbox.relayBatch(500, async (rows) => rows.map((r) => r.id), at())) > 0);
}

/** The transactional outbox. */
export function describeOutboxContract(opts: PersistenceContractOptions): void {
  describe('outbox', () => {
    const db = usePersistence(opts);
    const outbox = () => db().repos.outbox;

    it('hands pending rows to publish and marks exactly the ids it returns', async () => {
      await drain(db());
      const rows = rowsFor(uniqueWord(), 3);
      await outbox().enqueue(rows, at(1000));
      expect(await outbox().pendingCount()).toBe(3);
      let seen: readonly OutboxRow[] = [];
      const marked = await outbox().relayBatch(10, async (batch) => ((seen = batch), [rows[0]!.id]), at(2000));
      expect(marked).toBe(1);
      expect(seen.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(seen.find((r) => r.id === rows[1]!.id)).toEqual({ ...rows[1], createdAt: at(1000) });
      expect(await outbox().pendingCount()).toBe(2);
      const rest: string[] = [];
      await outbox().relayBatch(10, async (batch) => (rest.push(...batch.map((r) => r.id)), []), at(3000));
      expect(rest.sort()).toEqual([rows[1]!.id, rows[2]!.id].sort());
    });

    it('respects the batch limit', async () => {
      await drain(db());
      await outbox().enqueue(rowsFor(uniqueWord(), 3), at());
      let size = 0;
      expect(await outbox().relayBatch(2, async (batch) => ((size = batch.length), batch.map((r) => r.id)), at())).toBe(2);
      expect(size).toBe(2);
      expect(await outbox().pendingCount()).toBe(1);
    });

    it('never hands the same row to two concurrent relays', async () => {
      await drain(db());
      await outbox().enqueue(rowsFor(uniqueWord(), 20), at());
      const taken: string[][] = [[], []];
      const relay = (k: 0 | 1) =>
        outbox().relayBatch(20, async (batch) => {
          taken[k]!.push(...batch.map((r) => r.id));
          await new Promise((r) => setTimeout(r, 20));
          return batch.map((r) => r.id);
        }, at());
      const [a, b] = await Promise.all([relay(0), relay(1)]);
      expect(a + b).toBe(20);
      expect(taken[0]!.filter((id) => taken[1]!.includes(id))).toEqual([]);
      expect(await outbox().pendingCount()).toBe(0);
    });

    it('marks nothing when publish throws', async () => {
      await drain(db());
      await outbox().enqueue(rowsFor(uniqueWord(), 2), at());
      const boom = new Error('broker down');
      await expect(outbox().relayBatch(10, async () => { throw boom; }, at())).rejects.toBe(boom);
      expect(await outbox().pendingCount()).toBe(2);
      expect(await outbox().relayBatch(10, async (batch) => batch.map((r) => r.id), at())).toBe(2);
    });
  });
}
