import type { TrackingInfo } from './store-channel.port';

/**
 * How orders reach a supplier and how its stock and shipments come back. One instance per
 * supplier integration (`supplier-portal`, `supplier-http`, …).
 *
 * Contract (adapter-testkit `describeSupplierContract`):
 * - `placeOrder` is idempotent by `request.idempotencyKey` (`dispatch:<supplierOrderId>`): a repeat
 *   returns the first acceptance and never creates a second supplier-side order. When the supplier
 *   has no idempotency support the adapter asks `findOrder(reference)` before every send
 *   (lookup-before-resend, RELIABILITY DSP-2) and returns the existing order's acceptance.
 * - One call is one attempt: adapters do not retry internally; retry, backoff and dead-lettering
 *   are the caller's business, driven by the AdapterError below.
 * - A timeout (or reset) after the request was sent throws AdapterError `ADAPTER.TIMEOUT` with
 *   `retryable: true, outcomeUnknown: true`; the caller reconciles with `findOrder` before any
 *   resend.
 * - Supplier 5xx / unreachable → `ADAPTER.UNAVAILABLE`, retryable. Throttling (429) →
 *   `ADAPTER.RATE_LIMITED`, retryable, `retryAfterMs` from `Retry-After`. A conflict that is not a
 *   stated refusal (the key's first request still running) → `ADAPTER.CONFLICT`, retryable. An
 *   acceptance the adapter cannot read → `ADAPTER.BAD_RESPONSE`, `outcomeUnknown`. Credentials refused →
 *   `ADAPTER.UNAUTHORIZED`, other refusals of the request → `ADAPTER.REJECTED`, an outbound URL
 *   in a private / loopback / metadata range → `ADAPTER.URL_NOT_ALLOWED`: none retryable.
 *   Messages carry the HTTP status, never vendor response bodies or secrets.
 * - Rejections the supplier states (out of stock, unknown SKU) are returned as
 *   `{ accepted: false, code, reason }`, not thrown.
 */
export interface SupplierGateway {
  /** Sends one supplier order; idempotent by `idempotencyKey` (see the contract above). */
  placeOrder(request: SupplierOrderRequest): Promise<SupplierOrderAck>;
  /** Looks an order up by our reference (supplier order id); null when the supplier has none. */
  findOrder(reference: string): Promise<SupplierOrderState | null>;
  /** Current stock per SKU, when the supplier offers a feed (polling adapters); absent otherwise. */
  fetchStock?(): Promise<readonly { sku: string; quantity: number; asOf: Date }[]>;
  /**
   * Verifies the signature on the raw body, then parses status / tracking / stock events.
   * Anything it cannot verify or parse rejects with DomainError `WEBHOOK.INVALID_SIGNATURE`
   * (the route answers 401) — never another error. Absent when the integration has no webhooks.
   */
  parseWebhook?(raw: { headers: Readonly<Record<string, string>>; body: Uint8Array }): Promise<SupplierEvent[]>;
  /** Checks the configuration works ("test connection" in the site); never throws. */
  testConnection(): Promise<{ ok: boolean; message: string }>;
  /**
   * How often the worker should poll `findOrder` for open orders and `fetchStock`, in seconds.
   * Absent: do not poll (the supplier's state lives in the platform, or arrives by webhook only).
   */
  readonly pollIntervalSeconds?: number;
}

export interface SupplierOrderRequest {
  readonly idempotencyKey: string;
  /** Our reference (the supplier order id); the key `findOrder` looks up by. */
  readonly reference: string;
  readonly lines: readonly { sku: string; quantity: number; unitPriceMinor: number; currency: string }[];
  readonly shipTo: Readonly<Record<string, string | undefined>>;
  /** The retailer's brand for the packing slip (dropshipping hides the supplier). */
  readonly brandName: string;
}
export type SupplierOrderAck =
  | { readonly accepted: true; readonly supplierReference: string }
  | { readonly accepted: false; readonly reason: string; readonly code: 'OUT_OF_STOCK' | 'UNKNOWN_SKU' | 'REJECTED' };
export interface SupplierOrderState {
  readonly supplierReference: string;
  readonly status: SupplierOrderStatus;
  readonly tracking?: TrackingInfo;
}
export type SupplierOrderStatus = 'PENDING' | 'CONFIRMED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'FAILED';
/** `eventId` is stable across the supplier's redeliveries, so consumers can dedupe on it. */
export type SupplierEvent =
  | { readonly kind: 'status'; readonly eventId: string; readonly reference: string; readonly state: SupplierOrderState }
  | { readonly kind: 'stock'; readonly eventId: string; readonly items: readonly { sku: string; quantity: number }[]; readonly asOf: Date };
