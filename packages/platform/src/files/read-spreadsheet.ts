import { csvRows } from './csv-rows';
import { SpreadsheetTooLarge, type SpreadsheetFormat, type SpreadsheetRow } from './spreadsheet.types';
import { xlsxRows } from './xlsx-rows';

export interface ReadSpreadsheetOptions {
  /** Data rows (after the header) allowed; one more and SpreadsheetTooLarge is thrown without reading the rest. */
  maxRows?: number;
}

const isBlank = (row: SpreadsheetRow): boolean => row.cells.every((c) => c === null || c === '');

/**
 * Streams the rows of a CSV or the first worksheet of an XLSX. The first non-blank row is the
 * header; blank rows are skipped but still counted in `rowNumber`.
 */
export async function* readSpreadsheet(input: Uint8Array, format: SpreadsheetFormat, opts: ReadSpreadsheetOptions = {}): AsyncGenerator<SpreadsheetRow> {
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const rows = format === 'csv' ? csvRows(input) : xlsxRows(input);
  let seen = 0; // header included
  // Leaving this loop (throw, break, or the caller stopping) closes the underlying parser.
  for await (const row of rows) {
    if (isBlank(row)) continue;
    if (seen++ > maxRows) throw new SpreadsheetTooLarge(maxRows);
    yield row;
  }
}
