import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openByteSink } from './byte-sink.js';
import { crc32, crc32Table } from './crc32.js';
import { createZipWriter } from './zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReadEntry {
  name: string;
  flags: number;
  time: number;
  date: number;
  data: Buffer;
}

/** Reads a ZIP the way unzip does: from the central directory, checking each CRC. */
function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(zip.length - 22);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ReadEntry[] = [];
  for (let n = 0; n < count; n++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [flags, time, date] = [zip.readUInt16LE(at + 8), zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)];
    const [crc, compressedSize, size] = [
      zip.readUInt32LE(at + 16),
      zip.readUInt32LE(at + 20),
      zip.readUInt32LE(at + 24),
    ];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(zip.subarray(start, start + compressedSize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    if (flags & 0x0008) {
      const descriptor = start + compressedSize;
      expect(zip.readUInt32LE(descriptor)).toBe(0x08074b50);
      expect([
        zip.readUInt32LE(descriptor + 4),
        zip.readUInt32LE(descriptor + 8),
        zip.readUInt32LE(descriptor + 12),
      ]).toEqual([crc, compressedSize, size]);
    }
    entries.push({ name, flags, time, date, data });
    at += 46 + nameLength;
  }
  return entries;
}

async function writeZip(file: string, big: Buffer): Promise<Buffer> {
  const zip = createZipWriter(openByteSink(file));
  await zip.addEntry('small.xml', '<a>小</a>');
  const entry = zip.openEntry('streamed/数据.txt');
  for (let at = 0; at < big.length; at += 50_000) await entry.write(big.subarray(at, at + 50_000));
  await entry.end();
  await zip.addEntry('empty', '');
  await zip.close();
  return readFileSync(file);
}

describe('createZipWriter', () => {
  const big = Buffer.concat([randomBytes(300_000), Buffer.from('行'.repeat(200_000))]);

  it('writes entries that inflate back to their data with matching CRCs and sizes', async () => {
    const entries = readZip(await writeZip(join(dir, 'a.zip'), big));
    expect(entries.map((entry) => entry.name)).toEqual(['small.xml', 'streamed/数据.txt', 'empty']);
    expect(entries[0]!.data.toString('utf8')).toBe('<a>小</a>');
    expect(entries[1]!.data.equals(big)).toBe(true);
    expect(entries[2]!.data.length).toBe(0);
  });

  it('stamps every entry 1980-01-01 00:00, marks streamed entries with a data descriptor and UTF-8 names', async () => {
    const entries = readZip(await writeZip(join(dir, 'b.zip'), big));
    for (const entry of entries) expect([entry.time, entry.date]).toEqual([0, 0x21]);
    expect(entries.map((entry) => entry.flags)).toEqual([0, 0x0808, 0]);
  });

  it('writes the same bytes for the same entries', async () => {
    const first = await writeZip(join(dir, 'c.zip'), big);
    const second = await writeZip(join(dir, 'd.zip'), big);
    expect(first.equals(second)).toBe(true);
  });

  it('refuses a duplicate name and a second open entry', async () => {
    const zip = createZipWriter(openByteSink(join(dir, 'e.zip')));
    await zip.addEntry('a', 'x');
    expect(() => zip.addEntry('a', 'y')).toThrow(/duplicate/);
    const entry = zip.openEntry('b');
    expect(() => zip.openEntry('c')).toThrow(/still open/);
    await entry.end();
    await zip.close();
    expect(readZip(readFileSync(join(dir, 'e.zip'))).map((e) => e.name)).toEqual(['a', 'b']);
  });
});

describe('crc32', () => {
  it('gives the same CRC-32 natively and with the table fallback, also when continued', () => {
    const data = randomBytes(10_000);
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Table(data)).toBe(crc32(data));
    expect(crc32Table(data.subarray(5000), crc32Table(data.subarray(0, 5000)))).toBe(crc32(data));
  });
});
