import type { SpreadsheetRow } from './spreadsheet.types';

/** Drains an async iterable; test-only (production code streams). */
export async function collect(rows: AsyncIterable<SpreadsheetRow>): Promise<SpreadsheetRow[]> {
  const out: SpreadsheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}
