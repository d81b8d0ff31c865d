import { ELECTRONICS_LINES } from './electronics';
import { EVERYDAY_LINES } from './everyday';
import { FASHION_LINES } from './fashion';
import { HOME_LINES } from './home';
import { LIFESTYLE_LINES } from './lifestyle';
import type { ProductLine } from './product-line';

export type { ProductLine } from './product-line';

/** Every product line of the curated vocabulary. */
export const PRODUCT_LINES: readonly ProductLine[] = [
  ...ELECTRONICS_LINES,
  ...HOME_LINES,
  ...FASHION_LINES,
  ...LIFESTYLE_LINES,
  ...EVERYDAY_LINES,
];

const BY_CATEGORY = new Map<string, ProductLine[]>();
for (const line of PRODUCT_LINES) {
  const list = BY_CATEGORY.get(line.categorySlug) ?? [];
  list.push(line);
  BY_CATEGORY.set(line.categorySlug, list);
}

/** The product lines of a leaf category (empty for unknown slugs). */
export const linesForCategory = (slug: string): readonly ProductLine[] => BY_CATEGORY.get(slug) ?? [];
