/**
 * A small time-bounded cache with a size cap (oldest entries evicted first) and request
 * coalescing: concurrent misses for one key share a single load. A TTL of 0 turns it off
 * (every get loads; nothing is kept or shared).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  hits = 0;
  misses = 0;

  constructor(private readonly ttlMs: number, private readonly max: number, private readonly now: () => number = Date.now) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) {
      this.misses++;
      return load();
    }
    const t = this.now();
    const e = this.entries.get(key);
    if (e && t - e.at < this.ttlMs) {
      this.hits++;
      return e.value;
    }
    this.misses++;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: t, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
