import type { Knex } from 'knex';
import type { IdempotencyRecord, IdempotencyRepository, IdempotencyScope } from '@dropship/core';
import type { Row } from '../row-mappers';

const where = (s: IdempotencyScope) => ({ tenant: s.tenant, principal: s.principal, route: s.route, key: s.key });

const toRecord = (r: Row): IdempotencyRecord => ({
  tenant: r.tenant,
  principal: r.principal,
  route: r.route,
  key: r.key,
  requestHash: r.request_hash,
  state: r.state,
  response: r.state === 'DONE' ? { status: Number(r.response_status), headers: r.response_headers ?? {}, body: r.response_body } : null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Idempotency keys: one row per (tenant, principal, route, key); the INSERT's conflict picks the winner. */
export class PostgresIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Knex) {}

  async begin(scope: IdempotencyScope, requestHash: string, at: Date, staleBefore: Date): Promise<{ won: true } | { won: false; record: IdempotencyRecord }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      // ON CONFLICT … DO UPDATE … WHERE: only a stale IN_PROGRESS row is taken over, by exactly one caller.
      const won = await this.db.raw(
        `INSERT INTO idempotency_keys (tenant, principal, route, key, request_hash, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)
         ON CONFLICT (tenant, principal, route, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
         WHERE idempotency_keys.state = 'IN_PROGRESS' AND idempotency_keys.updated_at < ?
         RETURNING tenant`,
        [scope.tenant, scope.principal, scope.route, scope.key, requestHash, at, at, staleBefore],
      );
      if ((won.rows ?? []).length === 1) return { won: true };
      const record = await this.find(scope);
      if (record) return { won: false, record };
      // The owner abandoned it between our INSERT and SELECT: try to claim it again.
    }
    throw new Error('idempotency key kept changing while claiming it');
  }

  async complete(scope: IdempotencyScope, response: { status: number; headers: Readonly<Record<string, string>>; body: string }, at: Date): Promise<void> {
    await this.db('idempotency_keys')
      .where(where(scope))
      .update({ state: 'DONE', response_status: response.status, response_headers: JSON.stringify(response.headers), response_body: response.body, updated_at: at });
  }

  async abandon(scope: IdempotencyScope): Promise<void> {
    await this.db('idempotency_keys').where({ ...where(scope), state: 'IN_PROGRESS' }).delete();
  }

  async find(scope: IdempotencyScope): Promise<IdempotencyRecord | null> {
    const r = await this.db('idempotency_keys').where(where(scope)).first();
    return r ? toRecord(r) : null;
  }
}
