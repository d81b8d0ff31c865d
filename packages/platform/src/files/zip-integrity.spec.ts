import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyZip } from './zip-integrity';

const problemOf = async (buf: Buffer): Promise<string | null> => {
  const r = await verifyZip(buf);
  return 'problem' in r ? r.problem : null;
};

let good: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (let i = 0; i < 100; i++) ws.addRow([`S-${i}`, i]);
  good = Buffer.from(await wb.xlsx.writeBuffer());
});

/** Offset of the central-directory record of the named entry. */
function centralEntry(buf: Buffer, name: string): number {
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let p = buf.indexOf(sig); p >= 0; p = buf.indexOf(sig, p + 4)) {
    const n = buf.readUInt16LE(p + 28);
    if (buf.subarray(p + 46, p + 46 + n).toString() === name) return p;
  }
  throw new Error(`no ${name}`);
}

describe('verifyZip', () => {
  it('accepts a workbook exceljs wrote', async () => {
    expect(await problemOf(good)).toBeNull();
  });

  it('flags a truncated archive and non-zip bytes', async () => {
    expect(await problemOf(good.subarray(0, good.length - 30))).toMatch(/truncated/);
    expect(await problemOf(Buffer.from('hello world, this is not a zip archive'))).toMatch(/not a zip/);
  });

  it('flags an entry whose CRC or size does not match', async () => {
    const crcBad = Buffer.from(good);
    const p = centralEntry(crcBad, 'xl/worksheets/sheet1.xml');
    crcBad.writeUInt32LE((crcBad.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16);
    expect(await problemOf(crcBad)).toMatch(/checksum/);
    const sizeLie = Buffer.from(good);
    sizeLie.writeUInt32LE(10, p + 24); // claims 10 bytes unpacked: inflation stops right after
    expect(await problemOf(sizeLie)).toMatch(/checksum/);
  });

  it('refuses archives that claim to unpack to more than 1 GiB', async () => {
    const bomb = Buffer.from(good);
    bomb.writeUInt32LE(0xfffffff0, centralEntry(bomb, 'xl/worksheets/sheet1.xml') + 24);
    expect(await problemOf(bomb)).toMatch(/more than 1 GiB/);
  });
});
