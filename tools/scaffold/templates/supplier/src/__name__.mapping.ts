import type { SupplierOrderAck, SupplierOrderRequest, SupplierOrderState, SupplierOrderStatus } from '@dropship/core';

// The supplier's wire format. The generated adapter speaks this simple REST protocol out of the
// box (see README.md); to integrate a real supplier, change the types and functions marked MAP
// to its API — the gateway and the error mapping around them stay as they are.

/** MAP: the body of `POST {baseUrl}/orders`. */
export interface WireOrderRequest {
  reference: string;
  lines: { sku: string; quantity: number; unitPriceMinor: number; currency: string }[];
  shipTo: Record<string, string | undefined>;
  brandName: string;
}

/** MAP: an order as the supplier returns it (POST answer and each entry of `GET /orders`). */
export interface WireOrder {
  id: string;
  reference: string;
  status: string;
  lines: { sku: string; quantity: number }[];
  tracking?: { number: string; carrier: string; url: string };
}

/** MAP: the supplier's status names → ours. An unknown status is a bad response, not a guess. */
export const STATUS_MAP: Readonly<Record<string, SupplierOrderStatus>> = {
  pending: 'PENDING',
  confirmed: 'CONFIRMED',
  processing: 'PROCESSING',
  shipped: 'SHIPPED',
  delivered: 'DELIVERED',
  cancelled: 'CANCELLED',
  failed: 'FAILED',
};

/** MAP: the supplier's refusal codes (422 `{ error: { code, message } }`) → the port's. */
const REFUSAL_CODES: Readonly<Record<string, 'OUT_OF_STOCK' | 'UNKNOWN_SKU'>> = {
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  UNKNOWN_SKU: 'UNKNOWN_SKU',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** MAP: our supplier order → the supplier's request body. */
export function toWireOrderRequest(request: SupplierOrderRequest): WireOrderRequest {
  return {
    reference: request.reference,
    lines: request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, currency: l.currency })),
    shipTo: { ...request.shipTo },
    brandName: request.brandName,
  };
}

/** MAP: reads one supplier order; undefined when the JSON is not one. */
export function readWireOrder(json: unknown): WireOrder | undefined {
  if (!isRecord(json) || !isString(json.id) || !isString(json.reference) || !isString(json.status)) return undefined;
  const t = json.tracking;
  const tracking = isRecord(t) && isString(t.number) && isString(t.carrier) && typeof t.url === 'string' ? { number: t.number, carrier: t.carrier, url: t.url } : undefined;
  const lines = Array.isArray(json.lines) ? json.lines.filter(isRecord).map((l) => ({ sku: String(l.sku), quantity: Number(l.quantity) })) : [];
  return { id: json.id, reference: json.reference, status: json.status, lines, ...(tracking ? { tracking } : {}) };
}

/** MAP: reads the `GET /orders?reference=` answer; undefined when it is not `{ orders: [...] }`. */
export function readWireOrderList(json: unknown): WireOrder[] | undefined {
  if (!isRecord(json) || !Array.isArray(json.orders)) return undefined;
  const orders = json.orders.map(readWireOrder);
  return orders.every((o): o is WireOrder => o !== undefined) ? orders : undefined;
}

/** A supplier order as the port reports it; undefined for a status we do not know. */
export function toOrderState(order: WireOrder): SupplierOrderState | undefined {
  const status = STATUS_MAP[order.status];
  if (!status) return undefined;
  return { supplierReference: order.id, status, ...(order.tracking ? { tracking: order.tracking } : {}) };
}

/** MAP: a refusal the supplier states (422 with an error code) as the port's `accepted: false`. */
export function readRefusal(status: number, json: unknown): Extract<SupplierOrderAck, { accepted: false }> | undefined {
  if (status !== 422 || !isRecord(json) || !isRecord(json.error) || !isString(json.error.code)) return undefined;
  const code = REFUSAL_CODES[json.error.code] ?? 'REJECTED';
  const message = isString(json.error.message) ? json.error.message.slice(0, 300) : `The supplier refused the order (${json.error.code}).`;
  return { accepted: false, code, reason: message };
}

/** MAP: reads `GET /stock` (`{ items: [{ sku, quantity }], asOf? }`); undefined when malformed. */
export function readStock(json: unknown): { items: { sku: string; quantity: number }[]; asOf?: Date } | undefined {
  if (!isRecord(json) || !Array.isArray(json.items)) return undefined;
  const items: { sku: string; quantity: number }[] = [];
  for (const i of json.items) {
    if (!isRecord(i) || !isString(i.sku) || !Number.isInteger(i.quantity) || (i.quantity as number) < 0) return undefined;
    items.push({ sku: i.sku, quantity: i.quantity as number });
  }
  const asOf = typeof json.asOf === 'string' ? new Date(json.asOf) : undefined;
  return { items, ...(asOf && !Number.isNaN(asOf.getTime()) ? { asOf } : {}) };
}
