import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '@dropship/core';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12; // 96-bit IV: the size GCM is specified for; longer IVs get hashed down
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Raised when a key set is invalid or a sealed value cannot be opened; never carries plaintext. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

export interface SecretBoxKeys {
  /** Every key that may still open data, by id; ids appear in the sealed value. */
  keys: Record<string, Buffer>;
  /** The key new seals use; the others only open (rotation window). */
  activeKeyId: string;
}

/** A SecretBox that can also move a value onto the active key and report which key sealed it. */
export interface RotatingSecretBox extends SecretBox {
  /** Opens and re-seals under the active key; a value already on it is verified and returned as is. */
  rotate(sealed: string, context: string): string;
  /** Key id from the header, so a rotation job can find rows still on an old key without decrypting. */
  keyIdOf(sealed: string): string;
}

/** Throws unless every id fits the sealed format and every key is exactly 32 bytes. */
export function validateSecretKeys({ keys, activeKeyId }: SecretBoxKeys): void {
  for (const [id, key] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new SecretBoxError(`Secret key id "${id}" is invalid: use 1-32 of A-Z a-z 0-9 _ -`);
    if (key.length !== KEY_BYTES) {
      throw new SecretBoxError(`Secret key "${id}" is ${key.length} bytes; AES-256 needs exactly ${KEY_BYTES} (generate one with: openssl rand -base64 32)`);
    }
  }
  if (!Object.hasOwn(keys, activeKeyId)) throw new SecretBoxError(`Active secret key id "${activeKeyId}" is not among the configured keys`);
}

/** Decodes base64url strictly: Node's decoder skips junk and unused bits, which would let an edited string still open. */
function strictB64url(part: string, what: string): Buffer {
  const buf = Buffer.from(part, 'base64url');
  if (buf.toString('base64url') !== part) throw new SecretBoxError(`Sealed value is malformed: ${what} is not canonical base64url`);
  return buf;
}

interface Parsed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parse(sealed: string): Parsed {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError(`Sealed value is malformed: expected ${VERSION}.<keyId>.<iv>.<tag>.<ciphertext>`);
  const [, keyId = '', ivPart = '', tagPart = '', ctPart = ''] = parts;
  if (!KEY_ID.test(keyId)) throw new SecretBoxError('Sealed value is malformed: bad key id');
  const iv = strictB64url(ivPart, 'iv');
  const tag = strictB64url(tagPart, 'tag');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('Sealed value is malformed: wrong iv or tag length');
  return { keyId, iv, tag, ciphertext: strictB64url(ctPart, 'ciphertext') };
}

/** AES-256-GCM with the caller's context as AAD, so a value copied to another row or column fails to open. */
export function createSecretBox(config: SecretBoxKeys): RotatingSecretBox {
  validateSecretKeys(config);
  // Copy so later mutation of the caller's record cannot swap keys underneath us.
  const keys = new Map(Object.entries(config.keys).map(([id, k]) => [id, Buffer.from(k)] as const));
  const activeKeyId = config.activeKeyId;

  const seal = (plaintext: string, context: string): string => {
    const key = keys.get(activeKeyId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, activeKeyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  };

  const open = (sealed: string, context: string): string => {
    const { keyId, iv, tag, ciphertext } = parse(sealed);
    const key = keys.get(keyId);
    if (!key) throw new SecretBoxError(`Sealed value uses unknown key id "${keyId}"; add it to DROPSHIP_SECRET_KEYS_OLD`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('Sealed value failed authentication: wrong context, wrong key or tampered data');
    }
  };

  return {
    seal,
    open,
    keyIdOf: (sealed) => parse(sealed).keyId,
    rotate(sealed, context) {
      const plaintext = open(sealed, context);
      return parse(sealed).keyId === activeKeyId ? sealed : seal(plaintext, context);
    },
  };
}
