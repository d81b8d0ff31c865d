import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretBoxError, validateSecretKeys, type SecretBoxKeys } from './secret-box';

const KEY_FILE = 'secret.key';
const HOW_TO = 'generate one with `openssl rand -base64 32`';

export interface LoadSecretKeysOptions {
  /** Embedded (single-machine, no DATABASE_URL) mode may generate a key; production must be told one. */
  embedded?: boolean;
}

function decodeKey(id: string, b64: string, source: string): Buffer {
  const trimmed = b64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new SecretBoxError(`${source} (key "${id}") is not base64; ${HOW_TO}`);
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new SecretBoxError(`${source} (key "${id}") decodes to ${key.length} bytes; it must be 32 — ${HOW_TO}`);
  return key;
}

/** Reads `<dataDir>/secret.key`, creating it atomically (link() fails if another process won the race). */
function readOrCreateKeyFile(dataDir: string): string {
  const path = join(dataDir, KEY_FILE);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}

/**
 * Key set from the environment: DROPSHIP_SECRET_KEY (+ _ID, default k1) is active,
 * DROPSHIP_SECRET_KEYS_OLD (`id:base64,…`) still opens old data during a rotation.
 * Embedded mode (default: DATABASE_URL unset) falls back to a generated `<dataDir>/secret.key`.
 */
export function loadSecretKeys(
  env: Record<string, string | undefined>,
  dataDir: string,
  opts: LoadSecretKeysOptions = {},
): SecretBoxKeys {
  const embedded = opts.embedded ?? !env.DATABASE_URL;
  const activeKeyId = env.DROPSHIP_SECRET_KEY_ID?.trim() || 'k1';
  const keys: Record<string, Buffer> = {};

  for (const entry of (env.DROPSHIP_SECRET_KEYS_OLD ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const sep = entry.indexOf(':');
    if (sep <= 0) throw new SecretBoxError(`DROPSHIP_SECRET_KEYS_OLD entry "${entry.slice(0, 8)}…" must look like id:base64`);
    const id = entry.slice(0, sep);
    if (id === activeKeyId) throw new SecretBoxError(`DROPSHIP_SECRET_KEYS_OLD reuses the active key id "${id}"; give the new key a new id`);
    keys[id] = decodeKey(id, entry.slice(sep + 1), 'DROPSHIP_SECRET_KEYS_OLD');
  }

  const active = env.DROPSHIP_SECRET_KEY?.trim();
  if (active) {
    keys[activeKeyId] = decodeKey(activeKeyId, active, 'DROPSHIP_SECRET_KEY');
  } else if (embedded) {
    keys[activeKeyId] = decodeKey(activeKeyId, readOrCreateKeyFile(dataDir), join(dataDir, KEY_FILE));
  } else {
    throw new SecretBoxError(
      'DROPSHIP_SECRET_KEY is not set. It encrypts integration tokens and personal data at rest and is required ' +
        `when DATABASE_URL is set. Set it to 32 random bytes in base64 — ${HOW_TO} — and keep it safe: ` +
        'losing it makes stored secrets unreadable. Optionally set DROPSHIP_SECRET_KEY_ID (default k1).',
    );
  }
  validateSecretKeys({ keys, activeKeyId });
  return { keys, activeKeyId };
}
