import type { Category } from '@dropship/core';

type Tree = readonly (readonly [slug: string, name: string, children: readonly (readonly [string, string])[]])[];

const TREE: Tree = [
  ['electronics', 'Electronics Accessories', [
    ['phone-cases', 'Phone Cases'],
    ['chargers-cables', 'Chargers & Cables'],
    ['audio', 'Audio'],
    ['smart-home', 'Smart Home'],
  ]],
  ['home', 'Home Goods', [
    ['kitchen', 'Kitchen'],
    ['bedding', 'Bedding'],
    ['decor', 'Decor'],
    ['storage', 'Storage & Organization'],
  ]],
  ['fashion', 'Fashion', [
    ['womens-apparel', "Women's Apparel"],
    ['mens-apparel', "Men's Apparel"],
    ['jewelry', 'Jewelry'],
    ['bags', 'Bags'],
  ]],
  ['beauty', 'Beauty & Personal Care', [
    ['skincare', 'Skincare'],
    ['hair-care', 'Hair Care'],
  ]],
  ['pet-supplies', 'Pet Supplies', [
    ['dog-supplies', 'Dog Supplies'],
    ['cat-supplies', 'Cat Supplies'],
  ]],
  ['sports-outdoors', 'Sports & Outdoors', [
    ['fitness', 'Fitness'],
    ['camping-hiking', 'Camping & Hiking'],
  ]],
  ['toys-games', 'Toys & Games', [
    ['educational-toys', 'Educational Toys'],
    ['board-games-puzzles', 'Board Games & Puzzles'],
  ]],
  ['office-supplies', 'Office Supplies', [
    ['desk-accessories', 'Desk Accessories'],
    ['stationery', 'Stationery'],
  ]],
  ['baby-kids', 'Baby & Kids', [
    ['baby-feeding', 'Baby Feeding'],
    ['nursery', 'Nursery'],
  ]],
  ['automotive', 'Automotive', [
    ['car-electronics', 'Car Electronics'],
    ['car-care', 'Car Care'],
  ]],
  ['garden', 'Garden & Patio', [
    ['planters-tools', 'Planters & Garden Tools'],
    ['outdoor-lighting', 'Outdoor Lighting'],
  ]],
  ['health-wellness', 'Health & Wellness', [
    ['massage-recovery', 'Massage & Recovery'],
    ['sleep-relaxation', 'Sleep & Relaxation'],
  ]],
];

/** The curated taxonomy as a flat list: 12 top-level categories, each followed by its sub-categories. */
export const CATEGORIES: readonly Category[] = TREE.flatMap(([slug, name, children]) => [
  { slug, name, parentSlug: null },
  ...children.map(([childSlug, childName]) => ({ slug: childSlug, name: childName, parentSlug: slug })),
]);

/** Slugs of the categories products are filed under (the leaves of the taxonomy). */
export const LEAF_CATEGORY_SLUGS: readonly string[] = TREE.flatMap(([, , children]) => children.map(([s]) => s));

/** Looks a category up by slug. */
export const categoryBySlug = (slug: string): Category | undefined => CATEGORIES.find((c) => c.slug === slug);
