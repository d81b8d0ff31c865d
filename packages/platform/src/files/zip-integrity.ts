import { createInflateRaw, crc32 } from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const CDIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
/** Refuse archives that unpack to more than this: a 10 MB zip bomb must not cost minutes of CPU. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** Why a zip is unusable, in words for the uploader; null when every entry checks out. */
export type ZipProblem = string | null;

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) if (buf.readUInt32LE(at) === EOCD_SIG) return at;
  return -1;
}

/** Stops as soon as the output exceeds the declared size, so a lying header cannot make us inflate a bomb. */
async function inflatedCrc(data: Buffer, declared: number): Promise<{ crc: number; size: number }> {
  const inflate = createInflateRaw();
  inflate.end(data);
  let crc = 0;
  let size = 0;
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (size > declared) {
      inflate.destroy();
      break;
    }
  }
  return { crc, size };
}

/**
 * Checks the central directory and every entry's CRC before exceljs sees the file. Its streaming
 * unzip trusts local headers and skips CRCs, so a truncated or damaged upload can otherwise read
 * as zero rows or garbage instead of failing. Inflation is chunked: memory stays bounded.
 */
export async function checkZipIntegrity(buf: Buffer): Promise<ZipProblem> {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_SIG) return 'not a zip archive';
  const eocd = findEocd(buf);
  if (eocd < 0) return 'the end of the archive is missing (truncated upload?)';
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (at === ZIP64_MARK || count === 0xffff) return null; // zip64: leave it to the reader
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CDIR_SIG) return 'the archive directory is damaged';
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const packedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (packedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) return null;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_SIG) return 'an archive entry is damaged';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packedSize > buf.length) return 'an archive entry is cut short';
    const data = buf.subarray(start, start + packedSize);
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES) return 'it unpacks to more than 1 GiB';
    let actual: { crc: number; size: number };
    if (method === 0) actual = { crc: crc32(data), size: data.length };
    else if (method === 8) {
      try {
        actual = await inflatedCrc(data, size);
      } catch {
        return 'an archive entry does not decompress';
      }
    } else return `an archive entry uses unsupported compression (method ${method})`;
    if (actual.crc >>> 0 !== crc || actual.size !== size) return 'an archive entry fails its checksum';
  }
  return null;
}
