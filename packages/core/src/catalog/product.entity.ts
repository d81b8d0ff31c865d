import type { Money } from '../shared/money';

export const PRODUCT_STATUSES = ['ACTIVE', 'OUT_OF_STOCK', 'DISCONTINUED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const SHIPPING_CLASSES = ['STANDARD', 'LIGHTWEIGHT', 'OVERSIZED', 'FRAGILE', 'HAZMAT'] as const;
export type ShippingClass = (typeof SHIPPING_CLASSES)[number];

/** A product in a supplier's catalog. `inventoryQuantity` is the supplier's real on-hand figure. */
export interface SupplierProduct {
  readonly id: string;
  readonly supplierId: string;
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  readonly wholesalePrice: Money;
  readonly msrp: Money | null;
  readonly images: readonly string[];
  readonly categorySlug: string | null;
  readonly weightGrams: number;
  readonly shippingClass: ShippingClass;
  readonly inventoryQuantity: number;
  /** Units held by open orders; `inventoryQuantity - reservedQuantity` is what can still be sold. */
  readonly reservedQuantity: number;
  /** Set by the supplier; the stock-driven states are derived (see `deriveStatus`). */
  readonly discontinued: boolean;
  readonly status: ProductStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The fields a supplier provides; everything else is derived or system-managed. */
export interface ProductDraft {
  readonly sku: string;
  readonly title: string;
  readonly description: string;
  readonly wholesalePrice: Money;
  readonly msrp: Money | null;
  readonly images: readonly string[];
  readonly categorySlug: string | null;
  readonly weightGrams: number;
  readonly shippingClass: ShippingClass;
  readonly inventoryQuantity: number;
  readonly discontinued: boolean;
}

export function deriveStatus(discontinued: boolean, inventoryQuantity: number, reservedQuantity = 0): ProductStatus {
  if (discontinued) return 'DISCONTINUED';
  return inventoryQuantity - reservedQuantity > 0 ? 'ACTIVE' : 'OUT_OF_STOCK';
}

/** Units that can still be sold: on hand minus reserved, never below zero. */
export const availableQuantity = (p: Pick<SupplierProduct, 'inventoryQuantity' | 'reservedQuantity'>): number =>
  Math.max(0, p.inventoryQuantity - p.reservedQuantity);

/** What stores are shown: the buffer percentage of available stock, rounded down. */
export function bufferedQuantity(available: number, bufferPercent: number): number {
  if (available <= 0) return 0;
  return Math.floor((available * bufferPercent) / 100);
}

export interface Category {
  readonly slug: string;
  readonly name: string;
  readonly parentSlug: string | null;
}

export interface CategoryWithCount extends Category {
  readonly productCount: number;
}
