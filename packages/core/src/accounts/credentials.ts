/** A session token or API key, as stored: only its hash, never the secret itself. */
export interface StoredCredential {
  readonly id: string;
  readonly userId: string;
  readonly kind: 'session' | 'api-key';
  /** First characters of the secret, shown in lists so people can tell keys apart. */
  readonly prefix: string;
  readonly tokenHash: string;
  readonly name: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export function isCredentialUsable(c: StoredCredential, now: Date): boolean {
  return c.revokedAt === null && (c.expiresAt === null || c.expiresAt.getTime() > now.getTime());
}
