import type { Knex } from 'knex';
import { conflict, type CredentialRepository, type StoredCredential } from '@dropship/core';
import { toCredential } from '../row-mappers';

/** Session tokens and API keys, stored by hash only. */
export class PostgresCredentialRepository implements CredentialRepository {
  constructor(private readonly db: Knex) {}

  async create(c: StoredCredential): Promise<void> {
    const rows = await this.db('credentials')
      .insert({
        id: c.id,
        user_id: c.userId,
        kind: c.kind,
        prefix: c.prefix,
        token_hash: c.tokenHash,
        name: c.name,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        revoked_at: c.revokedAt,
        last_used_at: c.lastUsedAt,
      })
      .onConflict()
      .ignore()
      .returning('id');
    if (!rows[0]) throw conflict('CREDENTIAL.ALREADY_EXISTS', 'Credential already exists.');
  }

  async findByHash(tokenHash: string): Promise<StoredCredential | null> {
    const r = await this.db('credentials').where({ token_hash: tokenHash }).first();
    return r ? toCredential(r) : null;
  }

  async listApiKeys(userId: string): Promise<StoredCredential[]> {
    const rows = await this.db('credentials')
      .where({ user_id: userId, kind: 'api-key' })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
    return rows.map(toCredential);
  }

  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    const n = await this.db('credentials')
      .where({ id, user_id: userId })
      .update({ revoked_at: this.db.raw('coalesce(revoked_at, ?)', [at]) });
    return n > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db('credentials').where({ id }).update({ last_used_at: at });
  }
}
