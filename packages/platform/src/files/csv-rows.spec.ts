import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read-spreadsheet';
import { SpreadsheetTooLarge, SpreadsheetUnreadable } from './spreadsheet.types';
import { collect } from './test-helpers';
import { sniffDelimiter } from './csv-rows';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readSpreadsheet (csv)', () => {
  it('handles BOM, semicolons, CRLF, quoted separators/newlines/quotes, ragged and blank rows', async () => {
    const text =
      '\uFEFFsku;title;price;note\r\n' +
      'A-1;"Mug; large";12,50;"line one\r\nline two"\r\n' +
      'A-2;"He said ""hi""";3\r\n' +
      '\r\n' +
      'A-3;Plain;4;x;extra\r\n';
    const rows = await collect(readSpreadsheet(utf8(text), 'csv'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['sku', 'title', 'price', 'note'] },
      { rowNumber: 2, cells: ['A-1', 'Mug; large', '12,50', 'line one\r\nline two'] },
      { rowNumber: 3, cells: ['A-2', 'He said "hi"', '3'] },
      { rowNumber: 5, cells: ['A-3', 'Plain', '4', 'x', 'extra'] },
    ]);
  });

  it('keeps commas as the delimiter when the header has more commas than semicolons', async () => {
    const rows = await collect(readSpreadsheet(utf8('sku,title,"a;b;c"\nA,"x, y",1\n'), 'csv'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['sku', 'title', 'a;b;c'],
      ['A', 'x, y', '1'],
    ]);
  });

  it('sniffs the delimiter from the header line only', () => {
    expect(sniffDelimiter(utf8('a;b;c\n1,2,3,4,5,6\n'))).toBe(';');
    expect(sniffDelimiter(utf8('a,b\n'))).toBe(',');
    expect(sniffDelimiter(utf8('a\tb\tc\n'))).toBe('\t');
    expect(sniffDelimiter(utf8('"x;y;z",b\n'))).toBe(',');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode Text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sku\ttitle\r\nA-1\tZoë\r\n', 'utf16le')]);
    expect((await collect(readSpreadsheet(bytes, 'csv'))).map((r) => r.cells)).toEqual([
      ['sku', 'title'],
      ['A-1', 'Zoë'],
    ]);
  });

  it('tolerates a stray quote inside an unquoted field', async () => {
    const rows = await collect(readSpreadsheet(utf8('sku,title\nA,12" pan\n'), 'csv'));
    expect(rows[1]!.cells).toEqual(['A', '12" pan']);
  });

  it('throws SpreadsheetTooLarge after maxRows + 1 data rows, without reading further', async () => {
    const body = ['sku', ...Array.from({ length: 50 }, (_, i) => `S-${i}`)].join('\n');
    const seen: number[] = [];
    const read = async () => {
      for await (const row of readSpreadsheet(utf8(body), 'csv', { maxRows: 10 })) seen.push(row.rowNumber);
    };
    await expect(read()).rejects.toBeInstanceOf(SpreadsheetTooLarge);
    expect(seen).toHaveLength(11); // header + 10 data rows were delivered, the 11th data row threw
    await expect(read()).rejects.toMatchObject({ code: 'IMPORT.TOO_MANY_ROWS', kind: 'validation', maxRows: 10 });
    expect(await collect(readSpreadsheet(utf8(body), 'csv', { maxRows: 50 }))).toHaveLength(51);
  });

  it('reports an unterminated quote as SpreadsheetUnreadable with a line', async () => {
    const read = collect(readSpreadsheet(utf8('sku,title\nA,"never closed\nB,c\n'), 'csv'));
    await expect(read).rejects.toBeInstanceOf(SpreadsheetUnreadable);
    await expect(collect(readSpreadsheet(utf8('sku,title\nA,"never closed\n'), 'csv'))).rejects.toThrow(/could not be read/);
  });

  it('reads an empty file as no rows', async () => {
    expect(await collect(readSpreadsheet(new Uint8Array(), 'csv'))).toEqual([]);
  });

  it('reads 100,000 rows as a stream (timing logged)', async () => {
    const lines = ['sku,title,price,qty,category'];
    for (let i = 0; i < 100_000; i++) lines.push(`SKU-${i},"Product ${i}, blue",${(i % 997) + 0.99},${i % 50},kitchen`);
    const bytes = utf8(lines.join('\r\n'));
    const started = performance.now();
    let count = 0;
    let last = 0;
    for await (const row of readSpreadsheet(bytes, 'csv')) {
      count++;
      last = row.rowNumber;
    }
    const ms = performance.now() - started;
    console.info(`[perf] csv: read 100,000 rows (${(bytes.byteLength / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms`);
    expect(count).toBe(100_001);
    expect(last).toBe(100_001);
  });
});
