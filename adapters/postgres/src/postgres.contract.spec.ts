import { randomBytes } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { describePersistenceContract } from '@dropship/adapter-testkit';
import { createSecretBox } from '@dropship/platform';
import { PG_ADMIN_URL, requireServer, runId } from '@dropship/test-setup';
import { createPostgresPersistence, type PostgresOptions, type PostgresPersistence } from './index';
import { createTestDatabase, dropTestDatabase } from './test-support/test-database';

const secrets = createSecretBox({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });
const ctx = { id: 'db', dataDir: '/nonexistent', secrets };

/** One database per engine for the whole file (PGlite takes seconds to start); tests isolate by unique ids. */
function sharedPersistence(options: () => Promise<PostgresOptions>, cleanup: () => Promise<void> = async () => {}) {
  let made: Promise<PostgresPersistence> | undefined;
  afterAll(async () => {
    if (made) await (await made).dispose();
    await cleanup();
  });
  return async () => {
    made ??= options().then((o) => createPostgresPersistence(o, ctx));
    return { persistence: await made, teardown: async () => {} };
  };
}

describePersistenceContract({ name: 'pglite (memory)', setup: sharedPersistence(async () => ({ memory: true })) });

const hasPg = await requireServer('PostgreSQL', PG_ADMIN_URL);
describe.skipIf(!hasPg)('postgresql server', () => {
  const name = runId('dropship_test');
  describePersistenceContract({
    name: 'postgres',
    setup: sharedPersistence(
      async () => ({ url: await createTestDatabase(PG_ADMIN_URL, name), poolMax: 4 }),
      () => dropTestDatabase(PG_ADMIN_URL, name),
    ),
  });
});
