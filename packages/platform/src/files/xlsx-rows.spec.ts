import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read-spreadsheet';
import { SpreadsheetTooLarge, SpreadsheetUnreadable } from './spreadsheet.types';
import { collect } from './test-helpers';
import { plainCell } from './xlsx-rows';

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Products'));
  wb.addWorksheet('Notes').addRow(['not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readSpreadsheet (xlsx)', () => {
  it('reads numbers, text, rich text, formulas, dates, booleans and hyperlinks as plain values', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['sku', 'title', 'price', 'qty', 'total', 'since', 'active', 'link']);
      ws.addRow(['A-1', { richText: [{ text: 'Big ' }, { text: 'Mug', font: { bold: true } }] }, 12.5, 3, { formula: 'C2*D2', result: 37.5 }, new Date(Date.UTC(2024, 0, 2)), true, { text: 'site', hyperlink: 'https://x.test' }]);
      ws.addRow([]);
      ws.addRow(['A-2', 'Text only', 1, null, { formula: 'C4*2' }]);
      ws.getCell('B5').value = { formula: 'UPPER("x")', result: 'X' };
    });
    const rows = await collect(readSpreadsheet(bytes, 'xlsx'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['sku', 'title', 'price', 'qty', 'total', 'since', 'active', 'link'] },
      { rowNumber: 2, cells: ['A-1', 'Big Mug', 12.5, 3, 37.5, new Date(Date.UTC(2024, 0, 2)), true, 'site'] },
      { rowNumber: 4, cells: ['A-2', 'Text only', 1, null, null] },
      { rowNumber: 5, cells: [null, 'X'] },
    ]);
  });

  it('reads the worksheet shown as the first tab, not the first one stored', async () => {
    const wb = new ExcelJS.Workbook();
    const stored = wb.addWorksheet('Stored first');
    stored.addRow(['wrong sheet']);
    const shown = wb.addWorksheet('Shown first');
    shown.addRow(['right sheet']);
    // exceljs writes workbook.xml's <sheets> in orderNo order: the tab order users see.
    Object.assign(shown, { orderNo: 0 });
    Object.assign(stored, { orderNo: 1 });
    const rows = await collect(readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx'));
    expect(rows).toEqual([{ rowNumber: 1, cells: ['right sheet'] }]);
  });

  it('reduces exceljs value shapes to plain cells', () => {
    expect(plainCell({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(plainCell({ text: { richText: [{ text: 'rt' }] }, hyperlink: 'https://x' })).toBe('rt');
    expect(plainCell({ sharedFormula: 'A1', result: 4 })).toBe(4);
    expect(plainCell({ error: '#N/A' })).toBe('#N/A');
    expect(plainCell(Number.NaN)).toBeNull();
    expect(plainCell(undefined)).toBeNull();
  });

  it('reads 10,000 rows with the streaming reader (timing logged)', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['sku', 'title', 'price', 'qty', 'value']);
      for (let i = 0; i < 10_000; i++) {
        const r = i + 2;
        ws.addRow([`SKU-${i}`, `Product ${i}`, (i % 997) + 0.99, i % 50, { formula: `C${r}*D${r}`, result: ((i % 997) + 0.99) * (i % 50) }]);
      }
    });
    const started = performance.now();
    let count = 0;
    let last: unknown[] = [];
    for await (const row of readSpreadsheet(bytes, 'xlsx')) {
      count++;
      last = row.cells;
      if (count === 10_001) expect(row.rowNumber).toBe(10_001);
    }
    const ms = performance.now() - started;
    console.info(`[perf] xlsx: read 10,000 rows (${(bytes.byteLength / 1e6).toFixed(2)} MB) in ${ms.toFixed(0)} ms`);
    expect(count).toBe(10_001);
    expect(last).toEqual(['SKU-9999', 'Product 9999', (9999 % 997) + 0.99, 9999 % 50, ((9999 % 997) + 0.99) * (9999 % 50)]);
  });

  it('throws SpreadsheetTooLarge after maxRows + 1 data rows', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['sku']);
      for (let i = 0; i < 100; i++) ws.addRow([`S-${i}`]);
    });
    let delivered = 0;
    const read = async () => {
      for await (const _row of readSpreadsheet(bytes, 'xlsx', { maxRows: 20 })) delivered++;
    };
    await expect(read()).rejects.toBeInstanceOf(SpreadsheetTooLarge);
    expect(delivered).toBe(21);
    expect(await collect(readSpreadsheet(bytes, 'xlsx', { maxRows: 100 }))).toHaveLength(101);
  });

  it('throws SpreadsheetUnreadable with a human message for corrupt input', async () => {
    const good = await workbook((ws) => {
      for (let i = 0; i < 200; i++) ws.addRow([`S-${i}`, `title ${i}`, i]);
    });
    const corrupt = [
      Buffer.from('PK\x03\x04 this is not really a zip file'),
      good.subarray(0, Math.floor(good.length / 2)), // truncated upload
      Buffer.concat([good.subarray(0, 1500), Buffer.alloc(400, 7), good.subarray(1900)]), // damaged middle
      Buffer.from('sku,title\nA,b\n'), // a CSV labelled as xlsx
      new Uint8Array(),
    ];
    for (const bytes of corrupt) {
      const read = collect(readSpreadsheet(bytes, 'xlsx'));
      await expect(read).rejects.toBeInstanceOf(SpreadsheetUnreadable);
      await expect(collect(readSpreadsheet(bytes, 'xlsx'))).rejects.toMatchObject({
        code: 'IMPORT.FILE_UNREADABLE',
        message: expect.stringMatching(/Excel file could not be read.*CSV/),
      });
    }
  });
});
