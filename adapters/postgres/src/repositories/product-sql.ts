import type { Knex } from 'knex';
import type { ProductDraft, SupplierProduct } from '@dropship/core';

/** SQL that re-derives status from stock (mirrors core `deriveStatus`); `$qty` is the new on-hand figure. */
export const deriveStatusSql = (qty: string, reserved = 'reserved_quantity', discontinued = 'discontinued'): string =>
  `CASE WHEN ${discontinued} THEN 'DISCONTINUED' WHEN ${qty} - ${reserved} > 0 THEN 'ACTIVE' ELSE 'OUT_OF_STOCK' END`;

/** A `listed` value for a new product: true when its supplier is ACTIVE. */
export const listedSql = (db: Knex, supplierId: string): Knex.Raw =>
  db.raw(`coalesce((SELECT status = 'ACTIVE' FROM suppliers WHERE id = ?), false)`, [supplierId]);

/** Editable columns of a product from a draft-shaped value. */
export const draftColumns = (d: ProductDraft | SupplierProduct) => ({
  sku: d.sku,
  title: d.title,
  description: d.description,
  wholesale_price_minor: d.wholesalePrice.amountMinor,
  msrp_minor: d.msrp?.amountMinor ?? null,
  currency: d.wholesalePrice.currency,
  images: JSON.stringify(d.images),
  category_slug: d.categorySlug,
  weight_grams: d.weightGrams,
  shipping_class: d.shippingClass,
  inventory_quantity: d.inventoryQuantity,
  discontinued: d.discontinued,
});
