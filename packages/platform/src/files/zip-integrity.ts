import { createInflateRaw, crc32 } from 'node:zlib';
import { readZipDirectory, type ZipEntry } from './zip-directory';

/** Refuse archives that unpack to more than this: a 10 MB zip bomb must not cost minutes of CPU. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

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

async function checkEntry(buf: Buffer, e: ZipEntry): Promise<string | null> {
  const data = buf.subarray(e.dataStart, e.dataStart + e.packedSize);
  let actual: { crc: number; size: number };
  if (e.method === 0) actual = { crc: crc32(data), size: data.length };
  else if (e.method === 8) {
    try {
      actual = await inflatedCrc(data, e.size);
    } catch {
      return 'an archive entry does not decompress';
    }
  } else return `an archive entry uses unsupported compression (method ${e.method})`;
  return actual.crc >>> 0 === e.crc && actual.size === e.size ? null : 'an archive entry fails its checksum';
}

/** Verified members of the archive (null for zip64), or why the uploader's file is unusable. */
export type VerifiedZip = { entries: ZipEntry[] | null; centralOffset: number } | { problem: string };

/**
 * Checks the central directory and every entry's CRC before exceljs sees the file. Its streaming
 * unzip trusts local headers and skips CRCs, so a truncated or damaged upload can otherwise read
 * as zero rows or garbage instead of failing. Inflation is chunked: memory stays bounded.
 */
export async function verifyZip(buf: Buffer): Promise<VerifiedZip> {
  const dir = readZipDirectory(buf);
  if ('problem' in dir || dir.entries === null) return dir;
  let unpacked = 0;
  for (const e of dir.entries) {
    unpacked += e.size;
    if (unpacked > MAX_UNPACKED_BYTES) return { problem: 'it unpacks to more than 1 GiB' };
    const problem = await checkEntry(buf, e);
    if (problem) return { problem };
  }
  return dir;
}
