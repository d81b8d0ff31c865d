import { describe, expect, it } from 'vitest';
import { isUuid } from '../shared/ids';
import { sha256, toHex } from './sha256';
import { newNotificationId, notificationIdFrom, notificationSource } from './notification-id';

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
  ])('matches the FIPS 180-4 test vector for %#', (input, hex) => {
    expect(toHex(sha256(input))).toBe(hex);
  });
});

describe('notification ids', () => {
  it('derives the same UUID from the same source and different ones from different sources', () => {
    const a = notificationIdFrom(notificationSource('evt-1', 'order-confirmed'));
    expect(a).toBe(notificationIdFrom('notify:evt-1:order-confirmed'));
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('8'); // RFC 9562 version 8 (name-based, SHA-256)
    expect(['8', '9', 'a', 'b']).toContain(a[19]);
    expect(notificationIdFrom('notify:evt-2:order-confirmed')).not.toBe(a);
    expect(notificationIdFrom('notify:evt-1:split-shipment')).not.toBe(a);
  });

  it('the source can include the recipient (one event, several recipients)', () => {
    expect(notificationSource('e', 't', 'Ann@Example.com')).toBe('notify:e:t:ann@example.com');
  });

  it('fresh ids are unique UUIDs', () => {
    const a = newNotificationId();
    expect(isUuid(a)).toBe(true);
    expect(newNotificationId()).not.toBe(a);
  });
});
