import type { Money } from '../shared/money';
import type { SupplierProduct } from '../catalog/product.entity';

export const LISTING_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** A supplier product a retailer sells (`retailer_products`); orders may only contain listed products. */
export interface Listing {
  readonly id: string;
  readonly retailerId: string;
  readonly supplierProductId: string;
  /** The store it is published to; store publishing comes with store connections (issue 4). */
  readonly storeId: string | null;
  readonly retailPrice: Money;
  readonly status: ListingStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A listing with the catalog product behind it. */
export interface ListedProduct {
  readonly listing: Listing;
  readonly product: SupplierProduct;
}

export const DEFAULT_MARKUP_PERCENT = 100;

/**
 * Retail price from a wholesale price and a markup percentage, rounded up to the next `.99`
 * (charm pricing) so it never falls below the marked-up figure. Currencies without minor units are
 * rounded up to a whole unit.
 */
export function retailPriceFor(wholesale: Money, markupPercent: number, exponent = 2): Money {
  const raw = Math.ceil((wholesale.amountMinor * (100 + markupPercent)) / 100);
  if (exponent === 0) return { amountMinor: raw, currency: wholesale.currency };
  const unit = 10 ** exponent;
  return { amountMinor: Math.floor(raw / unit) * unit + (unit - 1), currency: wholesale.currency };
}

/** Markup of a retail price over wholesale, in percent with two decimals. */
export const markupPercentOf = (wholesale: Money, retail: Money): number =>
  wholesale.amountMinor === 0 ? 0 : Math.round(((retail.amountMinor - wholesale.amountMinor) * 10_000) / wholesale.amountMinor) / 100;
