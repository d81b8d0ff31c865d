import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Koa, { type Context } from 'koa';
import Router from '@koa/router';
import { buildOpenApi, operations, type Operation } from '@dropship/api-contract';
import { forbidden, unauthorized, type Principal } from '@dropship/core';
import type { Platform } from '@dropship/platform';
import { parseJson, readBody } from './http/body';
import type { ApiDeps, Handler } from './http/context';
import { renderDocs } from './http/docs-page';
import { createMetrics, type Metrics } from './http/metrics';
import { IdempotencyGate } from './http/idempotency';
import { HttpProblem, problem, toProblem } from './http/problem';
import { RateLimiter } from './http/rate-limit';
import { TtlCache } from './http/ttl-cache';
import { compileOperation } from './http/validate';
import { accountHandlers } from './routes/accounts.routes';
import { catalogHandlers, createSearchCache } from './routes/catalog.routes';
import { onboardingHandlers } from './routes/onboarding.routes';
import { notificationHandlers } from './routes/notifications.routes';
import { orderHandlers } from './routes/orders.routes';
import { supplierCatalogHandlers } from './routes/supplier-catalog.routes';

/** Every operation of the contract must have exactly one handler (checked at start and in tests). */
export const handlers: Readonly<Record<string, Handler>> = { ...accountHandlers, ...onboardingHandlers, ...catalogHandlers, ...supplierCatalogHandlers, ...orderHandlers, ...notificationHandlers };

const DEFAULT_SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../admin/dist');
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2' };

export interface ApiApp {
  readonly app: Koa;
  readonly metrics: Metrics;
  readonly deps: ApiDeps;
}

/** Builds the Koa application: ops endpoints, the contract's routes, the docs, and the site on `/`. */
export function createApiApp(platform: Platform, opts: { siteDir?: string } = {}): ApiApp {
  const missing = operations.filter((o) => !handlers[o.id]).map((o) => o.id);
  if (missing.length) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  const log = platform.logger.child({ component: 'api' });
  const metrics = createMetrics();
  const deps: ApiDeps = { platform, caches: { search: createSearchCache(), suppliers: new TtlCache(5_000, 10_000) } };
  const limiter = new RateLimiter(platform.config.rateLimitAuthPerMinute);
  const idempotency = new IdempotencyGate(platform);
  const openapi = buildOpenApi({ version: '1.0.0' });
  const openapiJson = JSON.stringify(openapi);
  const docsHtml = renderDocs(openapi);
  const siteDir = opts.siteDir ?? DEFAULT_SITE_DIR;
  const app = new Koa({ proxy: process.env.DROPSHIP_TRUST_PROXY === '1' });
  app.silent = true;

  app.use(async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new HttpProblem(404, 'ROUTE.NOT_FOUND', `No endpoint ${ctx.method} ${ctx.path}; see /api/docs.`);
      }
    } catch (e) {
      const { problem: p, headers, unexpected } = toProblem(e);
      if (unexpected) log.error({ err: e, requestId, method: ctx.method, path: ctx.path }, 'unhandled error');
      ctx.status = p.status;
      ctx.set(headers);
      if (p.status === 401) ctx.set('WWW-Authenticate', 'Bearer');
      ctx.type = 'application/problem+json';
      ctx.body = { ...p, requestId };
    }
    const route = (ctx.state.route as string | undefined) ?? (ctx.path.startsWith('/api/') ? 'unmatched' : 'site');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.requests.inc({ method: ctx.method, route, status: String(ctx.status) });
    metrics.duration.observe({ method: ctx.method, route }, seconds);
    if (ctx.status >= 500) log.warn({ requestId, method: ctx.method, path: ctx.path, status: ctx.status, ms: seconds * 1000 }, 'request failed');
    else log.debug({ requestId, method: ctx.method, path: ctx.path, status: ctx.status, ms: seconds * 1000 }, 'request');
  });

  const router = new Router();
  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  });
  router.get('/ready', async (ctx) => {
    const [database, queue] = await Promise.all([platform.persistence.ping().catch(() => false), platform.bus.ping().catch(() => false)]);
    ctx.status = database && queue && platform.lifecycle.status === 'running' ? 200 : 503;
    ctx.body = { status: ctx.status === 200 ? 'ready' : 'not-ready', database, queue, engine: platform.persistence.engine, lifecycle: platform.lifecycle.status };
  });
  router.get('/metrics', async (ctx) => {
    metrics.outboxPending.set(await platform.persistence.repos.outbox.pendingCount().catch(() => -1));
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  router.get('/api/openapi.json', (ctx) => {
    ctx.type = 'application/json';
    ctx.body = openapiJson;
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'text/html';
    ctx.body = docsHtml;
  });
  for (const o of operations) register(router, o, handlers[o.id]!, deps, limiter, idempotency);
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true, methodNotAllowed: () => new HttpProblem(405, 'ROUTE.METHOD_NOT_ALLOWED', 'This endpoint does not take that method.') }));
  app.use((ctx) => serveSite(ctx, siteDir));
  return { app, metrics, deps };
}

