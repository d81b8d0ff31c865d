import { describe, expect, it } from 'vitest';
import { ScryptPasswordHasher } from './password-hasher';

// Cheap parameters keep the suite fast; one test below exercises the OWASP defaults.
const hasher = new ScryptPasswordHasher({ N: 2 ** 14 });

describe('ScryptPasswordHasher', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('encodes the parameters, a 16-byte salt and a 64-byte key', async () => {
    const stored = await hasher.hash('pw');
    const [alg, N, r, p, salt, hash] = stored.split('$');
    expect([alg, N, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(64);
    expect(await hasher.hash('pw')).not.toBe(stored);
  });

  it('verifies hashes made with other parameters (costs can change later)', async () => {
    const old = await new ScryptPasswordHasher({ N: 2 ** 12, r: 4 }).hash('pw');
    expect(await hasher.verify('pw', old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
  });

  it('normalises Unicode so composed and decomposed input match', async () => {
    const stored = await hasher.hash('caf\u00e9');
    expect(await hasher.verify('cafe\u0301', stored)).toBe(true);
  });

  it('returns false (never throws) for malformed stored values', async () => {
    const good = await hasher.hash('pw');
    const salt = Buffer.alloc(16).toString('base64');
    const key = Buffer.alloc(64).toString('base64');
    const bad = [
      '',
      'plaintext-password',
      'bcrypt$2b$10$abc',
      good.replace('scrypt$', 'scrypt2$'),
      good.replace('$16384$', '$1000$'), // not a power of two
      `scrypt$${2 ** 30}$8$1$${salt}$${key}`, // would need 128 GiB
      `scrypt$16384$0$1$${salt}$${key}`,
      `scrypt$16384$8$1$!!!$${key}`,
      `scrypt$16384$8$1$${salt}$`,
      `${good}$extra`,
      null as unknown as string,
    ];
    for (const stored of bad) expect(await hasher.verify('pw', stored)).toBe(false);
  });

  it('rejects invalid construction parameters', () => {
    expect(() => new ScryptPasswordHasher({ N: 1000 })).toThrow(/power of two/);
    expect(() => new ScryptPasswordHasher({ r: 0 })).toThrow();
  });

  it('defaults to OWASP parameters (N=2^17, r=8, p=1) and they work despite the 32 MiB maxmem default', async () => {
    const strong = new ScryptPasswordHasher();
    expect(strong.params).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await strong.hash('pw');
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await strong.verify('pw', stored)).toBe(true);
  });
});
