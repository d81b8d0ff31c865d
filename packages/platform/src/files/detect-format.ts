import type { SpreadsheetFormat } from './spreadsheet.types';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIMES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'text/plain', 'application/vnd.ms-excel']);

/** Zip local-file-header magic; every xlsx starts with it. */
const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Old binary .xls (OLE2) – recognised only so we can refuse it instead of parsing it as CSV. */
const isOle2 = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Decides how to read an upload. Bytes win over headers because browsers label CSVs as
 * `application/vnd.ms-excel` and users rename files; null means "not something we can import".
 */
export function detectFormat(contentType?: string, filename?: string, bytes?: Uint8Array): SpreadsheetFormat | null {
  if (bytes && bytes.length > 0) {
    if (isZip(bytes)) return 'xlsx';
    if (isOle2(bytes)) return null;
    // Text with a NUL byte is binary (except UTF-16, which starts with a BOM); don't treat it as CSV.
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    if (!utf16 && bytes.subarray(0, 4096).includes(0)) return null;
  }
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (mime === XLSX_MIME || ext === 'xlsx') return bytes && bytes.length > 0 ? null : 'xlsx';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv' || (mime !== undefined && CSV_MIMES.has(mime))) return 'csv';
  // Unlabelled text bytes: CSV is the only text format we accept.
  if (bytes && bytes.length > 0 && mime === undefined && ext === undefined) return 'csv';
  return null;
}
