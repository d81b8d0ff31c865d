import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ROW_ERRORS, uuidv7, type AuditEntry, type Job, type RowError } from '@dropship/core';
import { at, givenSupplier, uniqueWord } from './fixtures';
import { usePersistence, type PersistenceContractOptions } from './harness';

const aJob = (ownerSupplierId: string, createdByUserId: string): Job => ({
  id: uuidv7(),
  kind: 'catalog-import',
  ownerSupplierId,
  createdByUserId,
  status: 'QUEUED',
  total: 0,
  processed: 0,
  created: 0,
  updated: 0,
  failed: 0,
  errors: [],
  message: null,
  createdAt: at(),
  startedAt: null,
  finishedAt: null,
});

const rowErrors = (n: number, from: number): RowError[] =>
  Array.from({ length: n }, (_, i) => ({ row: from + i, column: 'price', message: `bad price on ${from + i}` }));

/** Import jobs and the audit log. */
export function describeJobsContract(opts: PersistenceContractOptions): void {
  describe('jobs', () => {
    const db = usePersistence(opts);
    const jobs = () => db().repos.jobs;
    const givenJob = async () => {
      const s = await givenSupplier(db().repos);
      return jobs().create(aJob(s.id, s.ownerUserId), new Uint8Array([1, 2, 3]), { format: 'csv' });
    };

    it('stores the payload bytes and meta exactly, and scopes reads to the owner', async () => {
      const s = await givenSupplier(db().repos);
      const other = await givenSupplier(db().repos);
      const job = aJob(s.id, s.ownerUserId);
      const bytes = new Uint8Array([0, 255, 13, 10, 0, 128, 34, 92, 0xef, 0xbb, 0xbf]);
      const meta = { format: 'csv', currency: 'EUR', mapping: { sku: 'Item No', title: 'Name' } };
      expect(await jobs().create(job, bytes, meta)).toEqual(job);
      const loaded = await jobs().loadPayload(job.id);
      expect(loaded?.payload).toBeInstanceOf(Uint8Array);
      expect(Array.from(loaded?.payload ?? [])).toEqual(Array.from(bytes));
      expect(loaded?.meta).toEqual(meta);
      expect(await jobs().loadPayload(uuidv7())).toBeNull();
      expect(await jobs().findById(job.id)).toEqual(job);
      expect(await jobs().findById(job.id, { supplierId: s.id })).toEqual(job);
      expect(await jobs().findById(job.id, { supplierId: other.id })).toBeNull();
    });

    it('starts a queued job once (compare-and-set)', async () => {
      const job = await givenJob();
      expect(await jobs().start(job.id, 120, at(1000))).toBe(true);
      expect(await jobs().start(job.id, 120, at(2000))).toBe(false);
      expect(await jobs().findById(job.id)).toMatchObject({ status: 'RUNNING', total: 120, startedAt: at(1000) });
      expect(await jobs().start(uuidv7(), 1, at(1000))).toBe(false);
    });

    it('accumulates progress and caps the reported row errors, keeping the first ones', async () => {
      const job = await givenJob();
      await jobs().start(job.id, 2000, at(1000));
      const half = Math.ceil(MAX_REPORTED_ROW_ERRORS * 0.6);
      await jobs().progress(job.id, { processed: 700, created: 50, updated: 20, failed: half, errors: rowErrors(half, 2) });
      await jobs().progress(job.id, { processed: 700, created: 5, updated: 2, failed: half, errors: rowErrors(half, 2 + half) });
      const after = await jobs().findById(job.id);
      expect(after).toMatchObject({ processed: 1400, created: 55, updated: 22, failed: 2 * half });
      expect(after?.errors).toHaveLength(MAX_REPORTED_ROW_ERRORS);
      expect(after?.errors[0]).toEqual({ row: 2, column: 'price', message: 'bad price on 2' });
      expect(after?.errors[MAX_REPORTED_ROW_ERRORS - 1]?.row).toBe(MAX_REPORTED_ROW_ERRORS + 1);
    });

    it('finishes a job with a status and message', async () => {
      const job = await givenJob();
      await jobs().start(job.id, 1, at(1000));
      await jobs().finish(job.id, 'FAILED', 'file is not UTF-8', at(2000));
      expect(await jobs().findById(job.id)).toMatchObject({ status: 'FAILED', message: 'file is not UTF-8', finishedAt: at(2000) });
      expect(await jobs().start(job.id, 1, at(3000))).toBe(false);
    });

    it('requeues a running job with counters zeroed so it can start again', async () => {
      const job = await givenJob();
      await jobs().start(job.id, 10, at(1000));
      await jobs().progress(job.id, { processed: 4, created: 3, updated: 0, failed: 1, errors: rowErrors(1, 2) });
      await jobs().requeue(job.id);
      expect(await jobs().findById(job.id)).toMatchObject({ status: 'QUEUED', processed: 0, created: 0, updated: 0, failed: 0, errors: [], startedAt: null });
      expect(await jobs().start(job.id, 10, at(2000))).toBe(true);
    });
  });

  describe('audit log', () => {
    const db = usePersistence(opts);

    it('records entries and lists them filtered, newest first', async () => {
      const s = await givenSupplier(db().repos);
      const targetId = uuidv7();
      const entry = (action: string, offset: number, actorUserId: string | null = s.ownerUserId): AuditEntry => ({
        id: uuidv7(),
        actorUserId,
        actorRole: actorUserId ? 'SUPPLIER' : null,
        action,
        targetType: 'supplier',
        targetId,
        details: { reason: action, nested: { n: offset } },
        requestId: actorUserId ? `req-${uniqueWord()}` : null,
        at: at(offset),
      });
      const first = entry('supplier.submitted', 1000);
      const second = entry('supplier.approved', 2000, null);
      const third = entry('supplier.suspended', 3000);
      for (const e of [first, third, second]) await db().repos.audit.record(e);
      const all = await db().repos.audit.list({ targetType: 'supplier', targetId, page: 1, pageSize: 10 });
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 10 });
      expect(all.items).toEqual([third, second, first]);
      const byActor = await db().repos.audit.list({ targetId, actorUserId: s.ownerUserId, page: 1, pageSize: 1 });
      expect(byActor.total).toBe(2);
      expect(byActor.items).toEqual([third]);
      expect((await db().repos.audit.list({ targetType: 'product', targetId, page: 1, pageSize: 10 })).total).toBe(0);
    });
  });
}
