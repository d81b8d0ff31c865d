import type { Knex } from 'knex';
import { initialMigration } from './0001-initial.migration';
import { ordersMigration } from './0010-orders.migration';
import { dispatchMigration } from './0011-dispatch.migration';
import { notificationsMigration } from './0012-notifications.migration';

/** Migrations in order, by stable name. Appending is the only allowed change. */
const MIGRATIONS: readonly (readonly [string, Knex.Migration])[] = [
  ['0001-initial', initialMigration],
  ['0010-orders', ordersMigration],
  ['0011-dispatch', dispatchMigration],
  ['0012-notifications', notificationsMigration],
];

/** Names of every migration, in order (tests compare `knex_migrations` with it). */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => m[0]);

/** Index builds on big tables outlast the pool's statement timeout: lift it inside the migration's transaction. */
const withoutTimeout = (m: Knex.Migration): Knex.Migration => ({
  up: async (db) => {
    await db.raw('SET LOCAL statement_timeout = 0');
    await m.up(db);
  },
  down: m.down
    ? async (db) => {
        await db.raw('SET LOCAL statement_timeout = 0');
        await m.down!(db);
      }
    : undefined,
});

/**
 * Migration source defined in code (no directory glob), so it works the same under tsc, tsx and
 * vitest and in bundles.
 */
export const migrationSource: Knex.MigrationSource<readonly [string, Knex.Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (m) => m[0],
  getMigration: async (m) => withoutTimeout(m[1]),
};
