import { mkdirSync } from 'node:fs';
import path from 'node:path';
import knexPkg, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { DEFAULT_POOL_MAX, DEFAULT_RANDOM_PAGE_COST, DEFAULT_STATEMENT_TIMEOUT_MS, type PostgresOptions } from './postgres-options';

/** A connected knex instance and the engine behind it. */
export interface Connection {
  readonly db: Knex;
  readonly engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Type parsers for our pool only (not pg's global registry, other libraries may share it):
 * bigint and numeric come back as numbers; every value we store fits a safe integer.
 */
const localTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Opens the database named by the options: a pg pool for a URL, otherwise PGlite with pg_trgm. */
export function openConnection(options: PostgresOptions, dataDir: string): Connection {
  if (options.url) {
    const timeout = Math.trunc(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
    const pageCost = Number(options.randomPageCost ?? DEFAULT_RANDOM_PAGE_COST);
    // With the default 4.0 the planner prefers a seq scan over the GIN index for common words even
    // when every page is cached (measured 3x slower at 300k rows; see docs/persistence.md).
    const session = `SET statement_timeout = ${timeout}` + (pageCost > 0 ? `; SET random_page_cost = ${pageCost}` : '');
    const db = knexPkg.knex({
      client: 'pg',
      connection: { connectionString: options.url, types: localTypes } as Knex.PgConnectionConfig,
      pool: {
        min: 0,
        max: options.poolMax ?? DEFAULT_POOL_MAX,
        afterCreate(conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) {
          conn.query(session, (err) => done(err, conn));
        },
      },
    });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dir = options.memory ? 'memory://' : (options.dataDir ?? path.join(dataDir, 'pglite'));
  if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir, { extensions: { pg_trgm } });
  // A boot failure surfaces on the first query (init → migrate); don't crash the process here.
  pglite.waitReady.catch(() => undefined);
  // knex-pglite takes our own instance so extensions load; it forces a pool of one connection.
  const db = knexPkg.knex({ client: ClientPgLite, connection: { pglite } as unknown as Knex.StaticConnectionConfig });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
