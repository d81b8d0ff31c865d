import { HttpProblem } from './problem';

/**
 * Fixed-window counter per client key (address) — enough to stop credential stuffing from one
 * address. Per process: with N api processes the effective limit is N times higher (documented).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Throws a 429 problem with Retry-After when `key` exceeded the limit in the current minute. */
  hit(key: string): void {
    if (this.perMinute <= 0) return;
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      this.windows.set(key, { start: t, count: 1 });
      if (this.windows.size > 50_000) this.prune(t);
      return;
    }
    w.count++;
    if (w.count > this.perMinute) {
      const retry = Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000));
      throw new HttpProblem(429, 'AUTH.RATE_LIMITED', `Too many attempts from your address; try again in ${retry} s.`, [], { 'Retry-After': String(retry) });
    }
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(k);
  }
}
