import type { JsonSchema } from '@dropship/adapter-sdk';
import type { SupplierOrderStatus } from '@dropship/core';

export type HttpAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'hmac'; keyId?: string; secret: string; header?: string; timestampHeader?: string; keyIdHeader?: string; algorithm?: 'sha256' };

/**
 * Where values live in the supplier's JSON, as dotted paths (`order.items[].qty`; `[]` once
 * per path for the order lines / feed items).
 */
export interface FieldMapping {
  /** Supplier body path → our request path (`reference`, `idempotencyKey`, `brandName`, `shipTo.*`, `lines[].sku|quantity|unitPriceMinor|currency`). Absent: our request as JSON. */
  request?: Record<string, string>;
  /** Paths in the supplier's order JSON (the placeOrder answer, the findOrder answer, a status webhook's order). */
  order?: {
    supplierReference?: string;
    reference?: string;
    status?: string;
    trackingNumber?: string;
    trackingCarrier?: string;
    trackingUrl?: string;
  };
  /** Supplier status value → our state; unmapped values read as PENDING. */
  statusMap?: Record<string, SupplierOrderStatus>;
  /** Supplier-stated refusals of an order (answered with one of `statuses`). */
  rejection?: { statuses?: number[]; codePath?: string; reasonPath?: string; codeMap?: Record<string, 'OUT_OF_STOCK' | 'UNKNOWN_SKU' | 'REJECTED'> };
  /** The stock feed: `items` is the path of the array ('' = the body is the array). */
  stock?: { items?: string; sku?: string; quantity?: string };
  /** Webhook bodies: how to tell a status event from a stock event. */
  webhook?: { eventId?: string; type?: string; statusTypes?: string[]; stockTypes?: string[]; order?: string; stockItems?: string };
}

export interface SupplierHttpOptions {
  baseUrl: string;
  auth: HttpAuth;
  endpoints: {
    placeOrder: { method?: 'POST' | 'PUT'; path: string };
    /** Path template with `{reference}` (URL-encoded); a 404 means "no such order". */
    findOrder: { path: string };
    stock?: { path: string };
  };
  fieldMapping?: FieldMapping;
  /** Header carrying our idempotency key; absent = the supplier has none → lookup before every send. */
  idempotencyHeader?: string;
  webhook?: { secret: string; signatureHeader: string; timestampHeader?: string; toleranceSeconds?: number };
  /** Status and stock polling interval for the worker. */
  pollIntervalSeconds?: number;
  timeoutMs?: number;
}

const str = { type: 'string', minLength: 1, maxLength: 2048 } as const;
const header = { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } as const;
const path = { type: 'string', pattern: '^/', maxLength: 512 } as const;
const dotted = { type: 'string', maxLength: 256 } as const;
const strMap = { type: 'object', additionalProperties: dotted, maxProperties: 100 } as const;
const closed = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties });
const statuses = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'];

export const optionsSchema: JsonSchema = closed(
  {
    baseUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
    auth: {
      oneOf: [
        closed({ type: { const: 'bearer' }, token: str }, ['type', 'token']),
        closed({ type: { const: 'basic' }, username: str, password: str }, ['type', 'username', 'password']),
        closed(
          {
            type: { const: 'hmac' },
            keyId: str,
            secret: str,
            // Defaults inside oneOf are ignored by ajv: X-Signature, X-Timestamp, X-Key-Id, sha256 (applied in code).
            header,
            timestampHeader: header,
            keyIdHeader: header,
            algorithm: { const: 'sha256' },
          },
          ['type', 'secret'],
        ),
      ],
    },
    endpoints: closed(
      {
        placeOrder: closed({ method: { enum: ['POST', 'PUT'], default: 'POST' }, path }, ['path']),
        findOrder: closed({ path: { ...path, pattern: '^/.*\\{reference\\}' } }, ['path']),
        stock: closed({ path }, ['path']),
      },
      ['placeOrder', 'findOrder'],
    ),
    fieldMapping: closed({
      request: strMap,
      order: closed(Object.fromEntries(['supplierReference', 'reference', 'status', 'trackingNumber', 'trackingCarrier', 'trackingUrl'].map((k) => [k, dotted]))),
      statusMap: { type: 'object', additionalProperties: { enum: statuses }, maxProperties: 100 },
      rejection: closed({
        statuses: { type: 'array', items: { type: 'integer', minimum: 400, maximum: 499 }, maxItems: 20 },
        codePath: dotted,
        reasonPath: dotted,
        codeMap: { type: 'object', additionalProperties: { enum: ['OUT_OF_STOCK', 'UNKNOWN_SKU', 'REJECTED'] }, maxProperties: 100 },
      }),
      stock: closed({ items: dotted, sku: dotted, quantity: dotted }),
      webhook: closed({
        eventId: dotted,
        type: dotted,
        statusTypes: { type: 'array', items: str, maxItems: 20 },
        stockTypes: { type: 'array', items: str, maxItems: 20 },
        order: dotted,
        stockItems: dotted,
      }),
    }),
    idempotencyHeader: header,
    webhook: closed(
      { secret: str, signatureHeader: header, timestampHeader: header, toleranceSeconds: { type: 'integer', minimum: 1, maximum: 3600, default: 300 } },
      ['secret', 'signatureHeader'],
    ),
    pollIntervalSeconds: { type: 'integer', minimum: 30, maximum: 86_400, default: 300 },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000, default: 10_000 },
  },
  ['baseUrl', 'auth', 'endpoints'],
);

/** Option paths holding secrets (never logged; sealed where stored). */
export const secretOptions = ['auth.token', 'auth.password', 'auth.secret', 'webhook.secret'] as const;
