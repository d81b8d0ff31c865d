import { describe, expect, it } from 'vitest';
import { isValidEmailAddress } from './email-address';

describe('isValidEmailAddress', () => {
  it.each(['ann@example.com', 'first.last+tag@shop.example.co.uk', 'o\'brien@example.ie', 'user@localhost', 'jürgen@müller.de', 'a_b-c@x-y.example'])(
    'accepts %s',
    (a) => expect(isValidEmailAddress(a)).toBe(true),
  );
  it.each([
    '',
    'not-an-address',
    '@example.com',
    'ann@',
    'ann@@example.com',
    'a@b@example.com',
    'ann smith@example.com',
    'ann@exa mple.com',
    '<ann@example.com>',
    'ann@example.com, bob@example.com',
    'ann@-example.com',
    'ann@example..com',
    '.ann@example.com',
    'ann.@example.com',
    'ann@example.com\r\nBcc: x@example.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('rejects %j', (a) => expect(isValidEmailAddress(a)).toBe(false));
});
