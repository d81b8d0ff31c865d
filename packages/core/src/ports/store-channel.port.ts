import type { Money } from '../shared/money';

/**
 * A retailer's store on a platform (Shopify, WooCommerce, Amazon, a custom store).
 * One instance serves one connected store. Filled by the store-channels issue.
 *
 * Contract (adapter-testkit `describeStoreChannelContract`):
 * - Every method that calls the vendor throws AdapterError on transport/vendor failure; throttling is
 *   `ADAPTER.RATE_LIMITED` with `retryable: true` and `retryAfterMs` — the sync engine paces itself.
 * - `publishListing` is idempotent by `listing.listingId` / SKU: repeating it updates, never duplicates.
 * - `pushInventory` takes many listings; it applies the quantities given (latest value wins) and
 *   returns per-listing outcomes so one bad listing does not fail the batch.
 * - `parseWebhook` verifies the signature on the raw body before parsing; a bad signature is
 *   `WEBHOOK.INVALID_SIGNATURE` and must not throw anything else.
 */
export interface StoreChannel {
  /** Checks the credentials and discovers the store's location / marketplace. */
  verifyConnection(): Promise<StoreIdentity>;
  /** Creates or updates the listing in the store; returns the store's ids for it. */
  publishListing(listing: ListingPayload): Promise<PublishedListing>;
  /** Sets available quantities for many listings in as few calls as the vendor allows. */
  pushInventory(updates: readonly InventoryUpdate[]): Promise<readonly InventoryOutcome[]>;
  /** Hides the listing from buyers (zero stock / discontinued). */
  delist(ref: PublishedListing): Promise<void>;
  /** Shows a delisted listing again. */
  relist(ref: PublishedListing): Promise<void>;
  /** Orders created or changed since `since`, for reconciliation of missed webhooks. */
  fetchOrdersSince(since: Date): Promise<readonly StoreOrder[]>;
  /** Verifies and parses an inbound webhook. */
  parseWebhook(raw: { headers: Readonly<Record<string, string>>; body: Uint8Array }): Promise<StoreWebhookEvent>;
  /** Marks the store's order fulfilled with tracking (customer notification is the store's). */
  markFulfilled(storeOrderId: string, tracking: TrackingInfo): Promise<void>;
}

export interface StoreIdentity {
  readonly storeName: string;
  readonly locationId?: string;
  readonly marketplaceId?: string;
  readonly currency: string;
}
export interface ListingPayload {
  readonly listingId: string;
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  readonly images: readonly string[];
  readonly price: Money;
  readonly compareAtPrice?: Money;
  readonly weightGrams: number;
  readonly tags: readonly string[];
  readonly quantity: number;
}
export interface PublishedListing {
  readonly listingId: string;
  readonly externalProductId: string;
  readonly externalVariantId?: string;
  readonly inventoryItemId?: string;
}
export interface InventoryUpdate {
  readonly listing: PublishedListing;
  readonly sku: string;
  readonly quantity: number;
  /** Quantity we last pushed, for vendors that compare-and-set (Shopify `changeFromQuantity`). */
  readonly previousQuantity?: number;
}
export type InventoryOutcome =
  | { readonly listingId: string; readonly ok: true }
  | { readonly listingId: string; readonly ok: false; readonly code: string; readonly message: string; readonly retryable: boolean };
export interface StoreOrder {
  readonly storeOrderId: string;
  readonly updatedAt: Date;
  readonly cancelled: boolean;
  readonly lines: readonly { sku: string; quantity: number; price: Money }[];
  readonly shippingAddress: Readonly<Record<string, string | undefined>>;
}
export type StoreWebhookEvent =
  | { readonly kind: 'order.created' | 'order.updated' | 'order.cancelled'; readonly eventId: string; readonly order: StoreOrder }
  | { readonly kind: 'app.uninstalled' | 'privacy'; readonly eventId: string; readonly topic: string }
  | { readonly kind: 'ignored'; readonly eventId: string; readonly topic: string };
export interface TrackingInfo {
  readonly number: string;
  readonly carrier: string;
  readonly url: string;
}
