/** Crude English stemming (plural → singular), enough to mirror a `to_tsvector('english')` index in tests. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lowercased, stemmed words of a text. */
export const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(stem);

/** How many query words occur (as a stemmed word prefix) in `text`; `null` when one of them is missing. */
export function matchCount(text: string, query: string): number | null {
  const docWords = words(text);
  const queryWords = words(query);
  let hits = 0;
  for (const q of queryWords) {
    const n = docWords.filter((w) => w.startsWith(q)).length;
    if (n === 0) return null;
    hits += n;
  }
  return hits;
}
