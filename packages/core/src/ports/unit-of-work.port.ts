import type { Repositories } from './repositories.port';

/**
 * Runs work in one database transaction. Every repository handed to `work` is bound to that
 * transaction; a throw (or a rejected promise) rolls everything back and re-throws.
 * Implementations must not let `work` reach repositories outside the transaction (on PGlite,
 * a single connection, that would deadlock).
 */
export interface UnitOfWork {
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** The persistence adapter's whole surface: autocommit repositories, transactions and health. */
export interface Persistence {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  /** Brings the schema to the latest migration. Idempotent; safe to run from several processes. */
  migrate(): Promise<void>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Which engine is behind the port, for logs and `/ready`. */
  readonly engine: 'postgres' | 'pglite' | 'memory';
}
