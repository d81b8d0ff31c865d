import { DomainError } from '@dropship/core';

/** A cell as importers see it: formulas, rich text and hyperlinks already reduced to plain values. */
export type SpreadsheetCell = string | number | boolean | Date | null;

/** One row; `rowNumber` is what the user sees in Excel (header = 1), so error messages point at the right line. */
export interface SpreadsheetRow {
  rowNumber: number;
  cells: SpreadsheetCell[];
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** Over the import row cap; a DomainError so the API answers 400 instead of 500 (SEC-9). */
export class SpreadsheetTooLarge extends DomainError {
  constructor(readonly maxRows: number) {
    super('IMPORT.TOO_MANY_ROWS', 'validation', `The file has more than ${maxRows.toLocaleString('en-US')} data rows; split it into smaller files`, [], { maxRows });
  }
}

/** The bytes are not a readable CSV/XLSX; the message is meant for the person who uploaded the file. */
export class SpreadsheetUnreadable extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('IMPORT.FILE_UNREADABLE', 'validation', message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
