import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { TokenService } from '@dropship/core';

const SECRET_BYTES = 32; // 256 bits → 43 base64url characters
const PREFIX_LENGTH = 12;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lowercase alphanumerics only, so the `_` separators of an API key stay unambiguous. */
function keyId(length: number): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Shapes of the secrets we issue; useful to reject obvious garbage before a database lookup. */
export const TOKEN_PATTERNS = {
  session: /^dss_[A-Za-z0-9_-]{43}$/,
  'api-key': /^dsk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/,
} as const;

/** Session secrets `dss_…` and API keys `dsk_<id>_…`; only the prefix (for display) and hash are stored. */
export function createTokenService(): TokenService {
  return {
    generate(kind) {
      const body = randomBytes(SECRET_BYTES).toString('base64url');
      const secret = kind === 'session' ? `dss_${body}` : `dsk_${keyId(8)}_${body}`;
      // For API keys the prefix is exactly `dsk_<id>`, which identifies the key in lists and logs.
      return { secret, prefix: secret.slice(0, PREFIX_LENGTH) };
    },
    hash(secret) {
      // Plain SHA-256, not scrypt: these secrets carry 256 random bits, so there is nothing to brute-force
      // and no dictionary to slow down; a fast deterministic hash allows an indexed lookup on every request.
      return createHash('sha256').update(secret, 'utf8').digest('hex');
    },
  };
}
