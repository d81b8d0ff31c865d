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
  // Flatten the rope now: a flat string is one small heap object instead of a tree of cons cells.
  out.charCodeAt(0);
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
  /** Rendered description sentences by (template, adjective, material, noun): shared strings, less garbage. */
  readonly sentences: Map<number, string>;
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
      sentences: new Map(),
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

// Scratch buffers reused across calls (generation is synchronous), so a row allocates only its strings.
const PICKS = new Int32Array(5);
const VALUES: string[] = ['', '', '', '', ''];

/**
 * Builds a title from a line's vocabulary. The word choices are remembered until the next call,
 * so `composeProduct(line, rng, title)` right after it describes the same product.
 */
export function composeTitle(line: ProductLine, rng: Rng): string {
  const c = compiled(line);
  const noun = (VALUES[NOUN] = line.nouns[(PICKS[NOUN] = idx(rng, line.nouns.length))]!);
  VALUES[ADJ] = line.adjectives[(PICKS[ADJ] = idx(rng, line.adjectives.length))]!;
  const materials = line.nounMaterials?.[noun] ?? line.materials;
  VALUES[MATERIAL] = materials[(PICKS[MATERIAL] = idx(rng, materials.length))]!;
  const specs = line.nounSpecs?.[noun] ?? line.specs;
  VALUES[SPEC] = specs[(PICKS[SPEC] = idx(rng, specs.length))]!;
  VALUES[VARIANT] = line.variants[(PICKS[VARIANT] = idx(rng, line.variants.length))]!;
  return render(c.patterns[idx(rng, c.patterns.length)]!, VALUES);
}

/** A description sentence for the current picks; template ids below 100 are intros, above are features. */
function sentence(line: ProductLine, c: CompiledLine, templateId: number): string {
  const key = ((templateId * 64 + PICKS[ADJ]!) * 64 + PICKS[MATERIAL]!) * 64 + PICKS[NOUN]!;
  let text = c.sentences.get(key);
  if (text === undefined) {
    VALUES[ADJ] = c.proseAdjectives[PICKS[ADJ]!]!;
    const noun = line.nouns[PICKS[NOUN]!]!;
    VALUES[MATERIAL] = prose((line.nounMaterials?.[noun] ?? line.materials)[PICKS[MATERIAL]!]!);
    VALUES[NOUN] = c.proseNouns[PICKS[NOUN]!]!;
    text = render(templateId < 100 ? INTROS[templateId]! : c.features[templateId - 100]!, VALUES).replace(/\bA (?=[aeiou])/g, 'An ');
    c.sentences.set(key, text);
  }
  return text;
}

function composeDescription(line: ProductLine, c: CompiledLine, rng: Rng): string {
  let text = sentence(line, c, idx(rng, INTROS.length));
  const first = idx(rng, c.features.length);
  text += ' ' + sentence(line, c, 100 + first);
  if (rng.next() < 0.6) {
    const second = (first + 1 + idx(rng, c.features.length - 1)) % c.features.length;
    text += ' ' + sentence(line, c, 100 + second);
  }
  if (rng.next() < 0.5) text += ' ' + CLOSERS[idx(rng, CLOSERS.length)]!;
  return text;
}

const IMAGE_COUNTS = [1, 2, 2, 3, 3, 3, 4, 4] as const;

/**
 * Composes every generated field of one product of `line`, consuming `rng`. Pass `title` only when
 * it was just produced by `composeTitle(line, rng)`. Prices: wholesale log-uniform in the line's
 * range (5-cent steps), MSRP 1.8–3× ending in .99. Stock: ~5 % out of stock, ~1.5 % discontinued,
 * most 1–500, a few deep-stock lines.
 */
export function composeProduct(line: ProductLine, rng: Rng, title?: string): ComposedProduct {
  const c = compiled(line);
  const finalTitle = title ?? composeTitle(line, rng);
  const noun = line.nouns[PICKS[NOUN]!]!;
  const description = composeDescription(line, c, rng);

  const [lo, hi] = line.priceMinor;
  const wholesalePriceMinor = Math.max(100, Math.round((lo * Math.pow(hi / lo, rng.next())) / 5) * 5);
  const msrpMinor = Math.max(wholesalePriceMinor, Math.ceil((wholesalePriceMinor * (1.8 + rng.next() * 1.2)) / 100) * 100 - 1);

  const [wlo, whi] = line.nounWeights?.[noun] ?? line.weightGrams;
  const weightGrams = Math.max(1, Math.round((wlo + rng.next() * (whi - wlo)) / 5) * 5);
  const shippingClass = weightGrams >= 10_000 ? 'OVERSIZED' : (line.nounClasses?.[noun] ?? line.shippingClass);

  const r = rng.next();
  const discontinued = r < 0.015;
  const inventoryQuantity = discontinued
    ? Math.floor(rng.next() * 40)
    : r < 0.065
      ? 0
      : r < 0.92
        ? 1 + Math.floor(499 * Math.pow(rng.next(), 1.4))
        : 500 + Math.floor(rng.next() * 2500);
  const imageCount = IMAGE_COUNTS[idx(rng, IMAGE_COUNTS.length)]!;
  return { title: finalTitle, description, categorySlug: line.categorySlug, wholesalePriceMinor, msrpMinor, weightGrams, shippingClass, inventoryQuantity, discontinued, imageCount };
}

/** 1–4 picsum image URLs seeded by the SKU (nothing is downloaded). */
export function imageUrls(sku: string, count: number): string[] {
  const urls: string[] = [];
  for (let i = 0; i < count; i++) urls.push(`https://picsum.photos/seed/${i === 0 ? sku : `${sku}-${i + 1}`}/800/800`);
  return urls;
}
