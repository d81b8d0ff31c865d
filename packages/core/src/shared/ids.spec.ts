import { describe, expect, it } from 'vitest';
import { isUuid, slugify, uuidv7 } from './ids';

describe('ids', () => {
  it('makes version-7 UUIDs ordered by time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });
  it('slugifies names', () => {
    expect(slugify('Nordic Home & Co.')).toBe('nordic-home-co');
    expect(slugify('Ateliér Lumen')).toBe('atelier-lumen');
    expect(slugify('!!!')).toBe('item');
  });
});
