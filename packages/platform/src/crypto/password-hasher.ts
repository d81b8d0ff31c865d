import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '@dropship/core';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. OWASP (2025): 2^17 with r=8, p=1 — about 128 MiB per hash. */
  N: number;
  r: number;
  p: number;
}

const OWASP: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 64;
const MIB = 1024 * 1024;
// Bounds for parameters read back from storage, so a corrupt or hostile row cannot make verify allocate gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

const isPow2 = (n: number): boolean => Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;
const parseIntStrict = (s: string | undefined): number => (s !== undefined && /^[1-9]\d{0,9}$/.test(s) ? Number(s) : NaN);

/** Memory scrypt needs is 128·N·r bytes; Node's 32 MiB default maxmem rejects OWASP's parameters. */
const maxmemFor = ({ N, r }: ScryptParams): number => Math.max(256 * MIB, 128 * N * r + 32 * MIB);

function derive(password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) };
  return new Promise((resolve, reject) => {
    // NFKC so the same password typed on two keyboards (composed vs decomposed accents) verifies (NIST 800-63B).
    scrypt(password.normalize('NFKC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

interface Stored extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

function parseStored(stored: string): Stored | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = [parseIntStrict(parts[1]), parseIntStrict(parts[2]), parseIntStrict(parts[3])];
  if (!isPow2(N) || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const [saltPart = '', hashPart = ''] = parts.slice(4);
  if (!B64.test(saltPart) || !B64.test(hashPart)) return null;
  const salt = Buffer.from(saltPart, 'base64');
  const hash = Buffer.from(hashPart, 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 128) return null;
  return { N, r, p, salt, hash };
}

/** scrypt with self-describing output (`scrypt$N$r$p$salt$hash`) so costs can rise without breaking old hashes. */
export class ScryptPasswordHasher implements PasswordHasher {
  readonly params: ScryptParams;

  /** Lower costs are for tests only; production uses the OWASP defaults. */
  constructor(params: Partial<ScryptParams> = {}) {
    const merged = { ...OWASP, ...params };
    if (!isPow2(merged.N) || merged.N > MAX_N) throw new Error(`scrypt N must be a power of two ≤ 2^20, got ${merged.N}`);
    if (!Number.isInteger(merged.r) || merged.r < 1 || merged.r > MAX_R) throw new Error(`scrypt r must be 1..${MAX_R}`);
    if (!Number.isInteger(merged.p) || merged.p < 1 || merged.p > MAX_P) throw new Error(`scrypt p must be 1..${MAX_P}`);
    this.params = merged;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.params);
    const { N, r, p } = this.params;
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /** Constant-time compare; a malformed or foreign stored value is simply "no match". */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = typeof stored === 'string' ? parseStored(stored) : null;
    if (!parsed) return false;
    try {
      const key = await derive(password, parsed.salt, parsed.hash.length, parsed);
      return timingSafeEqual(key, parsed.hash);
    } catch {
      return false;
    }
  }

  /** True when a stored hash used other parameters, so login can transparently re-hash it. */
  needsRehash(stored: string): boolean {
    const parsed = parseStored(stored);
    return !parsed || parsed.N !== this.params.N || parsed.r !== this.params.r || parsed.p !== this.params.p || parsed.hash.length !== KEY_BYTES;
  }
}
