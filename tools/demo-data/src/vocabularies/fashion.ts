import { COLOURS, SIZES, type ProductLine } from './product-line';

/** Fashion: women's and men's apparel, jewelry, bags. */
export const FASHION_LINES: readonly ProductLine[] = [
  {
    categorySlug: 'womens-apparel', code: 'WAPP',
    patterns: ["{adj} {material} {noun} – {variant}, {spec}", "Women's {adj} {noun} – {variant}, {spec}"],
    nouns: ['Wrap Dress', 'Midi Skirt', 'Oversized Blazer', 'Ribbed Knit Cardigan', 'Wide-Leg Trousers', 'Linen Shirt', 'Puffer Jacket'],
    adjectives: ['Relaxed-Fit', 'Tailored', 'High-Waisted', 'Cropped', 'Everyday'],
    materials: ['Organic Cotton', 'Linen-Blend', 'Merino Wool', 'Recycled Polyester', 'Viscose', 'TENCEL™'],
    specs: SIZES,
    variants: ['Black', 'Ivory', 'Camel', 'Sage', 'Navy', 'Terracotta', 'Dusty Rose'],
    features: [
      'Cut for an easy, flattering silhouette that moves with you.',
      'Soft {material} fabric that breathes all day long.',
      'Model is 175 cm and wears size S.',
      'Machine wash cold, line dry.',
    ],
    priceMinor: [900, 6500], weightGrams: [150, 1200], shippingClass: 'LIGHTWEIGHT',
  },
  {
    categorySlug: 'mens-apparel', code: 'MAPP',
    patterns: ["Men's {adj} {material} {noun} – {variant}, {spec}", '{adj} {noun} – {variant}, {spec}'],
    nouns: ['Oxford Shirt', 'Crew-Neck T-Shirt', 'Chino Trousers', 'Hoodie', 'Quarter-Zip Sweater', 'Overshirt', 'Rain Jacket'],
    adjectives: ['Slim-Fit', 'Regular-Fit', 'Heavyweight', 'Garment-Dyed', 'Classic'],
    materials: ['Organic Cotton', 'Merino Wool', 'Stretch Cotton', 'Recycled Nylon', 'Brushed Fleece'],
    specs: SIZES,
    variants: ['Navy', 'Olive', 'Stone', 'Black', 'Heather Grey', 'Rust'],
    features: [
      'A wardrobe staple built from durable {material}.',
      'Reinforced seams and a pre-shrunk finish keep the fit true wash after wash.',
      'Model is 185 cm and wears size M.',
      'Pairs as easily with denim as with tailoring.',
    ],
    priceMinor: [700, 5500], weightGrams: [150, 1100], shippingClass: 'LIGHTWEIGHT',
  },
  {
    categorySlug: 'jewelry', code: 'JWL',
    patterns: ['{adj} {material} {noun} – {variant}', '{material} {noun}, {spec}'],
    nouns: ['Hoop Earrings', 'Pendant Necklace', 'Stacking Ring', 'Chain Bracelet', 'Huggie Earrings', 'Signet Ring'],
    adjectives: ['Dainty', 'Minimalist', 'Chunky', 'Hammered', 'Textured'],
    materials: ['925 Sterling Silver', '18K Gold-Plated', 'Stainless Steel', 'Freshwater Pearl', 'Recycled Brass'],
    specs: ['45 cm', '40 cm + 5 cm Extender', 'Size 6', 'Size 7', 'Size 8', '15 mm'],
    variants: ['Gold', 'Silver', 'Rose Gold'],
    features: [
      'Hypoallergenic and nickel-free, gentle on sensitive skin.',
      'Water-resistant {material} that will not tarnish with daily wear.',
      'Delivered in a branded pouch ready for gifting.',
      'Designed to layer with other pieces from the collection.',
    ],
    priceMinor: [250, 4500], weightGrams: [5, 80], shippingClass: 'LIGHTWEIGHT',
  },
  {
    categorySlug: 'bags', code: 'BAG',
    patterns: ['{adj} {material} {noun} – {variant}', '{material} {noun}, {spec} – {variant}'],
    nouns: ['Tote Bag', 'Crossbody Bag', 'Laptop Backpack', 'Weekender Duffel', 'Belt Bag', 'Card Wallet'],
    adjectives: ['Water-Resistant', 'Minimalist', 'Convertible', 'Everyday', 'Travel'],
    materials: ['Vegan Leather', 'Full-Grain Leather', 'Waxed Canvas', 'Recycled Nylon', 'Cotton Canvas'],
    specs: ['15 L', '22 L', '35 L', 'fits 16" Laptop', 'fits 14" Laptop'],
    variants: COLOURS,
    features: [
      'Plenty of inner pockets keep keys, phone and cards organised.',
      'Durable {material} ages beautifully with use.',
      'Padded, adjustable straps for all-day comfort.',
      'YKK zips and brushed metal hardware.',
    ],
    priceMinor: [600, 9000], weightGrams: [80, 1600], shippingClass: 'STANDARD',
  },
];
