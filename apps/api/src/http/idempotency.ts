import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import type { Operation } from '@dropship/api-contract';
import type { IdempotencyRecord, IdempotencyScope, Principal } from '@dropship/core';
import type { Platform } from '@dropship/platform';
import type { Reply } from './context';
import { HttpProblem, toProblem } from './problem';

/** A response as stored and replayed: status, the headers that matter, and the exact body bytes. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
/** An IN_PROGRESS record untouched this long belongs to a dead process and may be taken over. */
const STALE_MS = 120_000;

/**
 * `Idempotency-Key` for creating POSTs (RELIABILITY.md IDK-1…5). The key is claimed in the database
 * before the handler runs (exactly one caller wins); the first response — success or domain error —
 * is stored byte for byte and replayed for the same key and body. Another body with the key is a 422;
 * a request that arrives while the first is still running waits for it (up to `waitMs`) and then
 * replays, or answers 409. An unexpected failure (500) releases the key so a retry runs again.
 * Keys are scoped by tenant + principal + route, so nobody can read another tenant's response.
 */
export class IdempotencyGate {
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly platform: Platform,
    private readonly waitMs = Number(platform.env.DROPSHIP_IDEMPOTENCY_WAIT_MS ?? 5_000),
  ) {}

  async run(ctx: Context, o: Operation, principal: Principal, raw: Buffer, execute: () => Promise<Reply>): Promise<StoredResponse & { replayed: boolean }> {
    const key = ctx.get('idempotency-key');
    if (!key) throw new HttpProblem(400, 'IDEMPOTENCY.KEY_REQUIRED', 'Send an Idempotency-Key header (a unique value per intended operation, e.g. a UUID).', [{ path: 'header/Idempotency-Key', message: 'is required' }]);
    if (!KEY.test(key)) throw new HttpProblem(400, 'IDEMPOTENCY.KEY_INVALID', 'The Idempotency-Key must be 1 to 255 visible ASCII characters.', [{ path: 'header/Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
    const scope: IdempotencyScope = { tenant: principal.retailerId ?? principal.supplierId ?? 'platform', principal: principal.userId, route: `${o.method} ${o.path}`, key };
    const hash = createHash('sha256').update(`${ctx.method} ${ctx.path}\n`).update(raw).digest('hex');
    const repo = this.platform.persistence.repos.idempotency;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const now = this.platform.clock.now();
      const claim = await repo.begin(scope, hash, now, new Date(now.getTime() - STALE_MS));
      if (claim.won) return { ...(await this.execute(scope, ctx, execute)), replayed: false };
      const done = await this.waitForOutcome(scope, claim.record, hash, deadline);
      if (done) return { ...done, replayed: true };
      // The first attempt failed unexpectedly and released the key: claim it again.
    }
  }

  private async execute(scope: IdempotencyScope, ctx: Context, execute: () => Promise<Reply>): Promise<StoredResponse> {
    const repo = this.platform.persistence.repos.idempotency;
    let release!: () => void;
    const id = JSON.stringify(scope);
    this.inflight.set(id, new Promise<void>((r) => (release = r)));
    try {
      let stored: StoredResponse;
      try {
        const reply = await execute();
        stored = {
          status: reply.status ?? 200,
          headers: { ...(reply.headers ?? {}), 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(reply.body ?? null),
        };
      } catch (e) {
        const { problem, headers, unexpected } = toProblem(e);
        if (unexpected) {
          await repo.abandon(scope).catch(() => undefined);
          throw e;
        }
        stored = { status: problem.status, headers: { ...headers, 'content-type': 'application/problem+json' }, body: JSON.stringify({ ...problem, requestId: ctx.state.requestId as string }) };
      }
      await repo.complete(scope, stored, this.platform.clock.now());
      return stored;
    } finally {
      this.inflight.delete(id);
      release();
    }
  }

  /** The stored response once the first request finished; null when it gave the key up. */
  private async waitForOutcome(scope: IdempotencyScope, first: IdempotencyRecord, hash: string, deadline: number): Promise<StoredResponse | null> {
    let record: IdempotencyRecord | null = first;
    let pause = 20;
    for (;;) {
      if (!record) return null;
      if (record.requestHash !== hash) {
        throw new HttpProblem(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request; use a new key for a new operation.');
      }
      if (record.state === 'DONE' && record.response) return record.response;
      const left = deadline - Date.now();
      if (left <= 0) throw new HttpProblem(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry later.', [], { 'Retry-After': '1' });
      // Same process: wake when the first request finishes; another process: poll with backoff.
      const local = this.inflight.get(JSON.stringify(scope));
      let timer: NodeJS.Timeout | undefined;
      const nap = new Promise<void>((r) => (timer = setTimeout(r, local ? left : Math.min(left, pause))));
      await (local ? Promise.race([local, nap]) : nap);
      clearTimeout(timer);
      pause = Math.min(250, Math.round(pause * 1.5));
      record = await this.platform.persistence.repos.idempotency.find(scope);
    }
  }
}
