import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';

const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const text = new TextEncoder().encode('sku,title\n');
const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]);
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('detectFormat', () => {
  it('trusts the bytes first', () => {
    expect(detectFormat('text/csv', 'products.csv', zip)).toBe('xlsx');
    expect(detectFormat(undefined, undefined, zip)).toBe('xlsx');
    expect(detectFormat('application/vnd.ms-excel', 'products.csv', text)).toBe('csv');
    expect(detectFormat(undefined, undefined, text)).toBe('csv');
  });

  it('refuses binary that is not xlsx, and xlsx labels on non-zip bytes', () => {
    expect(detectFormat(undefined, 'old.xls', xls)).toBeNull();
    expect(detectFormat('text/csv', 'a.csv', new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
    expect(detectFormat(XLSX_MIME, 'a.xlsx', text)).toBeNull();
    expect(detectFormat('image/png', 'a.png', text)).toBeNull();
  });

  it('falls back to content type and file name without bytes', () => {
    expect(detectFormat(XLSX_MIME)).toBe('xlsx');
    expect(detectFormat('text/csv; charset=utf-8')).toBe('csv');
    expect(detectFormat(undefined, 'Products.XLSX')).toBe('xlsx');
    expect(detectFormat(undefined, 'feed.csv')).toBe('csv');
    expect(detectFormat('application/pdf', 'a.pdf')).toBeNull();
    expect(detectFormat()).toBeNull();
  });

  it('accepts UTF-16 text with a BOM as csv', () => {
    expect(detectFormat(undefined, 'a.csv', new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe('csv');
  });
});
