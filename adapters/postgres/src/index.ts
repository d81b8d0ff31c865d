import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { optionsSchema, type PostgresOptions } from './postgres-options';
import { createPostgresPersistence } from './postgres-persistence';

export { createPostgresPersistence, PostgresPersistence, type PersistenceContext } from './postgres-persistence';
export { optionsSchema, type PostgresOptions } from './postgres-options';
export { COUNT_CAP } from './repositories/postgres-product-search';

/** Persistence on PostgreSQL (`url`) or embedded PGlite (default), with in-code migrations. */
export default defineAdapter<PostgresOptions>({
  name: '@dropship/adapter-postgres',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['persistence'],
  description: 'Persistence on PostgreSQL (pg) or embedded PGlite (knex-pglite), with migrations.',
  optionsSchema,
  secretOptions: ['url'],
  create(ctx, options) {
    const persistence = createPostgresPersistence(options, ctx);
    return {
      ports: { persistence },
      init: async () => {
        await persistence.migrate();
      },
      dispose: () => persistence.dispose(),
    };
  },
});
