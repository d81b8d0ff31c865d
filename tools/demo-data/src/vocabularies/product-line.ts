import type { ShippingClass } from '@dropship/core';

/**
 * A product line: the vocabulary one kind of product is written from. Title patterns use the
 * tokens {adj} {material} {noun} {spec} {variant}; feature sentences may use {noun} and {material}.
 */
export interface ProductLine {
  /** Leaf category slug the line's products are filed under. */
  readonly categorySlug: string;
  /** Upper-case SKU segment for the category (shared by lines of the same category). */
  readonly code: string;
  readonly patterns: readonly string[];
  readonly nouns: readonly string[];
  readonly adjectives: readonly string[];
  readonly materials: readonly string[];
  readonly specs: readonly string[];
  readonly variants: readonly string[];
  /** Description sentences specific to the line; two or three are used per product. */
  readonly features: readonly string[];
  /** Wholesale price range in USD cents, inclusive. */
  readonly priceMinor: readonly [number, number];
  /** Shipping weight range in grams, inclusive. */
  readonly weightGrams: readonly [number, number];
  readonly shippingClass: ShippingClass;
  /** Per-noun material lists, used instead of `materials` for that noun. */
  readonly nounMaterials?: Readonly<Record<string, readonly string[]>>;
  /** Per-noun spec lists, used instead of `specs` for that noun (sizes that only fit it). */
  readonly nounSpecs?: Readonly<Record<string, readonly string[]>>;
  /** Per-noun weight ranges in grams, used instead of `weightGrams` for that noun. */
  readonly nounWeights?: Readonly<Record<string, readonly [number, number]>>;
  /** Per-noun shipping class overrides (lithium batteries, glass). */
  readonly nounClasses?: Readonly<Record<string, ShippingClass>>;
}

/** Common colour names used by several lines. */
export const COLOURS = [
  'Black', 'White', 'Graphite', 'Navy', 'Sage Green', 'Sand Beige', 'Terracotta', 'Dusty Pink', 'Ocean Blue', 'Charcoal',
] as const;

/** Apparel sizes. */
export const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
