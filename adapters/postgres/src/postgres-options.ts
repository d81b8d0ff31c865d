import type { JsonSchema } from '@dropship/adapter-sdk';

/** Options of the persistence adapter (validated by the platform against `optionsSchema`). */
export interface PostgresOptions {
  /** postgres:// URL; absent → embedded PGlite. */
  readonly url?: string;
  /** PGlite in memory (tests). Ignored when `url` is set. */
  readonly memory?: boolean;
  /** Where PGlite keeps its files; default `${ctx.dataDir}/pglite`. */
  readonly dataDir?: string;
  /** Pool size on PostgreSQL (PGlite is always one connection). */
  readonly poolMax?: number;
  /** Per-statement limit on PostgreSQL connections. */
  readonly statementTimeoutMs?: number;
  /** Session `random_page_cost` on PostgreSQL (SSD / cached data: 1.1); 0 keeps the server's setting. */
  readonly randomPageCost?: number;
}

/** JSON Schema of {@link PostgresOptions}. */
export const optionsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    url: { type: 'string', pattern: '^postgres(ql)?://' },
    memory: { type: 'boolean', default: false },
    dataDir: { type: 'string', minLength: 1 },
    poolMax: { type: 'integer', minimum: 1, maximum: 200, default: 8 },
    statementTimeoutMs: { type: 'integer', minimum: 0, maximum: 3_600_000, default: 5000 },
    randomPageCost: { type: 'number', minimum: 0, maximum: 100, default: 1.1 },
  },
};

/** Pool size when `poolMax` is absent. */
export const DEFAULT_POOL_MAX = 8;
/** Statement timeout when `statementTimeoutMs` is absent. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
/** Planner page cost when `randomPageCost` is absent (cached / SSD data). */
export const DEFAULT_RANDOM_PAGE_COST = 1.1;
