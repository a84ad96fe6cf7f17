import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

/** One file in a ZIP archive, as its central directory lists it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** A ZIP archive on disk, read through its central directory. */
export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The entry of that path (case-insensitive, without a leading `/`). */
  find(name: string): ZipEntry | undefined;
  /** The entry's uncompressed bytes, streamed; throws past `maxBytes`. */
  read(entry: ZipEntry, maxBytes: number): AsyncIterable<Buffer>;
}

/** Why an archive cannot be read; the caller turns it into the user's error. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MAX_BYTES = 22 + 0xffff;
const CENTRAL_DIRECTORY_MAX_BYTES = 64 * 1024 * 1024;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;

/**
 * Opens a ZIP archive by its central directory, so that an entry's size and place are known
 * before it is read: a truncated or damaged archive fails with ZipFormatError (or a zlib error
 * while reading) instead of leaving a streaming reader waiting for bytes that never come.
 * Reads ZIP64; stored and deflated entries only.
 */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const directory = await readDirectory(handle, size);
    const entries = parseDirectory(directory.bytes, directory.count);
    const lower = new Map([...entries.values()].map((entry) => [entry.name.toLowerCase(), entry]));
    return {
      entries,
      find: (name) => lower.get(name.replace(/^\/+/, '').toLowerCase()),
      read: (entry, maxBytes) => readEntry(path, size, entry, maxBytes),
    };
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipFormatError('unexpected end of the archive');
  return buffer;
}

async function readDirectory(handle: FileHandle, size: number): Promise<{ bytes: Buffer; count: number }> {
  const tailLength = Math.min(size, EOCD_MAX_BYTES);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let length = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const recordOffset = safeNumber(tail.readBigUInt64LE(locator + 8));
    const record = await readAt(handle, recordOffset, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('bad ZIP64 end record');
    count = safeNumber(record.readBigUInt64LE(32));
    length = safeNumber(record.readBigUInt64LE(40));
    offset = safeNumber(record.readBigUInt64LE(48));
  }
  if (length > CENTRAL_DIRECTORY_MAX_BYTES || offset + length > size) throw new ZipFormatError('bad central directory');
  return { bytes: await readAt(handle, offset, length), count };
}

function parseDirectory(bytes: Buffer, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let pos = 0;
  for (let n = 0; n < count; n++) {
    if (pos + 46 > bytes.length || bytes.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('bad central directory entry');
    }
    const nameLength = bytes.readUInt16LE(pos + 28);
    const extraLength = bytes.readUInt16LE(pos + 30);
    const commentLength = bytes.readUInt16LE(pos + 32);
    const end = pos + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipFormatError('bad central directory entry');
    const name = bytes.toString('utf8', pos + 46, pos + 46 + nameLength).replace(/^\/+/, '');
    const extra = bytes.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
    const sizes = zip64Sizes(extra, {
      size: bytes.readUInt32LE(pos + 24),
      compressedSize: bytes.readUInt32LE(pos + 20),
      localOffset: bytes.readUInt32LE(pos + 42),
    });
    entries.set(name, {
      name,
      method: bytes.readUInt16LE(pos + 10),
      flags: bytes.readUInt16LE(pos + 8),
      ...sizes,
    });
    pos = end;
  }
  return entries;
}

type Sizes = { size: number; compressedSize: number; localOffset: number };

/** Sizes and offset that did not fit 32 bits are in the ZIP64 extra field, in this order. */
function zip64Sizes(extra: Buffer, sizes: Sizes): Sizes {
  const result = { ...sizes };
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const id = extra.readUInt16LE(pos);
    const length = extra.readUInt16LE(pos + 2);
    if (id === 0x0001) {
      let at = pos + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (result[key] !== 0xffffffff) continue;
        if (at + 8 > pos + 4 + length || at + 8 > extra.length) throw new ZipFormatError('bad ZIP64 field');
        result[key] = safeNumber(extra.readBigUInt64LE(at));
        at += 8;
      }
    }
    pos += 4 + length;
  }
  return result;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(value);
}

async function* readEntry(path: string, size: number, entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  }
  const handle = await open(path, 'r');
  let start: number;
  try {
    const local = await readAt(handle, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`bad local header of ${entry.name}`);
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (start + entry.compressedSize > size) throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
  if (entry.compressedSize === 0) return;
  const file = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  const bytes: Readable =
    entry.method === METHOD_DEFLATE ? pipeline(file, zlib.createInflateRaw(), () => undefined) : file;
  let total = 0;
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new ZipFormatError(`${entry.name} is larger than ${maxBytes} bytes`);
      yield chunk;
    }
  } finally {
    bytes.destroy();
    file.destroy();
  }
}
