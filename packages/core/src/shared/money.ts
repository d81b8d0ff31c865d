import { err, ok, type Result } from './result';
import { validationError, type DomainError } from './domain-error';

/** Minor-unit exponent per currency; everything not listed uses 2. */
const EXPONENTS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3, TND: 3 };

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export const exponentOf = (currency: string): number => EXPONENTS[currency] ?? 2;

export function money(amountMinor: number, currency = 'USD'): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be ISO 4217, got ${currency}`);
  return { amountMinor, currency };
}

const DECIMAL = /^(-)?(\d{1,13})(?:\.(\d+))?$/;

/** Parses a decimal string ("12.50") exactly, refusing more fraction digits than the currency has. */
export function parseMoney(value: string, currency = 'USD', path = ''): Result<Money, DomainError> {
  const m = DECIMAL.exec(value.trim());
  const exp = exponentOf(currency);
  if (!m || (m[3] !== undefined && m[3].length > exp)) {
    return err(
      validationError('MONEY.INVALID_AMOUNT', `"${value}" is not an amount with at most ${exp} decimals`, [
        { path, message: `must be a decimal string like "12.50" (at most ${exp} decimals)` },
      ]),
    );
  }
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(exp, '0') || '0');
  const minor = whole * 10 ** exp + frac;
  return ok(money(m[1] ? -minor : minor, currency));
}

/** Formats as the API's decimal string, e.g. `{1250, USD}` → "12.50". */
export function formatMoney(m: Money): string {
  const exp = exponentOf(m.currency);
  const sign = m.amountMinor < 0 ? '-' : '';
  const abs = Math.abs(m.amountMinor);
  if (exp === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(exp + 1, '0');
  return `${sign}${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export const addMoney = (a: Money, b: Money): Money => (same(a, b), money(a.amountMinor + b.amountMinor, a.currency));
export const subtractMoney = (a: Money, b: Money): Money => (same(a, b), money(a.amountMinor - b.amountMinor, a.currency));
export const multiplyMoney = (a: Money, factor: number): Money => money(Math.round(a.amountMinor * factor), a.currency);
export const zero = (currency = 'USD'): Money => money(0, currency);

/** Percentage of an amount in basis points (1 % = 100 bp), rounded half away from zero. */
export function percentOf(a: Money, basisPoints: number): Money {
  const raw = (a.amountMinor * basisPoints) / 10_000;
  return money(Math.sign(raw) * Math.round(Math.abs(raw)), a.currency);
}

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method, so the
 * parts always sum exactly to the total and none is negative when the total and weights are not.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and >= 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  const sign = total.amountMinor < 0 ? -1 : 1;
  const abs = Math.abs(total.amountMinor);
  const shares = sum === 0 ? weights.map((_, i) => (i === 0 ? 1 : 0)) : weights;
  const shareSum = sum === 0 ? 1 : sum;
  const exact = shares.map((w) => (abs * w) / shareSum);
  const floors = exact.map(Math.floor);
  let remainder = abs - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remainder--;
  }
  return floors.map((f) => money(sign * f, total.currency));
}
