import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from './secret-box';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ctx = 'supplier:0190-aaaa:integration';

/** Re-encodes the sealed value with one byte of one binary part flipped. */
function flip(sealed: string, part: 2 | 3 | 4, index: number): string {
  const parts = sealed.split('.');
  const buf = Buffer.from(parts[part]!, 'base64url');
  buf[index] = buf[index]! ^ 0x01;
  parts[part] = buf.toString('base64url');
  return parts.join('.');
}

describe('createSecretBox', () => {
  const box = createSecretBox({ keys: { k1 }, activeKeyId: 'k1' });

  it('round-trips text, including empty and non-ASCII strings', () => {
    for (const text of ['shpat_0123456789abcdef', '', 'Zoë — 東京 🚚']) {
      const sealed = box.seal(text, ctx);
      expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
      expect(sealed).not.toContain(text || '\u0000');
      expect(box.open(sealed, ctx)).toBe(text);
    }
  });

  it('uses a fresh IV per seal', () => {
    expect(box.seal('same', ctx)).not.toBe(box.seal('same', ctx));
  });

  it('fails on a single flipped byte anywhere in iv, tag or ciphertext', () => {
    const sealed = box.seal('a secret token value', ctx);
    const lengths = { 2: 12, 3: 16, 4: Buffer.from(sealed.split('.')[4]!, 'base64url').length } as const;
    for (const part of [2, 3, 4] as const) {
      for (let i = 0; i < lengths[part]; i++) {
        expect(() => box.open(flip(sealed, part, i), ctx)).toThrow(SecretBoxError);
      }
    }
  });

  it('rejects non-canonical encodings and malformed values with a clear error', () => {
    const sealed = box.seal('x', ctx);
    const parts = sealed.split('.');
    const tag = parts[3]!;
    // The last base64url char of a 16-byte tag carries 4 unused bits; editing them must not pass.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const alt = tag.slice(0, -1) + alphabet[alphabet.indexOf(tag.at(-1)!) ^ 1];
    expect(Buffer.from(alt, 'base64url').equals(Buffer.from(tag, 'base64url'))).toBe(true);
    expect(() => box.open([...parts.slice(0, 3), alt, parts[4]].join('.'), ctx)).toThrow(/canonical/);
    expect(() => box.open(sealed.replace(`.${tag}.`, `.${tag}=.`), ctx)).toThrow(/canonical/);
    expect(() => box.open('garbage', ctx)).toThrow(/malformed/);
    expect(() => box.open(sealed.replace('v1.', 'v2.'), ctx)).toThrow(/malformed/);
    expect(() => box.open(`${sealed}.x`, ctx)).toThrow(/malformed/);
    expect(() => box.open(sealed.replace('.k1.', '.k9.'), ctx)).toThrow(/unknown key id "k9"/);
  });

  it('fails when the ciphertext is moved to another context (row or column)', () => {
    const sealed = box.seal('token', ctx);
    expect(() => box.open(sealed, 'supplier:0190-bbbb:integration')).toThrow(/authentication/);
    expect(() => box.open(sealed, `${ctx}:x`)).toThrow(SecretBoxError);
  });

  it('fails with a different key under the same id', () => {
    const other = createSecretBox({ keys: { k1: k2 }, activeKeyId: 'k1' });
    expect(() => other.open(box.seal('token', ctx), ctx)).toThrow(/authentication/);
  });

  it('rotates: old ciphertexts still open, rotate re-seals under the active key', () => {
    const old = box.seal('token-1', ctx);
    const rotated = createSecretBox({ keys: { k1, k2 }, activeKeyId: 'k2' });
    expect(rotated.open(old, ctx)).toBe('token-1');
    expect(rotated.keyIdOf(old)).toBe('k1');
    const resealed = rotated.rotate(old, ctx);
    expect(rotated.keyIdOf(resealed)).toBe('k2');
    expect(rotated.open(resealed, ctx)).toBe('token-1');
    expect(rotated.rotate(resealed, ctx)).toBe(resealed);
    expect(() => rotated.rotate(old, 'other:context')).toThrow(SecretBoxError);
    expect(rotated.keyIdOf(rotated.seal('new', ctx))).toBe('k2');
    // After the old key is retired, only re-sealed values open.
    const retired = createSecretBox({ keys: { k2 }, activeKeyId: 'k2' });
    expect(retired.open(resealed, ctx)).toBe('token-1');
    expect(() => retired.open(old, ctx)).toThrow(/unknown key id/);
  });

  it('validates keys and ids', () => {
    expect(() => createSecretBox({ keys: { k1: randomBytes(16) }, activeKeyId: 'k1' })).toThrow(/16 bytes.*32/);
    expect(() => createSecretBox({ keys: { k1: randomBytes(33) }, activeKeyId: 'k1' })).toThrow(SecretBoxError);
    expect(() => createSecretBox({ keys: { k1 }, activeKeyId: 'k2' })).toThrow(/not among/);
    expect(() => createSecretBox({ keys: { 'bad.id': k1 }, activeKeyId: 'bad.id' })).toThrow(/invalid/);
  });
});
