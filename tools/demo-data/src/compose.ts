import type { ShippingClass } from '@dropship/core';
import type { Rng } from './prng';
import type { ProductLine } from './vocabularies';

// Token ids for compiled templates.
const ADJ = 0, MATERIAL = 1, NOUN = 2, SPEC = 3, VARIANT = 4;
const TOKENS: Readonly<Record<string, number>> = { adj: ADJ, material: MATERIAL, noun: NOUN, spec: SPEC, variant: VARIANT };

type Part = string | number;
type Template = readonly Part[];

function compile(template: string): Template {
  const parts: Part[] = [];
  for (const piece of template.split(/(\{[a-z]+\})/)) {
    if (!piece) continue;
    const token = /^\{([a-z]+)\}$/.exec(piece);
    const id = token ? TOKENS[token[1] ?? ''] : undefined;
    if (token && id === undefined) throw new Error(`unknown token ${piece} in "${template}"`);
    parts.push(id ?? piece);
  }
  return parts;
}

function render(t: Template, values: readonly string[]): string {
  let out = '';
  for (const p of t) out += typeof p === 'number' ? values[p] : p;
  return out;
}

/** Lower-cases plain capitalised words ("Stainless Steel" → "stainless steel") but keeps "USB-C", "MagSafe", "iPhone". */
function prose(s: string): string {
  return s.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());
}

const INTROS = [
  'Made from {material} and built for everyday use.',
  'A {adj} take on the classic {noun}, made from {material}.',
  'Upgrade the everyday with our {adj} {noun} in {material}.',
  'Thoughtfully designed in {material}, with the details that matter.',
].map(compile);

const CLOSERS = [
  'Ships in plain, brand-free packaging, ready for dropshipping.',
  'Backed by a 12-month manufacturer warranty.',
  'Stocked in our own warehouse for fast dispatch.',
  'Volume pricing is available on request.',
];

interface CompiledLine {
  readonly patterns: readonly Template[];
  readonly features: readonly Template[];
  readonly proseNouns: readonly string[];
  readonly proseAdjectives: readonly string[];
  readonly proseMaterials: readonly string[];
}

const COMPILED = new WeakMap<ProductLine, CompiledLine>();

function compiled(line: ProductLine): CompiledLine {
  let c = COMPILED.get(line);
  if (!c) {
    c = {
      patterns: line.patterns.map(compile),
      features: line.features.map(compile),
      proseNouns: line.nouns.map(prose),
      proseAdjectives: line.adjectives.map(prose),
      proseMaterials: line.materials.map(prose),
    };
    COMPILED.set(line, c);
  }
  return c;
}

/** The generated fields of one product, before a SKU and images are attached. */
export interface ComposedProduct {
  readonly title: string;
  readonly description: string;
  readonly categorySlug: string;
  readonly wholesalePriceMinor: number;
  readonly msrpMinor: number;
  readonly weightGrams: number;
  readonly shippingClass: ShippingClass;
  readonly inventoryQuantity: number;
  readonly discontinued: boolean;
  readonly imageCount: number;
}

const idx = (rng: Rng, n: number): number => Math.floor(rng.next() * n);

/** Builds a title from a line's vocabulary. */
export function composeTitle(line: ProductLine, rng: Rng): { title: string; picks: readonly number[] } {
  const c = compiled(line);
  const picks = [
    idx(rng, line.adjectives.length),
    idx(rng, line.materials.length),
    idx(rng, line.nouns.length),
    idx(rng, line.specs.length),
    idx(rng, line.variants.length),
  ];
  const values = [line.adjectives[picks[0]!]!, line.materials[picks[1]!]!, line.nouns[picks[2]!]!, line.specs[picks[3]!]!, line.variants[picks[4]!]!];
  const title = render(c.patterns[idx(rng, c.patterns.length)]!, values);
  return { title, picks };
}

function composeDescription(line: ProductLine, picks: readonly number[], rng: Rng): string {
  const c = compiled(line);
  const values = [c.proseAdjectives[picks[0]!]!, c.proseMaterials[picks[1]!]!, c.proseNouns[picks[2]!]!, '', ''];
  let text = render(INTROS[idx(rng, INTROS.length)]!, values);
  const first = idx(rng, c.features.length);
  text += ' ' + render(c.features[first]!, values);
  if (rng.next() < 0.6) {
    const second = (first + 1 + idx(rng, c.features.length - 1)) % c.features.length;
    text += ' ' + render(c.features[second]!, values);
  }
  if (rng.next() < 0.5) text += ' ' + CLOSERS[idx(rng, CLOSERS.length)]!;
  return text;
}

/** Wholesale price (log-uniform in the line's range, in 5-cent steps) and an MSRP of 1.8–3× ending in .99. */
function prices(line: ProductLine, rng: Rng): [number, number] {
  const [lo, hi] = line.priceMinor;
  const raw = lo * Math.pow(hi / lo, rng.next());
  const wholesale = Math.max(100, Math.round(raw / 5) * 5);
  const factor = 1.8 + rng.next() * 1.2;
  const msrp = Math.max(wholesale, Math.ceil((wholesale * factor) / 100) * 100 - 1);
  return [wholesale, msrp];
}

/** Stock: ~5 % out of stock, ~1.5 % discontinued, most 1–500, a few deep-stock lines. */
function stock(rng: Rng): [number, boolean] {
  const r = rng.next();
  if (r < 0.015) return [Math.floor(rng.next() * 40), true];
  if (r < 0.065) return [0, false];
  if (r < 0.92) return [1 + Math.floor(499 * Math.pow(rng.next(), 1.4)), false];
  return [500 + Math.floor(rng.next() * 2500), false];
}

const IMAGE_COUNTS = [1, 2, 2, 3, 3, 3, 4, 4] as const;

/** Composes every generated field of one product of `line`, consuming `rng`. */
export function composeProduct(line: ProductLine, rng: Rng, titled?: { title: string; picks: readonly number[] }): ComposedProduct {
  const { title, picks } = titled ?? composeTitle(line, rng);
  const description = composeDescription(line, picks, rng);
  const [wholesalePriceMinor, msrpMinor] = prices(line, rng);
  const [lo, hi] = line.weightGrams;
  const weightGrams = Math.max(1, Math.round((lo + rng.next() * (hi - lo)) / 5) * 5);
  const noun = line.nouns[picks[2]!]!;
  const shippingClass = weightGrams >= 10_000 ? 'OVERSIZED' : (line.nounClasses?.[noun] ?? line.shippingClass);
  const [inventoryQuantity, discontinued] = stock(rng);
  const imageCount = IMAGE_COUNTS[idx(rng, IMAGE_COUNTS.length)]!;
  return { title, description, categorySlug: line.categorySlug, wholesalePriceMinor, msrpMinor, weightGrams, shippingClass, inventoryQuantity, discontinued, imageCount };
}

/** 1–4 picsum image URLs seeded by the SKU (nothing is downloaded). */
export function imageUrls(sku: string, count: number): string[] {
  const urls: string[] = [];
  for (let i = 0; i < count; i++) urls.push(`https://picsum.photos/seed/${i === 0 ? sku : `${sku}-${i + 1}`}/800/800`);
  return urls;
}
