import type { Operation, Schema } from './operation';
import { operations } from './operations';
import { problem } from './schemas/common';

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input (problem+json lists every field error)',
  401: 'Missing or invalid credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found (also for another tenant’s resource)',
  409: 'State conflict',
  413: 'Body too large',
  422: 'Semantically invalid',
  429: 'Rate limited (see Retry-After)',
};

const problemResponse = (status: number) => ({
  description: STATUS_TEXT[status] ?? 'Error',
  content: { 'application/problem+json': { schema: problem } },
});

/** Path parameters and query properties become OpenAPI parameters. */
function parameters(o: Operation): object[] {
  const out: object[] = [];
  const params = (o.params?.properties ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(params)) out.push({ name, in: 'path', required: true, schema });
  const query = (o.query?.properties ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(query)) out.push({ name, in: 'query', required: false, schema });
  if (o.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: true, description: 'Unique per intended operation; a repeat with the same body replays the first response, another body is 422', schema: { type: 'string', minLength: 1, maxLength: 255 } });
  }
  return out;
}

function errorStatuses(o: Operation): number[] {
  const s = new Set<number>([400]);
  if (o.auth !== 'public') s.add(401);
  if (Array.isArray(o.auth)) s.add(403);
  if (o.params) s.add(404);
  if (o.method !== 'GET') s.add(409).add(422);
  if (o.body || o.upload) s.add(413);
  if (o.rateLimited) s.add(429);
  return [...s].sort();
}

/** The OpenAPI 3.1 document, generated from the same schemas the api validates with. */
export function buildOpenApi(info: { version: string; serverUrl?: string } = { version: '1.0.0' }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of operations) {
    const path = o.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(o.responses)) {
      responses[status] = r.schema ? { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : { description: r.description };
    }
    for (const status of errorStatuses(o)) responses[String(status)] ??= problemResponse(status);
    const roles = Array.isArray(o.auth) ? ` Roles: ${o.auth.join(', ')}.` : o.auth === 'authenticated' ? ' Any signed-in caller.' : '';
    (paths[path] ??= {})[o.method.toLowerCase()] = {
      operationId: o.id,
      summary: o.summary,
      description: `${o.summary}.${roles}`,
      tags: [o.tag],
      ...(o.auth === 'public' ? { security: [] } : {}),
      ...(parameters(o).length ? { parameters: parameters(o) } : {}),
      ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: o.body } } } } : {}),
      ...(o.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
                'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, mapping: { type: 'string' } } } },
              },
            },
          }
        : {}),
      responses,
    };
  }
  const plain = (description: string, schema: object = { type: 'object' }) => ({ get: { summary: description, tags: ['Operations'], security: [], responses: { 200: { description, content: { 'application/json': { schema } } } } } });
  paths['/health'] = plain('Process is alive', { type: 'object', properties: { status: { type: 'string' } } });
  paths['/ready'] = plain('Database and queue are reachable (503 otherwise)');
  paths['/metrics'] = { get: { summary: 'Prometheus metrics', tags: ['Operations'], security: [], responses: { 200: { description: 'text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } } } };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Dropship Platform API',
      version: info.version,
      description: 'Suppliers, retailers, catalog, orders and settlement. Errors are RFC 9457 problem+json with a stable `code`. Money is a decimal string.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A session token from /api/auth/login or an API key' } },
      schemas: { Problem: problem },
    },
    paths,
  };
}
