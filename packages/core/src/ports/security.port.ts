/** Password hashing (scrypt/argon2 in the platform). `verify` must be constant-time. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** Random secrets (session tokens, API keys) and their one-way hashes for storage. */
export interface TokenService {
  /** A new random secret with a readable prefix (`dsk_live_…`). */
  generate(kind: 'session' | 'api-key'): { secret: string; prefix: string };
  /** Deterministic hash used to look the secret up; the secret itself is never stored. */
  hash(secret: string): string;
}

/**
 * Encryption at rest for secrets and personal data (AES-256-GCM in the platform). The `context`
 * (tenant + column) is bound as associated data, so a ciphertext moved to another row fails.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}
