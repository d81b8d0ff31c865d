import { describe, expect, it } from 'vitest';
import { hashString, mixSeed, mixSeed2, Rng } from './prng';

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
  });

  it('produces a known sequence on every machine', () => {
    const r = new Rng(1); // mulberry32(1) starts 0.6270739405881613, 0.002735721180215478, …
    expect([r.int(0, 1_000_000), r.int(0, 1_000_000), r.int(0, 1_000_000)]).toEqual([627074, 2735, 527447]);
    expect(mixSeed(1, 2)).toBe(1713917269);
    expect(hashString('nordhaus')).toBe(2268445607);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    expect(mixSeed2(12345, 678)).toBe(mixSeed(12345, 678));
    expect(hashString('nordhaus')).toBe(hashString('nordhaus'));
  });

  it('keeps helpers in range', () => {
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    }
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(r.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
  });

  it('honours weights', () => {
    const r = new Rng(99);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted([{ value: 'h', weight: 9 }, { value: 'l', weight: 1 }]) === 'h') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });
});
