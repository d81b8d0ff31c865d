import type { SupplierOrderAck, SupplierOrderRequest, SupplierOrderState, SupplierOrderStatus } from '@dropship/core';
import type { FieldMapping } from './supplier-http.options';

const STATUSES: readonly SupplierOrderStatus[] = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'];
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** Reads a dotted path (`a.b.0.c`); '' is the value itself. */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || UNSAFE.has(key) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Writes a dotted path, creating objects on the way (prototype keys refused). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.some((k) => UNSAFE.has(k) || k === '')) throw new Error(`field mapping path "${path}" is not allowed`);
  let cur = target;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    cur = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : (cur[key] = {});
  }
  cur[keys.at(-1)!] = value;
}

/**
 * Builds the supplier's request body: each entry maps a supplier path to one of ours.
 * `items[].qty: lines[].quantity` maps per line; a source starting with `=` is a literal.
 */
export function mapRequest(req: SupplierOrderRequest, mapping: Record<string, string> | undefined): unknown {
  if (!mapping) return req;
  const out: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(mapping)) {
    if (source.startsWith('=')) {
      setPath(out, target, source.slice(1));
      continue;
    }
    if (!source.includes('[]')) {
      const v = getPath(req, source);
      if (v !== undefined) setPath(out, target, v);
      continue;
    }
    const [srcArray, srcField = ''] = source.split('[].') as [string, string?];
    const [tgtArray, tgtField = ''] = target.split('[].') as [string, string?];
    const items = getPath(req, srcArray);
    if (!Array.isArray(items)) continue;
    let arr = getPath(out, tgtArray);
    if (!Array.isArray(arr)) setPath(out, tgtArray, (arr = []));
    items.forEach((item, i) => {
      const el = ((arr as unknown[])[i] ??= {}) as Record<string, unknown>;
      const v = getPath(item, srcField);
      if (v === undefined) return;
      if (tgtField) setPath(el, tgtField, v);
      else (arr as unknown[])[i] = v;
    });
  }
  return out;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Reads our order state from the supplier's order JSON; null when it has no supplier reference. */
export function readOrder(json: unknown, m: FieldMapping): (SupplierOrderState & { reference?: string }) | null {
  const o = m.order ?? {};
  const supplierReference = text(getPath(json, o.supplierReference ?? 'id'));
  if (!supplierReference) return null;
  const status = mapStatus(getPath(json, o.status ?? 'status'), m.statusMap);
  const number = text(getPath(json, o.trackingNumber ?? 'tracking.number'));
  const carrier = text(getPath(json, o.trackingCarrier ?? 'tracking.carrier'));
  const url = text(getPath(json, o.trackingUrl ?? 'tracking.url'));
  const reference = text(getPath(json, o.reference ?? 'reference'));
  return {
    supplierReference,
    status,
    ...(number ? { tracking: { number, carrier: carrier ?? '', url: url ?? '' } } : {}),
    ...(reference ? { reference } : {}),
  };
}

export function mapStatus(value: unknown, map: Record<string, SupplierOrderStatus> | undefined): SupplierOrderStatus {
  const v = text(value);
  if (v === undefined) return 'PENDING';
  const mapped = map && Object.hasOwn(map, v) ? map[v] : undefined;
  if (mapped) return mapped;
  const upper = v.toUpperCase() as SupplierOrderStatus;
  return STATUSES.includes(upper) ? upper : 'PENDING';
}

/** A supplier-stated refusal (out of stock, unknown SKU, other refusal) as the port's value; null when the answer is not one. */
export function readRejection(status: number, json: unknown, m: FieldMapping): Extract<SupplierOrderAck, { accepted: false }> | null {
  const r = m.rejection ?? {};
  if (!(r.statuses ?? [409, 422]).includes(status)) return null;
  const raw = text(getPath(json, r.codePath ?? 'error.code')) ?? '';
  const recognised =
    (r.codeMap && Object.hasOwn(r.codeMap, raw) ? r.codeMap[raw] : undefined) ??
    (/out.?of.?stock|insufficient|sold.?out/i.test(raw) ? 'OUT_OF_STOCK' : /unknown.?(sku|product)/i.test(raw) ? 'UNKNOWN_SKU' : undefined);
  // An unrecognised 409 is more likely "the first request with this idempotency key is still
  // running" than a refusal: leave it to the transport mapping (retryable), never fail the order.
  if (!recognised && status === 409) return null;
  const code = recognised ?? 'REJECTED';
  // The supplier's stated reason reaches the retailer: one short line, no control characters.
  const stated = text(getPath(json, r.reasonPath ?? 'error.message'));
  const reason = stated ? stated.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200) : `Supplier refused the order (${status})`;
  return { accepted: false, code, reason };
}

/** The stock feed items; entries without a SKU or a non-negative integer quantity are skipped. */
export function readStock(json: unknown, m: FieldMapping): { sku: string; quantity: number }[] {
  const s = m.stock ?? {};
  const items = getPath(json, s.items ?? 'items');
  if (!Array.isArray(items)) return [];
  const out: { sku: string; quantity: number }[] = [];
  for (const item of items) {
    const sku = text(getPath(item, s.sku ?? 'sku'));
    const quantity = Number(getPath(item, s.quantity ?? 'quantity'));
    if (sku && Number.isInteger(quantity) && quantity >= 0) out.push({ sku, quantity });
  }
  return out;
}
