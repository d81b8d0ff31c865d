import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@dropship/core';
import type { SupplierEvent } from '@dropship/core';
import { getPath, readOrder, readStock } from './field-mapping';
import type { FieldMapping, SupplierHttpOptions } from './supplier-http.options';

type WebhookConfig = NonNullable<SupplierHttpOptions['webhook']>;

export const invalidWebhook = (message: string) => new DomainError('WEBHOOK.INVALID_SIGNATURE', 'unauthorized', message);

/**
 * The bytes a supplier signs: `<timestamp>.<raw body>` when a timestamp header is configured,
 * else the raw body. Signature = lowercase hex HMAC-SHA256 with the webhook secret, optionally
 * prefixed `sha256=`.
 */
export function webhookSigningInput(body: Uint8Array, timestamp?: string): Buffer {
  return timestamp === undefined ? Buffer.from(body) : Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

export function signWebhookBody(secret: string, body: Uint8Array, timestamp?: string): string {
  return createHmac('sha256', secret).update(webhookSigningInput(body, timestamp)).digest('hex');
}

/** Checks signature (constant time) and freshness over the raw bytes; throws WEBHOOK.INVALID_SIGNATURE. */
export function verifyWebhook(raw: { headers: Readonly<Record<string, string>>; body: Uint8Array }, cfg: WebhookConfig, now: Date): void {
  const headers = new Map(Object.entries(raw.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  let timestamp: string | undefined;
  if (cfg.timestampHeader) {
    timestamp = headers.get(cfg.timestampHeader.toLowerCase());
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw invalidWebhook('Missing or malformed webhook timestamp.');
    const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
    if (skew > (cfg.toleranceSeconds ?? 300)) throw invalidWebhook('Stale webhook timestamp.');
  }
  const given = (headers.get(cfg.signatureHeader.toLowerCase()) ?? '').trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) throw invalidWebhook('Missing or malformed webhook signature.');
  const expected = createHmac('sha256', cfg.secret).update(webhookSigningInput(raw.body, timestamp)).digest();
  if (!timingSafeEqual(Buffer.from(given, 'hex'), expected)) throw invalidWebhook('Webhook signature does not match.');
}

/**
 * Parses a verified body: one event object or an array of them. Events of unknown types, and
 * status events without our reference, are skipped (the supplier may send more than we use).
 */
export function parseWebhookEvents(body: Uint8Array, m: FieldMapping, now: Date): SupplierEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw invalidWebhook('Webhook body is not JSON.');
  }
  const w = m.webhook ?? {};
  const statusTypes = w.statusTypes ?? ['order.updated', 'order.status_changed', 'order.shipped'];
  const stockTypes = w.stockTypes ?? ['stock.updated'];
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 32);
  const list = Array.isArray(json) ? json : [json];
  const events: SupplierEvent[] = [];
  list.forEach((e, i) => {
    const type = getPath(e, w.type ?? 'type');
    const id = getPath(e, w.eventId ?? 'id');
    const eventId = typeof id === 'string' || typeof id === 'number' ? String(id) : `sha256:${digest}:${i}`;
    if (typeof type === 'string' && statusTypes.includes(type)) {
      const state = readOrder(getPath(e, w.order ?? 'order'), m);
      if (!state?.reference) return;
      const { reference, ...rest } = state;
      events.push({ kind: 'status', eventId, reference, state: rest });
    } else if (typeof type === 'string' && stockTypes.includes(type)) {
      const items = readStock(e, { ...m, stock: { ...m.stock, items: w.stockItems ?? 'items' } });
      events.push({ kind: 'stock', eventId, items, asOf: now });
    }
  });
  return events;
}
