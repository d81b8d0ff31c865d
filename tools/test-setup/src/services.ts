import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** True in CI: a suite that needs a server must fail, not skip, when the server is missing. */
export const inCI = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const AMQP_TEST_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A short random name for this run's databases and queues (servers are shared between runs). */
export const runId = (prefix: string): string => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/** Resolves true when something accepts TCP connections at `url`'s host and port. */
export function reachable(url: string, timeoutMs = 1500): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('amqp') ? 5672 : 5432));
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port });
    const done = (v: boolean) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/**
 * Decides whether a server-backed suite runs: true when reachable; false (skip) locally when not;
 * throws under CI so the run fails loudly.
 */
export async function requireServer(name: string, url: string): Promise<boolean> {
  if (await reachable(url)) return true;
  if (inCI()) throw new Error(`${name} is not reachable at ${new URL(url).host}; CI requires it (.ci/run starts it).`);
  console.warn(`[skip] ${name} not reachable at ${new URL(url).host}; its suite is skipped outside CI.`);
  return false;
}