function register(router: Router, o: Operation, handler: Handler, deps: ApiDeps, limiter: RateLimiter, idempotency: IdempotencyGate): void {
  const compiled = compileOperation(o);
  const method = o.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](o.path, async (ctx) => {
    ctx.state.route = o.path;
    if (o.rateLimited) limiter.hit(ctx.ip);
    const token = bearer(ctx);
    const principal = o.auth === 'public' && !token ? null : await authenticate(deps, token, o);
    const raw = !o.upload && o.method !== 'GET' ? await readBody(ctx.req, deps.platform.config.bodyLimitBytes) : undefined;
    const run = async () => {
      const params = compiled.params(ctx.params);
      const query = compiled.query(ctx.query);
      let body: unknown;
      if (raw !== undefined) {
        if (raw.length > 0 && !/^application\/(.+\+)?json\b/.test(ctx.get('content-type'))) {
          throw new HttpProblem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
        }
        body = compiled.body(parseJson(raw));
      }
      return handler({ params, query, body, principal, token, requestId: ctx.state.requestId as string, ctx }, deps);
    };
    if (o.idempotent && principal) {
      // The first response is replayed byte for byte: send the stored bytes, not a re-serialisation.
      const stored = await idempotency.run(ctx, o, principal, raw ?? Buffer.alloc(0), run);
      ctx.status = stored.status;
      ctx.set(stored.headers);
      if (stored.replayed) ctx.set('Idempotent-Replayed', 'true');
      ctx.body = stored.body;
      return;
    }
    const reply = await run();
    if (reply.headers) ctx.set(reply.headers);
    ctx.status = reply.status ?? 200;
    if (reply.body !== undefined) ctx.body = reply.body;
  });
}

function bearer(ctx: Context): string | null {
  const h = ctx.get('authorization');
  const m = /^Bearer\s+(\S{10,512})$/i.exec(h);
  return m ? m[1]! : null;
}

/** Resolves the caller; public routes accept anonymous callers, others need a token and a permitted role. */
async function authenticate(deps: ApiDeps, token: string | null, o: Operation): Promise<Principal | null> {
  const principal = token ? await deps.platform.services.accounts.authenticate(token) : null;
  if (o.auth === 'public') return principal;
  if (!principal) throw unauthorized(token ? 'The token is invalid, expired or revoked.' : 'Sign in: send Authorization: Bearer <token or API key>.');
  if (Array.isArray(o.auth) && !o.auth.includes(principal.role)) throw forbidden(`This endpoint is for ${o.auth.join(' or ')} accounts.`);
  return principal;
}

/** Gzipped site files, keyed by path and modification time (the build replaces files in place). */
const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** The site: static files from apps/admin, and index.html for client-side routes. */
function serveSite(ctx: Context, siteDir: string): void {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  if (ctx.path.startsWith('/api/')) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ctx.path);
  } catch {
    throw new HttpProblem(400, 'REQUEST.MALFORMED_PATH', 'The path is not valid percent-encoding.');
  }
  const rel = path.normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(siteDir, rel);
  if (!file.startsWith(siteDir)) return;
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(siteDir, 'index.html');
  if (!existsSync(file)) {
    ctx.status = 404;
    ctx.type = 'application/problem+json';
    ctx.body = problem(404, 'ROUTE.NOT_FOUND', 'The site is not built.');
    return;
  }
  const ext = path.extname(file);
  ctx.type = MIME[ext] ?? 'application/octet-stream';
  ctx.set('Cache-Control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
  ctx.vary('Accept-Encoding');
  if (COMPRESSIBLE.has(ext) && ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    const { mtimeMs } = statSync(file);
    let cached = gzipCache.get(file);
    if (!cached || cached.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, body: gzipSync(readFileSync(file)) };
      gzipCache.set(file, cached);
    }
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = cached.body;
    return;
  }
  ctx.body = readFileSync(file);
}
