import type { TrackingInfo } from './store-channel.port';

/**
 * How orders reach a supplier and how its stock and shipments come back. One instance per
 * supplier integration (`supplier-portal`, `supplier-http`, …). Filled by the orders issue.
 *
 * Contract (adapter-testkit `describeSupplierContract`):
 * - `placeOrder` is idempotent by `request.idempotencyKey` (`dispatch:<supplierOrderId>`): a repeat
 *   returns the first acceptance. When the supplier has no idempotency support the adapter asks
 *   `findOrder(reference)` before resending.
 * - A timeout after sending throws AdapterError with `outcomeUnknown: true`; the caller reconciles
 *   with `findOrder` before any resend.
 * - Rejections the supplier states (out of stock, unknown SKU) are returned as
 *   `{ accepted: false, reason }`, not thrown.
 */
export interface SupplierGateway {
  placeOrder(request: SupplierOrderRequest): Promise<SupplierOrderAck>;
  /** Looks an order up by our reference (supplier order id); null when the supplier has none. */
  findOrder(reference: string): Promise<SupplierOrderState | null>;
  /** Current stock per SKU, when the supplier offers a feed (polling adapters). */
  fetchStock?(): Promise<readonly { sku: string; quantity: number; asOf: Date }[]>;
  /** Verifies and parses a supplier webhook (status, tracking, stock). */
  parseWebhook?(raw: { headers: Readonly<Record<string, string>>; body: Uint8Array }): Promise<SupplierEvent[]>;
  /** Checks the configuration works ("test connection" in the site). */
  testConnection(): Promise<{ ok: boolean; message: string }>;
}

export interface SupplierOrderRequest {
  readonly idempotencyKey: string;
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
  readonly status: 'PENDING' | 'CONFIRMED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'FAILED';
  readonly tracking?: TrackingInfo;
}
export type SupplierEvent =
  | { readonly kind: 'status'; readonly eventId: string; readonly reference: string; readonly state: SupplierOrderState }
  | { readonly kind: 'stock'; readonly eventId: string; readonly items: readonly { sku: string; quantity: number }[]; readonly asOf: Date };
