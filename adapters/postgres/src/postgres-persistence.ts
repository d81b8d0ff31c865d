import type { Knex } from 'knex';
import pg from 'pg';
import type { Persistence, Repositories, SecretBox, UnitOfWork } from '@dropship/core';
import { openConnection, type Connection } from './knex-factory';
import { migrationSource } from './migrations/migration-source';
import { mapDbError } from './pg-errors';
import { createRepositories } from './postgres-repositories';
import type { PostgresOptions } from './postgres-options';

/** What the persistence needs from its surroundings (an AdapterContext satisfies it). */
export interface PersistenceContext {
  readonly id?: string;
  readonly dataDir: string;
  readonly secrets?: SecretBox;
}

/** Advisory-lock key that serialises `migrate()` across processes (knex's lock table needs its own table first). */
const MIGRATION_LOCK_KEY = 727_100_001;

/** Persistence over PostgreSQL or PGlite; also exposes `knex` for tools and tests. */
export class PostgresPersistence implements Persistence {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly engine: 'postgres' | 'pglite';
  private readonly conn: Connection;
  private closed = false;

  constructor(
    private readonly options: PostgresOptions,
    ctx: PersistenceContext,
  ) {
    if (!ctx.secrets) {
      throw new Error('@dropship/adapter-postgres needs ctx.secrets (a SecretBox) to seal supplier integration credentials.');
    }
    const box = ctx.secrets;
    this.conn = openConnection(options, ctx.dataDir);
    this.engine = this.conn.engine;
    const db = this.conn.db;
    this.repos = createRepositories(db, box, ctx.id);
    this.uow = {
      run: async <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => {
        try {
          return await db.transaction((trx) => work(createRepositories(trx, box, ctx.id)));
        } catch (e) {
          throw mapDbError(e, ctx.id);
        }
      },
    };
  }

  /** The underlying knex instance (tools, benchmarks, tests). */
  get knex(): Knex {
    return this.conn.db;
  }

  async migrate(): Promise<void> {
    if (this.engine === 'pglite' || !this.options.url) {
      await this.conn.db.migrate.latest({ migrationSource });
      return;
    }
    // Two processes creating knex_migrations at once can clash on the catalog before knex's own
    // lock row exists; a session advisory lock on a separate connection serialises the whole run.
    const lock = new pg.Client({ connectionString: this.options.url });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await this.conn.db.migrate.latest({ migrationSource });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await lock.end();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.conn.db.raw('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Destroys the pool / closes PGlite. Idempotent. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.conn.close();
  }
}

/** Creates the persistence without the platform (tests, tools). Call `migrate()` before use. */
export function createPostgresPersistence(options: PostgresOptions, ctx: PersistenceContext): PostgresPersistence {
  return new PostgresPersistence(options, ctx);
}
