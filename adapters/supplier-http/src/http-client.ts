import http from 'node:http';
import https from 'node:https';
import type { AdapterLogger } from '@dropship/adapter-sdk';
import { AdapterError } from '@dropship/core';
import type { Clock } from '@dropship/core';
import { authHeaders } from './request-auth';
import type { HttpAuth } from './supplier-http.options';
import { assertUrlAllowed, guardedLookup } from './url-guard';

export interface HttpResult {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

export interface HttpClientOptions {
  baseUrl: string;
  auth: HttpAuth;
  timeoutMs: number;
  allowPrivateUrls: boolean;
  adapterId: string;
  clock: Clock;
  logger: AdapterLogger;
}

const MAX_BODY = 1024 * 1024;

/**
 * One request per call (no internal retries: that is the caller's policy), over keep-alive
 * agents whose DNS lookup re-applies the URL guard on every new connection. Failures become
 * AdapterErrors naming method, path and status — never the vendor's body.
 */
export class HttpClient {
  private readonly base: URL;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(private readonly o: HttpClientOptions) {
    this.base = new URL(o.baseUrl);
    const agentOptions = { keepAlive: true, maxSockets: 64, lookup: guardedLookup(o.allowPrivateUrls) };
    this.agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  /** The absolute URL of an endpoint path, under the base URL's own path. */
  url(pathAndQuery: string): URL {
    return new URL(this.base.pathname.replace(/\/+$/, '') + pathAndQuery, this.base.origin);
  }

  /** Refuses a base URL host in a private / loopback / metadata range (unless allowed). */
  checkUrl(): Promise<void> {
    return assertUrlAllowed(this.base, { allowPrivate: this.o.allowPrivateUrls, adapterId: this.o.adapterId });
  }

  async request(method: string, pathAndQuery: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResult> {
    const url = this.url(pathAndQuery);
    await assertUrlAllowed(url, { allowPrivate: this.o.allowPrivateUrls, adapterId: this.o.adapterId });
    const payload = body === undefined ? '' : JSON.stringify(body);
    const signedPath = url.pathname + url.search;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
      ...extraHeaders,
      ...authHeaders(this.o.auth, { method, pathAndQuery: signedPath, body: payload, now: this.o.clock.now() }),
    };
    const what = `${method} ${url.pathname}`;
    const started = Date.now();
    const result = await this.send(url, method, headers, payload, what);
    this.o.logger.debug({ method, path: url.pathname, status: result.status, ms: Date.now() - started }, 'supplier http call');
    return result;
  }

  /** Maps a non-2xx answer to the AdapterError the port contract names. */
  statusError(method: string, pathAndQuery: string, res: HttpResult): AdapterError {
    const what = `${method} ${this.url(pathAndQuery).pathname}`;
    const base = { adapterId: this.o.adapterId };
    const s = res.status;
    if (s === 429) {
      const retryAfterMs = this.retryAfterMs(res.headers['retry-after']);
      return new AdapterError('ADAPTER.RATE_LIMITED', `Supplier answered 429 to ${what}`, { ...base, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    }
    if (s >= 500 || s === 408) {
      // A gateway timeout in front of the supplier may hide an order that was taken.
      const outcomeUnknown = method !== 'GET' && (s === 502 || s === 504);
      return new AdapterError('ADAPTER.UNAVAILABLE', `Supplier answered ${s} to ${what}`, { ...base, retryable: true, outcomeUnknown });
    }
    if (s === 409) return new AdapterError('ADAPTER.CONFLICT', `Supplier answered 409 to ${what}`, { ...base, retryable: true });
    if (s === 401 || s === 403) return new AdapterError('ADAPTER.UNAUTHORIZED', `Supplier refused our credentials (${s}) for ${what}`, { ...base, retryable: false });
    return new AdapterError('ADAPTER.REJECTED', `Supplier answered ${s} to ${what}`, { ...base, retryable: false });
  }

  dispose(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private retryAfterMs(value: string | undefined): number | undefined {
    if (!value) return undefined;
    if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.o.clock.now().getTime());
  }

  private send(url: URL, method: string, headers: Record<string, string>, payload: string, what: string): Promise<HttpResult> {
    const lib = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? this.agents.https : this.agents.http;
    const adapterId = this.o.adapterId;
    return new Promise<HttpResult>((resolve, reject) => {
      let sent = false;
      let settled = false;
      const fail = (e: unknown, timedOut = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (e instanceof AdapterError) return reject(e.options.adapterId ? e : new AdapterError(e.code, e.message, { ...e.options, adapterId }));
        const outcomeUnknown = sent && method !== 'GET';
        const code = (e as { code?: string }).code ?? 'error';
        reject(
          timedOut
            ? new AdapterError('ADAPTER.TIMEOUT', `Supplier did not answer ${what} within ${this.o.timeoutMs} ms`, { adapterId, retryable: true, outcomeUnknown, cause: e })
            : new AdapterError('ADAPTER.UNAVAILABLE', `${what} failed (${code})`, { adapterId, retryable: true, outcomeUnknown, cause: e }),
        );
      };
      const req = lib.request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BODY) return void chunks.push(c);
          fail(Object.assign(new Error('response too large'), { code: 'ERESPONSETOOLARGE' }));
          req.destroy();
        });
        res.on('error', (e) => fail(e));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      });
      const timer = setTimeout(() => {
        fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }), true);
        req.destroy();
      }, this.o.timeoutMs);
      req.on('finish', () => (sent = true));
      req.on('error', (e) => fail(e));
      req.end(payload);
    });
  }
}
