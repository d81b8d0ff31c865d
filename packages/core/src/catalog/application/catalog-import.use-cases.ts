import { forbidden, isDomainError, notFound, validationError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { uuidv7 } from '../../shared/ids';
import { yieldToEventLoop } from '../../shared/yield';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../ports/clock.port';
import type { Repositories } from '../../ports/repositories.port';
import type { UnitOfWork } from '../../ports/unit-of-work.port';
import { MAX_IMPORT_ROWS, MAX_REPORTED_ROW_ERRORS, type Job, type RowError } from '../import-job.entity';
import { canCreate, fieldsOfMapping, IMPORT_FIELDS, parseImportRow, resolveMapping, type Cell, type ColumnMapping, type ResolvedMapping } from '../import-mapping';
import type { ProductDraft } from '../product.entity';
import { supplierOf } from './catalog.use-cases';

export const IMPORT_REQUESTED_TOPIC = 'catalog.import.requested';
export type SpreadsheetFormat = 'csv' | 'xlsx';

/** Streams the rows of an uploaded file (header included); implemented by the platform. */
export type SpreadsheetReader = (
  bytes: Uint8Array,
  format: SpreadsheetFormat,
  opts: { maxRows: number },
) => AsyncIterable<{ rowNumber: number; cells: Cell[] }>;

export interface ImportDeps {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly read: SpreadsheetReader;
  readonly batchSize?: number;
}

/** Catalog import from CSV/XLSX: the request stores the file and queues a job; the worker runs it in batches. */
export class CatalogImportService {
  constructor(private readonly d: ImportDeps) {}

  /** Stores the upload and enqueues the job in one transaction; returns the QUEUED job. */
  async request(actor: Actor, input: { bytes: Uint8Array; format: SpreadsheetFormat; filename?: string; mapping?: ColumnMapping }): Promise<Result<Job, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(forbidden('Start your supplier application first (POST /api/supplier/application).'));
    if (input.bytes.byteLength === 0) return err(validationError('IMPORT.EMPTY_FILE', 'The uploaded file is empty.', [{ path: '/file', message: 'is empty' }]));
    const unknown = Object.keys(input.mapping ?? {}).filter((k) => !(IMPORT_FIELDS as readonly string[]).includes(k));
    if (unknown.length) {
      return err(validationError('IMPORT.INVALID_MAPPING', `Unknown fields in the column mapping: ${unknown.join(', ')}.`, unknown.map((k) => ({ path: `/mapping/${k}`, message: `is not one of ${IMPORT_FIELDS.join(', ')}` }))));
    }
    const now = this.d.clock.now();
    const job: Job = {
      id: uuidv7(),
      kind: 'catalog-import',
      ownerSupplierId: supplierId,
      createdByUserId: actor.principal.userId,
      status: 'QUEUED',
      total: 0,
      processed: 0,
      created: 0,
      updated: 0,
      failed: 0,
      errors: [],
      message: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    };
    const meta = { format: input.format, filename: input.filename ?? null, mapping: input.mapping ?? {} };
    const saved = await this.d.uow.run(async (repos) => {
      const j = await repos.jobs.create(job, input.bytes, meta);
      await repos.outbox.enqueue([{ id: uuidv7(), topic: IMPORT_REQUESTED_TOPIC, payload: { jobId: j.id }, headers: {} }], now);
      return j;
    });
    return ok(saved);
  }

  /** A job as its owner (or staff, unscoped) may see it. */
  async get(actor: Actor, id: string): Promise<Result<Job, DomainError>> {
    const p = actor.principal;
    const staff = p.role === 'ADMIN' || p.role === 'SUPPORT';
    if (!staff && !p.supplierId) return err(jobNotFound());
    const job = await this.d.repos.jobs.findById(id, staff ? undefined : { supplierId: p.supplierId! });
    return job ? ok(job) : err(jobNotFound());
  }

  /** Runs a queued import. Safe to re-run after a crash: products are upserted by SKU. */
  async run(jobId: string): Promise<void> {
    const stored = await this.d.repos.jobs.loadPayload(jobId);
    const job = await this.d.repos.jobs.findById(jobId);
    if (!stored || !job || !job.ownerSupplierId) return;
    if (job.status === 'COMPLETED' || job.status === 'FAILED') return;
    if (job.status === 'RUNNING') await this.d.repos.jobs.requeue(jobId);
    const format = stored.meta.format as SpreadsheetFormat;
    const mapping = (stored.meta.mapping ?? {}) as ColumnMapping;
    let total = 0;
    try {
      for await (const _ of this.d.read(stored.payload, format, { maxRows: MAX_IMPORT_ROWS })) {
        if (++total % 2000 === 0) await yieldToEventLoop();
      }
    } catch (e) {
      return this.fail(jobId, readFailure(e));
    }
    if (!(await this.d.repos.jobs.start(jobId, Math.max(0, total - 1), this.d.clock.now()))) return;
    const supplier = await this.d.repos.suppliers.findById(job.ownerSupplierId);
    const currency = supplier?.minOrderValue.currency ?? 'USD';
    const categories = await this.categoryIndex();
    const seen = new Map<string, number>();
    let batch: ProductDraft[] = [];
    let errors: RowError[] = [];
    let failedRows = 0;
    let processed = 0;
    let columns: ResolvedMapping | undefined;
    const flush = async () => {
      if (!batch.length && !errors.length && !processed) return;
      const drafts = batch;
      let writable = drafts;
      if (!canCreate(columns!) && drafts.length) {
        // Update-only file (no title or price column): unknown SKUs cannot become products.
        const known = new Set(await this.d.repos.products.existingSkus(job.ownerSupplierId!, drafts.map((d) => d.sku)));
        writable = drafts.filter((d) => known.has(d.sku));
        for (const d of drafts) {
          if (known.has(d.sku)) continue;
          failedRows++;
          errors.push({ row: seen.get(d.sku)!, column: 'sku', message: `SKU ${d.sku} is not in your catalog; a new product needs title and wholesalePrice columns` });
        }
      }
      const outcome = writable.length ? await this.d.repos.products.upsertMany(job.ownerSupplierId!, writable, this.d.clock.now(), fieldsOfMapping(columns!)) : { created: 0, updated: 0 };
      await this.d.repos.jobs.progress(jobId, { processed, created: outcome.created, updated: outcome.updated, failed: failedRows, errors });
      batch = [];
      errors = [];
      failedRows = 0;
      processed = 0;
      await yieldToEventLoop();
    };
    try {
      for await (const { rowNumber, cells } of this.d.read(stored.payload, format, { maxRows: MAX_IMPORT_ROWS })) {
        if (!columns) {
          const resolved = resolveMapping(cells.map((c) => (c === null || c === undefined ? '' : String(c))), mapping);
          if (!resolved.ok) return this.fail(jobId, 'The header row does not match the column mapping.', resolved.error);
          columns = resolved.value;
          continue;
        }
        processed++;
        if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
        const parsed = parseImportRow(cells, columns, rowNumber, currency);
        const before = errors.length;
        if (!parsed.ok) errors.push(...parsed.error.slice(0, 3));
        else if (parsed.value.categorySlug && !categories.has(parsed.value.categorySlug)) {
          errors.push({ row: rowNumber, column: 'category', message: `unknown category "${parsed.value.categorySlug}"; see GET /api/categories` });
        } else if (seen.has(parsed.value.sku)) {
          errors.push({ row: rowNumber, column: 'sku', message: `SKU ${parsed.value.sku} already appears in row ${seen.get(parsed.value.sku)}` });
        } else {
          seen.set(parsed.value.sku, rowNumber);
          const slug = parsed.value.categorySlug ? categories.get(parsed.value.categorySlug)! : null;
          batch.push({ ...parsed.value, categorySlug: slug });
        }
        if (errors.length > before) failedRows++;
        if (processed >= (this.d.batchSize ?? 1000)) await flush();
      }
      await flush();
    } catch (e) {
      if (isReadError(e)) return this.fail(jobId, readFailure(e));
      throw e;
    }
    const done = await this.d.repos.jobs.findById(jobId);
    const summary = done ? `Imported ${done.created + done.updated} products (${done.created} new, ${done.updated} updated); ${done.failed} rows had errors.` : null;
    await this.d.repos.jobs.finish(jobId, 'COMPLETED', summary, this.d.clock.now());
  }

  /** Category slugs and names (lower-cased, slugified) → canonical slug. */
  private async categoryIndex(): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    for (const c of await this.d.repos.categories.listWithCounts()) {
      m.set(c.slug, c.slug);
      m.set(c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), c.slug);
    }
    return m;
  }

  private async fail(jobId: string, message: string, errors: RowError[] = []): Promise<void> {
    if (errors.length) await this.d.repos.jobs.progress(jobId, { processed: 0, created: 0, updated: 0, failed: 0, errors: errors.slice(0, MAX_REPORTED_ROW_ERRORS) });
    await this.d.repos.jobs.finish(jobId, 'FAILED', message, this.d.clock.now());
  }
}

const jobNotFound = () => notFound('JOB.NOT_FOUND', 'No such job.');
/** Readers report unreadable or oversized files as DomainErrors with an `IMPORT.*` code. */
const isReadError = (e: unknown): boolean => isDomainError(e) && e.code.startsWith('IMPORT.');
function readFailure(e: unknown): string {
  if (isReadError(e)) return (e as Error).message;
  return `The file could not be read: ${e instanceof Error ? e.message : String(e)}`;
}
