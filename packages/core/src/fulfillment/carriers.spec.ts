import { describe, expect, it } from 'vitest';
import { detectCarrier, parseCarrier, trackingUrl } from './carriers';

describe('carriers', () => {
  it.each([
    ['1Z999AA10123456784', 'UPS'],
    ['1z 999 aa1 01 2345 6784', 'UPS'],
    ['9400111899223100000000', 'USPS'],
    ['9205 5901 0640 0000 0000 00', 'USPS'],
    ['EC123456789US', 'USPS'],
    ['123456789012', 'FEDEX'],
    ['9612345678901234567890', 'FEDEX'],
    ['1234567890', 'DHL'],
    ['JJD0099999999999999', 'DHL'],
  ] as const)('detects %s as %s', (number, carrier) => {
    expect(detectCarrier(number)).toBe(carrier);
  });

  it('leaves unknown formats undetected instead of guessing', () => {
    expect(detectCarrier('ABC')).toBeNull();
    expect(detectCarrier('12345')).toBeNull();
  });

  it('parses carrier names as people type them', () => {
    expect(parseCarrier('FedEx Ground')).toBe('FEDEX');
    expect(parseCarrier('dhl express')).toBe('DHL');
    expect(parseCarrier('U.S.P.S.')).toBe('USPS');
    expect(parseCarrier('Royal Mail')).toBeNull();
  });

  it('builds the carrier tracking URL with the normalised, encoded number', () => {
    expect(trackingUrl('UPS', '1z999aa1 0123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingUrl('USPS', '9400 1118 9922 3100 0000 00')).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223100000000');
  });
});
