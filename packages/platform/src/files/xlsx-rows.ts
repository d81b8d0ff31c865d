import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { firstSheetChunks } from './xlsx-entry-order';
import { verifyZip } from './zip-integrity';
import { SpreadsheetUnreadable, type SpreadsheetCell, type SpreadsheetRow } from './spreadsheet.types';

/** Reduces exceljs cell values (rich text, hyperlinks, formulas, errors) to the plain value a user sees. */
export function plainCell(value: unknown): SpreadsheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return plainCell(v.result);
  if ('hyperlink' in v || 'text' in v) return plainCell(v.text ?? v.hyperlink);
  if (typeof v.error === 'string') return v.error; // '#N/A' tells the user more than an empty cell would
  return null;
}

const unreadable = (cause?: unknown, why = 'it is damaged or not an .xlsx workbook'): SpreadsheetUnreadable =>
  new SpreadsheetUnreadable(`The Excel file could not be read: ${why}. Re-save it from Excel as .xlsx or export it as CSV.`, { cause });

/** Rows of the first worksheet, read with exceljs's streaming reader so the sheet is never materialised. */
export async function* xlsxRows(input: Uint8Array): AsyncGenerator<SpreadsheetRow> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const zip = await verifyZip(bytes);
  if ('problem' in zip) throw unreadable(undefined, zip.problem);
  // zip64 (over 4 GiB; Excel never writes it) goes to exceljs unchanged; everything else in the order it streams best.
  const chunks = zip.entries ? firstSheetChunks(bytes, zip.entries, zip.centralOffset) : [bytes];
  if (!chunks) throw unreadable(undefined, 'it contains no worksheet');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from plain numbers
    hyperlinks: 'ignore', // the cell keeps its display text
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: SpreadsheetCell[] = [];
        for (let col = 1; col < values.length; col++) cells.push(plainCell(values[col]));
        yield { rowNumber: row.number, cells };
      }
      break; // first worksheet only; stop unzipping the rest
    }
  } catch (error) {
    throw unreadable(error);
  }
  if (!sawSheet) throw unreadable(undefined, 'it contains no worksheet');
}
