import { randomBytes } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { describePersistenceContract } from '@dropship/adapter-testkit';
import { createSecretBox } from '@dropship/platform';
import { createTestDatabase, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { createPostgresPersistence, type PostgresOptions, type PostgresPersistence } from './index';

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
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  describePersistenceContract({
    name: 'postgres',
    setup: sharedPersistence(
      async () => {
        db = await createTestDatabase('dropship_test');
        return { url: db.url, poolMax: 4 };
      },
      async () => db?.drop(),
    ),
  });
});
