import type { Principal } from '@dropship/core';
import type { Platform } from '@dropship/platform';
import type { Context } from 'koa';
import type { TtlCache } from './ttl-cache';

/** What a route handler receives: validated input and the caller. */
// Inputs are validated against the operation's JSON Schema before a handler runs; handlers narrow them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface HandlerInput<P = any, Q = any, B = any> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal | null;
  readonly token: string | null;
  readonly requestId: string;
  readonly ctx: Context;
}

export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Shared by every handler: the platform's services plus api-local caches. */
export interface ApiDeps {
  readonly platform: Platform;
  readonly caches: {
    readonly search: TtlCache<unknown>;
    readonly suppliers: TtlCache<{ companyName: string; slug: string; stockBufferPercent: number; status: string } | null>;
  };
}

export type Handler = (input: HandlerInput, deps: ApiDeps) => Promise<Reply>;
