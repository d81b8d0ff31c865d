import type { FieldError } from '../shared/domain-error';
import type { ProductDraft } from './product.entity';

export const MAX_SKU_LENGTH = 64;
export const MAX_TITLE_LENGTH = 255;
export const MAX_IMAGES = 20;
/** Prices are stored as 32-bit integer minor units. */
export const MAX_PRICE_MINOR = 999_999_999;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** Business rules every product must satisfy, whatever the entry path (API, import, adapter feed). */
export function validateDraft(d: Partial<ProductDraft>): FieldError[] {
  const e: FieldError[] = [];
  if (d.sku !== undefined) {
    if (!d.sku) e.push({ path: '/sku', message: 'is required' });
    else if (d.sku.length > MAX_SKU_LENGTH) e.push({ path: '/sku', message: `must be at most ${MAX_SKU_LENGTH} characters` });
    else if (!SKU.test(d.sku)) e.push({ path: '/sku', message: 'may contain letters, digits and . _ - / only' });
  }
  if (d.title !== undefined) {
    if (!d.title.trim()) e.push({ path: '/title', message: 'is required' });
    else if (d.title.length > MAX_TITLE_LENGTH) e.push({ path: '/title', message: `must be at most ${MAX_TITLE_LENGTH} characters` });
  }
  if (d.wholesalePrice && d.wholesalePrice.amountMinor <= 0) e.push({ path: '/wholesalePrice', message: 'must be greater than 0' });
  if (d.wholesalePrice && d.wholesalePrice.amountMinor > MAX_PRICE_MINOR) e.push({ path: '/wholesalePrice', message: 'must be at most 9999999.99' });
  if (d.msrp && d.msrp.amountMinor > MAX_PRICE_MINOR) e.push({ path: '/msrp', message: 'must be at most 9999999.99' });
  if (d.msrp && d.wholesalePrice && d.msrp.amountMinor < d.wholesalePrice.amountMinor) {
    e.push({ path: '/msrp', message: 'must not be below the wholesale price' });
  }
  if (d.inventoryQuantity !== undefined && (d.inventoryQuantity < 0 || d.inventoryQuantity > 10_000_000)) {
    e.push({ path: '/inventoryQuantity', message: 'must be between 0 and 10000000' });
  }
  if (d.weightGrams !== undefined && (d.weightGrams < 0 || d.weightGrams > 1_000_000)) {
    e.push({ path: '/weight', message: 'must be between 0 and 1000000 grams' });
  }
  if (d.images) {
    if (d.images.length > MAX_IMAGES) e.push({ path: '/images', message: `at most ${MAX_IMAGES} images` });
    d.images.forEach((url, i) => {
      if (!/^https?:\/\/[^\s]+$/i.test(url)) e.push({ path: `/images/${i}`, message: 'must be an http(s) URL' });
    });
  }
  return e;
}
