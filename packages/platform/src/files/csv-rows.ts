import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { SpreadsheetUnreadable, type SpreadsheetRow } from './spreadsheet.types';

const CHUNK = 64 * 1024;
const SNIFF = 64 * 1024;

/** Picks `;` or tab when the header line has more of them than commas (European Excel exports use `;`). */
export function sniffDelimiter(input: Uint8Array): ',' | ';' | '\t' {
  const utf16 = input[0] === 0xff && input[1] === 0xfe;
  const text = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, SNIFF)).toString(utf16 ? 'utf16le' : 'utf8');
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** Feeds the buffer in chunks so the parser's backpressure, not the file size, bounds the rows in flight. */
function* chunks(input: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < input.byteLength; at += CHUNK) {
    yield Buffer.from(input.buffer, input.byteOffset + at, Math.min(CHUNK, input.byteLength - at));
  }
}

/** Every record of a CSV, blank ones included, numbered as a spreadsheet program would number them. */
export async function* csvRows(input: Uint8Array): AsyncGenerator<SpreadsheetRow> {
  const parser = Readable.from(chunks(input)).pipe(
    parse({
      bom: true, // UTF-8 and UTF-16LE byte-order marks, as Excel writes them
      delimiter: sniffDelimiter(input),
      relax_column_count: true, // ragged rows are normal in supplier exports; the mapper reports missing cells
      relax_quotes: true, // `12" pan` in an unquoted field is data, not a syntax error
      skip_empty_lines: false, // keep blank lines so row numbers match what the user sees
    }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new SpreadsheetUnreadable(`The CSV file could not be read${line ? ` near line ${line}` : ''}: ${error.message}`, { cause: error });
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
