import zlib from 'node:zlib';
import type { ByteSink } from './byte-sink.js';
import { crc32 } from './crc32.js';
import { waitForDrain } from './wait-for-drain.js';

/** An entry being streamed into a ZIP file. */
export interface ZipEntryWriter {
  /** Adds bytes; returns a promise only when the compressor or the disk is behind. */
  write(chunk: Uint8Array): void | Promise<void>;
  /** Finishes the entry (its data descriptor follows the data). */
  end(): Promise<void>;
}

/** A ZIP file written front to back, never held in memory. */
export interface ZipWriter {
  /** Adds a small entry whose whole content is at hand. */
  addEntry(name: string, data: string | Uint8Array): void | Promise<void>;
  /** Starts a streamed entry; only one entry may be open at a time. */
  openEntry(name: string): ZipEntryWriter;
  /** Writes the central directory and closes the sink. */
  close(): Promise<void>;
}

interface EntryRecord {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const ZIP32_MAX_BYTES = 0xffffffff;
const ZIP32_MAX_ENTRIES = 0xffff;
const VERSION = 20;
const METHOD_DEFLATE = 8;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
/** 1980-01-01 00:00, the earliest DOS date: no clock in the bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Compressor buffers large enough to keep deflating while the caller builds the next batch. */
const DEFLATE_HIGH_WATER_BYTES = 1024 * 1024;
/** Output buffer of one compressor round; a 64 KB batch then takes one round even when stored. */
const DEFLATE_CHUNK_BYTES = 128 * 1024;

function tooLarge(what: string): RangeError {
  return new RangeError(`${what} exceeds 4 GB; this ZIP writer does not write ZIP64`);
}

function localHeader(entry: EntryRecord): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(METHOD_DEFLATE, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function dataDescriptor(entry: EntryRecord): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

function centralHeader(entry: EntryRecord): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(METHOD_DEFLATE, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra length, comment length, disk, internal and external attributes stay 0.
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/**
 * Starts a ZIP file on `sink`. Every entry is deflated; dates are fixed at 1980-01-01 00:00 and
 * nothing else varies, so the same entries give the same bytes. Streamed entries use data
 * descriptors (general purpose bit 3): CRC and sizes follow the data, computed as it passes.
 */
export function createZipWriter(sink: ByteSink, options: { level?: number } = {}): ZipWriter {
  const level = options.level ?? 6;
  const entries: EntryRecord[] = [];
  const names = new Set<string>();
  let offset = 0;
  let entryOpen = false;
  let closed = false;

  function emit(chunk: Uint8Array): void | Promise<void> {
    offset += chunk.length;
    if (offset > ZIP32_MAX_BYTES) throw tooLarge('the ZIP file');
    return sink.write(chunk);
  }

  function startEntry(name: string, flags: number): EntryRecord {
    if (closed) throw new Error('ZIP writer is closed');
    if (entryOpen) throw new Error('a ZIP entry is still open');
    if (names.has(name)) throw new Error(`duplicate ZIP entry ${name}`);
    if (entries.length === ZIP32_MAX_ENTRIES) throw new RangeError('too many ZIP entries');
    names.add(name);
    const ascii = /^[\x00-\x7f]*$/.test(name);
    return {
      name: Buffer.from(name, 'utf8'),
      flags: ascii ? flags : flags | FLAG_UTF8_NAME,
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset,
    };
  }

  return {
    addEntry(name, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const entry = startEntry(name, 0);
      const compressed = zlib.deflateRawSync(bytes, { level });
      if (compressed.length > ZIP32_MAX_BYTES || bytes.length > ZIP32_MAX_BYTES) {
        throw tooLarge(`ZIP entry ${name}`);
      }
      Object.assign(entry, {
        crc: crc32(bytes),
        compressedSize: compressed.length,
        size: bytes.length,
      });
      entries.push(entry);
      const wait = emit(localHeader(entry));
      return emit(compressed) ?? wait;
    },

    openEntry(name) {
      const entry = startEntry(name, FLAG_DATA_DESCRIPTOR);
      entryOpen = true;
      void emit(localHeader(entry));
      const deflate = zlib.createDeflateRaw({
        level,
        chunkSize: DEFLATE_CHUNK_BYTES,
        // Not in @types/node's ZlibOptions, but passed on to the Transform stream.
        ...{ writableHighWaterMark: DEFLATE_HIGH_WATER_BYTES },
      });
      let failure: Error | undefined;
      deflate.on('error', (error) => {
        failure ??= error;
      });
      deflate.on('data', (chunk: Buffer) => {
        entry.compressedSize += chunk.length;
        try {
          const wait = emit(chunk);
          if (wait) {
            deflate.pause();
            void wait.then(() => deflate.resume());
          }
        } catch (error) {
          failure ??= error as Error;
          deflate.destroy();
        }
      });
      const finished = new Promise<void>((resolve) => deflate.once('close', resolve));

      return {
        write(chunk) {
          if (failure) throw failure;
          entry.size += chunk.length;
          if (entry.size > ZIP32_MAX_BYTES) throw tooLarge(`ZIP entry ${name}`);
          entry.crc = crc32(chunk, entry.crc);
          if (!deflate.write(chunk)) return waitForDrain(deflate);
          // The compressor runs on the thread pool but hears back only when the event loop
          // turns; yielding after each chunk lets it compress while the caller builds the next.
          return new Promise<void>((resolve) => setImmediate(resolve));
        },
        async end() {
          deflate.end();
          await finished;
          if (failure) throw failure;
          if (entry.compressedSize > ZIP32_MAX_BYTES) throw tooLarge(`ZIP entry ${name}`);
          entries.push(entry);
          entryOpen = false;
          await emit(dataDescriptor(entry));
        },
      };
    },

    async close() {
      if (entryOpen) throw new Error('a ZIP entry is still open');
      if (closed) throw new Error('ZIP writer closed twice');
      closed = true;
      const start = offset;
      for (const entry of entries) await emit(centralHeader(entry));
      await emit(endOfCentralDirectory(entries.length, offset - start, start));
      await sink.close();
    },
  };
}
