import type { Clock } from '@dropship/core';
import { AdapterError } from '@dropship/adapter-sdk';
import { assertUrlAllowed } from './url-guard';

export interface RestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

export interface RestClientOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly adapterId: string;
  readonly allowPrivateUrls: boolean;
  readonly clock: Clock;
}

// Errors that mean the request never left this machine: safe to treat as "nothing happened".
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One HTTP request per call (no internal retries: retry, backoff and dead-lettering are the
 * caller's policy). Every failure becomes the AdapterError the Supplier port names; messages
 * carry method, path and status — never the supplier's body or our API key.
 */
export class RestClient {
  constructor(private readonly o: RestClientOptions) {}

  /** `{baseUrl}{pathAndQuery}`, keeping the base URL's own path. */
  url(pathAndQuery: string): URL {
    return new URL(this.o.baseUrl.replace(/\/+$/, '') + pathAndQuery);
  }

  async request(method: 'GET' | 'POST', pathAndQuery: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<RestResponse> {
    const url = this.url(pathAndQuery);
    await assertUrlAllowed(url, this.o.allowPrivateUrls, this.o.adapterId);
    const what = `${method} ${url.pathname}`;
    try {
      const res = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.o.apiKey}`,
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...opts.headers,
        },
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
        signal: AbortSignal.timeout(this.o.timeoutMs),
        redirect: 'error', // a redirect could lead past the URL guard
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, json };
    } catch (e) {
      throw this.transportError(e, method, what);
    }
  }

  /** Maps a non-2xx answer to the AdapterError the port contract names. */
  statusError(method: string, pathAndQuery: string, res: RestResponse): AdapterError {
    const what = `${method} ${this.url(pathAndQuery).pathname}`;
    const adapterId = this.o.adapterId;
    const s = res.status;
    if (s === 429) {
      const retryAfterMs = this.retryAfterMs(res.headers.get('retry-after'));
      return new AdapterError('ADAPTER.RATE_LIMITED', `Supplier answered 429 to ${what}`, { adapterId, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    }
    if (s >= 500 || s === 408) {
      // A gateway timeout in front of the supplier may hide an order that was taken.
      const outcomeUnknown = method !== 'GET' && (s === 502 || s === 504);
      return new AdapterError('ADAPTER.UNAVAILABLE', `Supplier answered ${s} to ${what}`, { adapterId, retryable: true, outcomeUnknown });
    }
    // The key's first request is still running at the supplier: try again later.
    if (s === 409) return new AdapterError('ADAPTER.CONFLICT', `Supplier answered 409 to ${what}`, { adapterId, retryable: true });
    if (s === 401 || s === 403) return new AdapterError('ADAPTER.UNAUTHORIZED', `Supplier refused our credentials (${s}) for ${what}`, { adapterId, retryable: false });
    return new AdapterError('ADAPTER.REJECTED', `Supplier answered ${s} to ${what}`, { adapterId, retryable: false });
  }

  private transportError(e: unknown, method: string, what: string): AdapterError {
    if (e instanceof AdapterError) return e;
    const adapterId = this.o.adapterId;
    const name = (e as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      // The supplier may have taken the order and not answered yet: the caller reconciles.
      return new AdapterError('ADAPTER.TIMEOUT', `Supplier did not answer ${what} within ${this.o.timeoutMs} ms`, { adapterId, retryable: true, outcomeUnknown: method !== 'GET', cause: e });
    }
    const code = (e as { cause?: { code?: string } }).cause?.code ?? 'error';
    const outcomeUnknown = method !== 'GET' && !NOT_SENT.has(code);
    return new AdapterError('ADAPTER.UNAVAILABLE', `${what} failed (${code})`, { adapterId, retryable: true, outcomeUnknown, cause: e });
  }

  private retryAfterMs(value: string | null): number | undefined {
    if (!value) return undefined;
    if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.o.clock.now().getTime());
  }
}
