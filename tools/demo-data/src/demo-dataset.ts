import type { Category, ProductDraft } from '@dropship/core';
import { CATEGORIES } from './categories';
import { generateCatalog } from './products';
import { SUPPLIER_PROFILES, type SupplierProfile } from './suppliers';

/** The default seed of the demo dataset. */
export const DEMO_SEED = 20261201;

/** One curated supplier with its catalog. */
export interface DemoSupplier {
  readonly profile: SupplierProfile;
  readonly products: readonly ProductDraft[];
}

/** Everything the platform seeds into an empty database in demo mode. */
export interface DemoDataset {
  readonly categories: readonly Category[];
  readonly suppliers: readonly DemoSupplier[];
}

/** Builds the demo dataset: the taxonomy and 20 suppliers with 40–120 products each (~1,500 in all). */
export function buildDemoDataset(seed: number = DEMO_SEED): DemoDataset {
  return {
    categories: CATEGORIES,
    suppliers: SUPPLIER_PROFILES.map((profile) => ({ profile, products: generateCatalog(profile, profile.productCount, seed) })),
  };
}
