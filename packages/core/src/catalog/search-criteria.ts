export const PRODUCT_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest', 'title'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** A catalog query. Prices are wholesale, in minor units of the catalog currency. */
export interface ProductSearchCriteria {
  readonly q?: string;
  readonly categorySlug?: string;
  readonly minPriceMinor?: number;
  readonly maxPriceMinor?: number;
  readonly supplierId?: string;
  readonly inStock?: boolean;
  readonly status?: readonly ('ACTIVE' | 'OUT_OF_STOCK' | 'DISCONTINUED')[];
  /** Only products of suppliers in this status (public catalog: ACTIVE). */
  readonly supplierStatus?: 'ACTIVE';
  readonly sort: ProductSort;
  readonly page: number;
  readonly pageSize: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  /** True when `total` is an estimate (very large result sets are not counted exactly). */
  readonly totalIsEstimate?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 24;
