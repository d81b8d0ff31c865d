import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatMoney, money, parseMoney, percentOf } from './money';

describe('Money', () => {
  it('parses and formats decimal strings exactly', () => {
    const m = parseMoney('12.5');
    expect(m.ok && m.value).toEqual({ amountMinor: 1250, currency: 'USD' });
    expect(formatMoney(money(1250))).toBe('12.50');
    expect(formatMoney(money(-5))).toBe('-0.05');
    expect(formatMoney(money(1500, 'JPY'))).toBe('1500');
  });
  it('refuses more decimals than the currency has, and non-numbers', () => {
    for (const bad of ['12.505', 'abc', '', '1e3', '12,50']) {
      const r = parseMoney(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('MONEY.INVALID_AMOUNT');
    }
    expect(parseMoney('1.5', 'JPY').ok).toBe(false);
  });
  it('round-trips every amount (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      const r = parseMoney(formatMoney(money(n)));
      return r.ok && r.value.amountMinor === n;
    }));
  });
  it('computes percentages in basis points, rounding half away from zero', () => {
    expect(percentOf(money(1005), 500).amountMinor).toBe(50);
    expect(percentOf(money(1010), 500).amountMinor).toBe(51);
  });
  it('allocates by largest remainder: parts sum exactly and none is negative (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = allocate(money(total), weights);
        return parts.reduce((a, p) => a + p.amountMinor, 0) === total && parts.every((p) => p.amountMinor >= 0);
      }),
      { seed: Number(process.env.SEED ?? 42) },
    );
    expect(allocate(money(100), [1, 1, 1]).map((p) => p.amountMinor)).toEqual([34, 33, 33]);
  });
});
