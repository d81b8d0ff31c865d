import pg from 'pg';
import { PG_ADMIN_URL, runId } from './services';

const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the shared server for one test run; `drop()` removes it (even with open connections). */
export async function createTestDatabase(prefix = 'dropship_test'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = runId(prefix);
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => undefined) };
}
