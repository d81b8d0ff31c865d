export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface RowError {
  /** 1-based data row number as the supplier sees it in the file (header is row 1, first data row is 2). */
  readonly row: number;
  readonly column?: string;
  readonly message: string;
}

/** A background job (catalog import for now) with progress a client can poll. */
export interface Job {
  readonly id: string;
  readonly kind: 'catalog-import';
  readonly ownerSupplierId: string | null;
  readonly createdByUserId: string;
  readonly status: JobStatus;
  readonly total: number;
  readonly processed: number;
  readonly created: number;
  readonly updated: number;
  readonly failed: number;
  /** At most MAX_REPORTED_ROW_ERRORS entries; `failed` has the full count. */
  readonly errors: readonly RowError[];
  readonly message: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export const MAX_REPORTED_ROW_ERRORS = 1000;
export const MAX_IMPORT_ROWS = 100_000;
