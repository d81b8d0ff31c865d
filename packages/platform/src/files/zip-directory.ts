const EOCD_SIG = 0x06054b50;
const CDIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** One archive member as the central directory describes it, plus where its bytes live. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  /** Start of the local header; [localOffset, spanEnd) is the whole member, data descriptor included. */
  localOffset: number;
  dataStart: number;
  spanEnd: number;
}

/** The members, or null for zip64 archives (which we leave to the reader unverified). */
export type ZipDirectory = { entries: ZipEntry[] | null; centralOffset: number } | { problem: string };

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) if (buf.readUInt32LE(at) === EOCD_SIG) return at;
  return -1;
}

/** Parses the central directory with bounds checks on every offset, so damaged input yields a problem, not a crash. */
export function readZipDirectory(buf: Buffer): ZipDirectory {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_SIG) return { problem: 'not a zip archive' };
  const eocd = findEocd(buf);
  if (eocd < 0) return { problem: 'the end of the archive is missing (truncated upload?)' };
  const count = buf.readUInt16LE(eocd + 10);
  const centralOffset = buf.readUInt32LE(eocd + 16);
  if (centralOffset === ZIP64_MARK || count === 0xffff) return { entries: null, centralOffset: -1 };
  if (centralOffset > eocd) return { problem: 'the archive directory is damaged' };
  const entries: ZipEntry[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CDIR_SIG) return { problem: 'the archive directory is damaged' };
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = {
      name: buf.toString('utf8', at + 46, Math.min(at + 46 + nameLength, eocd)),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      packedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (entry.packedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localOffset === ZIP64_MARK) return { entries: null, centralOffset: -1 };
    const local = entry.localOffset;
    if (local + 30 > centralOffset || buf.readUInt32LE(local) !== LOCAL_SIG) return { problem: 'an archive entry is damaged' };
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + entry.packedSize > centralOffset) return { problem: 'an archive entry is cut short' };
    entries.push({ ...entry, dataStart, spanEnd: 0 });
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  byOffset.forEach((e, i) => (e.spanEnd = byOffset[i + 1]?.localOffset ?? centralOffset));
  return { entries, centralOffset };
}
