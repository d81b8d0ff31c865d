import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-directory';

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SST = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function text(buf: Buffer, e: ZipEntry | undefined): string {
  if (!e) return '';
  const data = buf.subarray(e.dataStart, e.dataStart + e.packedSize);
  try {
    return (e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: 16 * 1024 * 1024 })).toString('utf8');
  } catch {
    return '';
  }
}

const attr = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The worksheet shown as the first tab (workbook.xml order via the rels), else the lowest-numbered sheet. */
function firstSheet(buf: Buffer, byName: Map<string, ZipEntry>): ZipEntry | undefined {
  const firstTab = text(buf, byName.get('xl/workbook.xml')).match(/<(?:\w+:)?sheet\s[^>]*>/)?.[0];
  const rid = firstTab && attr(firstTab, 'r:id');
  if (rid) {
    for (const rel of text(buf, byName.get('xl/_rels/workbook.xml.rels')).match(/<Relationship\s[^>]*>/g) ?? []) {
      if (attr(rel, 'Id') !== rid) continue;
      const target = attr(rel, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const hit = byName.get(path);
      if (hit && SHEET.test(hit.name)) return hit;
    }
  }
  return [...byName.values()].filter((e) => SHEET.test(e.name)).sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]))[0];
}

/** A stored (uncompressed) zip member, used to supply a missing shared-strings part. */
function storedMember(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const data = Buffer.from(content, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data) >>> 0, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * Re-orders the archive for exceljs's streaming reader: relationships, workbook, shared strings
 * and styles first, then only the first worksheet. Otherwise a sheet stored before the shared
 * strings (Excel and exceljs both write it that way) is spooled to a temp file that leaks when
 * reading stops early, and later sheets are unzipped for nothing. Returns null when no sheet exists.
 */
export function firstSheetChunks(buf: Buffer, entries: ZipEntry[], centralOffset: number): Buffer[] | null {
  const byName = new Map(entries.map((e) => [e.name, e] as const));
  const sheet = firstSheet(buf, byName);
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!sheet || !rels) return null;
  const span = (e: ZipEntry): Buffer => buf.subarray(e.localOffset, e.spanEnd);
  const chunks = [span(rels)];
  for (const name of ['xl/workbook.xml', 'xl/styles.xml']) {
    const e = byName.get(name);
    if (e) chunks.push(span(e));
  }
  const sst = byName.get('xl/sharedStrings.xml');
  chunks.push(sst ? span(sst) : storedMember('xl/sharedStrings.xml', EMPTY_SST));
  chunks.push(span(sheet), buf.subarray(centralOffset));
  return chunks;
}
