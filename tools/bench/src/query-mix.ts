import { createRng, PRODUCT_LINES, type Rng } from '@dropship/demo-data';

/**
 * The benchmark's request mix for GET /api/products, deterministic per seed.
 *
 * Search words come from the generator's own vocabulary (product nouns, adjectives, materials),
 * ranked and drawn with a Zipf-like popularity (weight 1/rank): product nouns' head words
 * ("case", "charger", "blanket") lead, descriptive words trail. Shares:
 *  - 55 % text + filter: 1 word (2 words 15 %) with a category the word occurs in, a price bucket
 *    and/or inStock (at least one filter), sorted by relevance / price / newest;
 *  - 25 % text only, mostly by relevance;
 *  - 20 % browse pages: category and/or price bucket, newest or price sorts, pages 1–5.
 * Prices come from five facet buckets, as a shop UI would offer them.
 */
export interface QueryMix {
  next(): string;
  readonly vocabulary: readonly string[];
}

const STOP = new Set(['and', 'the', 'for', 'with', 'set', 'of', 'to', 'in', 'pair', 'piece']);
const PRICE_BUCKETS: readonly (readonly [string | null, string | null])[] = [
  [null, '10.00'],
  ['10.00', '25.00'],
  ['25.00', '50.00'],
  ['50.00', '100.00'],
  ['100.00', null],
];
const SORTS_TEXT = [['relevance', 55], ['price_asc', 25], ['price_desc', 10], ['newest', 10]] as const;
const SORTS_BROWSE = [['newest', 40], ['price_asc', 40], ['price_desc', 20]] as const;

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w));

function shuffle<T>(rng: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function pick<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1]![0];
}

export function createQueryMix(seed: number): QueryMix {
  const rng = createRng(seed);
  const categoriesOf = new Map<string, Set<string>>();
  const heads = new Set<string>();
  const others = new Set<string>();
  for (const line of PRODUCT_LINES) {
    for (const n of line.nouns) {
      const ws = words(n);
      if (ws.length) heads.add(ws[ws.length - 1]!);
      ws.forEach((w) => others.add(w));
    }
    for (const s of [...line.adjectives, ...line.materials]) words(s).forEach((w) => others.add(w));
    for (const s of [...line.nouns, ...line.adjectives, ...line.materials, ...line.variants]) {
      for (const w of words(s)) {
        const set = categoriesOf.get(w) ?? new Set<string>();
        set.add(line.categorySlug);
        categoriesOf.set(w, set);
      }
    }
  }
  for (const h of heads) others.delete(h);
  const vocabulary = [...shuffle(rng, [...heads].sort()), ...shuffle(rng, [...others].sort())];
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < vocabulary.length; i++) cumulative.push((sum += 1 / (i + 1)));
  const allCategories = [...new Set(PRODUCT_LINES.map((l) => l.categorySlug))].sort();

  const zipfWord = (): string => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const categoryFor = (w: string): string => {
    const cats = [...(categoriesOf.get(w) ?? [])];
    return cats.length && rng.next() < 0.9 ? cats[Math.floor(rng.next() * cats.length)]! : allCategories[Math.floor(rng.next() * allCategories.length)]!;
  };
  const price = (p: URLSearchParams) => {
    const [min, max] = PRICE_BUCKETS[Math.floor(rng.next() * PRICE_BUCKETS.length)]!;
    if (min) p.set('minPrice', min);
    if (max) p.set('maxPrice', max);
  };
  const page = (p: URLSearchParams, deep: boolean) => {
    const r = rng.next();
    const n = deep ? 1 + Math.floor(-Math.log(1 - r) * 1.2) : r < 0.9 ? 1 : r < 0.97 ? 2 : 3;
    if (n > 1) p.set('page', String(Math.min(n, 5)));
  };

  return {
    vocabulary,
    next() {
      const p = new URLSearchParams();
      const kind = rng.next();
      if (kind < 0.55) {
        const w = zipfWord();
        p.set('q', rng.next() < 0.15 ? `${w} ${zipfWord()}` : w);
        let filters = 0;
        if (rng.next() < 0.6) {
          p.set('category', categoryFor(w));
          filters++;
        }
        if (rng.next() < 0.5) {
          price(p);
          filters++;
        }
        if (rng.next() < 0.35) {
          p.set('inStock', 'true');
          filters++;
        }
        if (!filters) p.set('category', categoryFor(w));
        p.set('sort', pick(rng, SORTS_TEXT));
        page(p, false);
      } else if (kind < 0.8) {
        p.set('q', zipfWord());
        p.set('sort', rng.next() < 0.8 ? 'relevance' : 'price_asc');
        page(p, false);
      } else {
        if (rng.next() < 0.7) p.set('category', allCategories[Math.floor(rng.next() * allCategories.length)]!);
        if (rng.next() < 0.3 || !p.has('category')) price(p);
        if (rng.next() < 0.3) p.set('inStock', 'true');
        p.set('sort', pick(rng, SORTS_BROWSE));
        page(p, true);
      }
      return `/api/products?${p.toString()}`;
    },
  };
}
