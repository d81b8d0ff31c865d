import { describe, expect, it } from 'vitest';
import { money } from '../shared/money';
import { retailPriceFor } from '../listings/listing.entity';
import { formatOrderNumber } from './order.entity';
import { normalizeAddress, validateAddress } from './shipping-address.value-object';
import { canTransition, deriveOrderStatus, transitionSupplierOrder } from './supplier-order.machine';

describe('supplier order lifecycle', () => {
  it('moves forward, cancels before shipping, fails with a reason', () => {
    expect(transitionSupplierOrder('PENDING', 'CONFIRMED')).toEqual({ ok: true, value: { status: 'CONFIRMED', failureReason: null } });
    expect(transitionSupplierOrder('PROCESSING', 'FAILED', ' out of stock ')).toEqual({ ok: true, value: { status: 'FAILED', failureReason: 'out of stock' } });
    for (const [from, to] of [['SHIPPED', 'CANCELLED'], ['DELIVERED', 'SHIPPED'], ['CANCELLED', 'PENDING'], ['PENDING', 'DELIVERED']] as const) {
      const r = transitionSupplierOrder(from, to);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'ORDER.INVALID_TRANSITION', kind: 'conflict' });
    }
    expect(transitionSupplierOrder('PENDING', 'FAILED').ok).toBe(false);
    expect(canTransition('FAILED', 'CANCELLED')).toBe(true);
  });

  it('derives the order status from its parts', () => {
    expect(deriveOrderStatus(['PENDING'])).toBe('PENDING');
    expect(deriveOrderStatus(['SHIPPED', 'CONFIRMED'])).toBe('CONFIRMED');
    expect(deriveOrderStatus(['SHIPPED', 'DELIVERED'])).toBe('SHIPPED');
    expect(deriveOrderStatus(['SHIPPED', 'CANCELLED'])).toBe('SHIPPED');
    expect(deriveOrderStatus(['CANCELLED', 'CANCELLED'])).toBe('CANCELLED');
    expect(deriveOrderStatus(['FAILED', 'CANCELLED'])).toBe('FAILED');
    expect(deriveOrderStatus(['FAILED', 'PROCESSING'])).toBe('PROCESSING');
  });

  it('formats order numbers, rounds retail prices up to .99 and checks addresses', () => {
    expect(formatOrderNumber(123)).toBe('DS-000123');
    expect(formatOrderNumber(1234567)).toBe('DS-1234567');
    expect(retailPriceFor(money(1000), 100)).toEqual(money(2099));
    expect(retailPriceFor(money(1850), 100)).toEqual(money(3799));
    expect(retailPriceFor(money(1000), 0)).toEqual(money(1099));
    expect(retailPriceFor(money(999), 0)).toEqual(money(999));
    expect(retailPriceFor(money(1500, 'JPY'), 50, 0)).toEqual(money(2250, 'JPY'));
    expect(validateAddress({ name: 'A', address1: 'B', city: 'C', zip: '1', country: 'de' })).toEqual([]);
    expect(validateAddress({ name: ' ', address1: 'B', city: 'C', zip: '1', country: 'XX' }).map((e) => e.path)).toEqual(['/shippingAddress/name', '/shippingAddress/country']);
    expect(normalizeAddress({ name: ' A ', address1: 'B', address2: ' ', city: 'C', zip: '1', country: 'de' })).toEqual({ name: 'A', address1: 'B', city: 'C', zip: '1', country: 'DE' });
  });
});
