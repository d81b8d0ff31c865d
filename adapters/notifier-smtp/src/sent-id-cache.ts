/**
 * Bounded set of recently sent notification ids, evicting the least recently used. It makes
 * `send` idempotent within one process only: it is lost on restart and not shared between
 * workers — cross-process dedupe is the caller's outbox/inbox (and receivers' Message-ID check).
 */
export class SentIdCache {
  readonly #ids = new Map<string, true>();
  constructor(readonly capacity = 10_000) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  has(id: string): boolean {
    if (!this.#ids.has(id)) return false;
    this.#ids.delete(id); // refresh recency
    this.#ids.set(id, true);
    return true;
  }

  add(id: string): void {
    this.#ids.delete(id);
    this.#ids.set(id, true);
    while (this.#ids.size > this.capacity) {
      const oldest = this.#ids.keys().next().value as string;
      this.#ids.delete(oldest);
    }
  }

  get size(): number {
    return this.#ids.size;
  }
}
