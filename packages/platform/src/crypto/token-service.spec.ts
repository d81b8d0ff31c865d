import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenService, TOKEN_PATTERNS } from './token-service';

const tokens = createTokenService();

describe('createTokenService', () => {
  it('issues session secrets as dss_<43 base64url> with a 12-character prefix', () => {
    const { secret, prefix } = tokens.generate('session');
    expect(secret).toMatch(TOKEN_PATTERNS.session);
    expect(secret).toHaveLength(47);
    expect(prefix).toBe(secret.slice(0, 12));
    expect(Buffer.from(secret.slice(4), 'base64url')).toHaveLength(32);
  });

  it('issues API keys as dsk_<8 char id>_<43 base64url>; the prefix is dsk_<id>', () => {
    const { secret, prefix } = tokens.generate('api-key');
    expect(secret).toMatch(TOKEN_PATTERNS['api-key']);
    expect(prefix).toMatch(/^dsk_[a-z0-9]{8}$/);
    expect(secret.startsWith(`${prefix}_`)).toBe(true);
  });

  it('never repeats a secret', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => tokens.generate('api-key').secret));
    expect(seen.size).toBe(1000);
  });

  it('hashes to stable hex SHA-256, different per secret', () => {
    const { secret } = tokens.generate('session');
    const h = tokens.hash(secret);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.hash(secret)).toBe(h);
    expect(createTokenService().hash(secret)).toBe(h);
    expect(tokens.hash('dss_x')).toBe(createHash('sha256').update('dss_x').digest('hex'));
    expect(tokens.hash(`${secret}x`)).not.toBe(h);
    // Pinned vector: changing the hash breaks every stored session and key.
    expect(tokens.hash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
