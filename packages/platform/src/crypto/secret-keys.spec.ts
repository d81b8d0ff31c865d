import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';
import { loadSecretKeys } from './secret-keys';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dropship-keys-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadSecretKeys', () => {
  it('reads the active key and its id from the environment', () => {
    const key = randomBytes(32);
    const set = loadSecretKeys({ DROPSHIP_SECRET_KEY: key.toString('base64'), DROPSHIP_SECRET_KEY_ID: 'k7', DATABASE_URL: 'postgres://x' }, tempDir());
    expect(set.activeKeyId).toBe('k7');
    expect(set.keys.k7!.equals(key)).toBe(true);
  });

  it('defaults the key id to k1 and adds old keys for rotation', () => {
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const set = loadSecretKeys(
      { DROPSHIP_SECRET_KEY: a.toString('base64'), DROPSHIP_SECRET_KEYS_OLD: `k0:${b.toString('base64')}, old-2:${c.toString('base64')}` },
      tempDir(),
      { embedded: false },
    );
    expect(set.activeKeyId).toBe('k1');
    expect(Object.keys(set.keys).sort()).toEqual(['k0', 'k1', 'old-2']);
    expect(set.keys['old-2']!.equals(c)).toBe(true);
    const oldBox = createSecretBox({ keys: { k0: b }, activeKeyId: 'k0' });
    expect(createSecretBox(set).open(oldBox.seal('s', 'ctx'), 'ctx')).toBe('s');
  });

  it('rejects a key of the wrong length or encoding', () => {
    const dir = tempDir();
    expect(() => loadSecretKeys({ DROPSHIP_SECRET_KEY: randomBytes(16).toString('base64') }, dir)).toThrow(/16 bytes; it must be 32.*openssl rand -base64 32/);
    expect(() => loadSecretKeys({ DROPSHIP_SECRET_KEY: 'not base64!!' }, dir)).toThrow(/not base64/);
    expect(() => loadSecretKeys({ DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'), DROPSHIP_SECRET_KEYS_OLD: 'k0' }, dir)).toThrow(/id:base64/);
    expect(() =>
      loadSecretKeys({ DROPSHIP_SECRET_KEY: randomBytes(32).toString('base64'), DROPSHIP_SECRET_KEYS_OLD: `k1:${randomBytes(32).toString('base64')}` }, dir),
    ).toThrow(/reuses the active key id/);
  });

  it('tells the operator what to set when not embedded and no key is configured', () => {
    expect(() => loadSecretKeys({ DATABASE_URL: 'postgres://db/x' }, tempDir())).toThrow(/DROPSHIP_SECRET_KEY is not set.*openssl rand -base64 32/);
  });

  it('generates a key file once in embedded mode (0600) and reuses it', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const first = loadSecretKeys({}, dir);
    const path = join(dir, 'secret.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const content = readFileSync(path, 'utf8');
    const second = loadSecretKeys({}, dir, { embedded: true });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(second.keys.k1!.equals(first.keys.k1!)).toBe(true);
    const sealed = createSecretBox(first).seal('survives restart', 'ctx');
    expect(createSecretBox(second).open(sealed, 'ctx')).toBe('survives restart');
  });

  it('prefers DROPSHIP_SECRET_KEY over the key file', () => {
    const dir = tempDir();
    loadSecretKeys({}, dir);
    const key = randomBytes(32);
    expect(loadSecretKeys({ DROPSHIP_SECRET_KEY: key.toString('base64') }, dir).keys.k1!.equals(key)).toBe(true);
  });
});
