import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { SNIFF_BYTES } from './parse-limits.js';

/** The bytes of a submission: its head at once for sniffing, then all of it as a stream. */
export interface ByteSource {
  /** The first {@link SNIFF_BYTES} bytes (fewer only when the file is shorter). */
  readonly head: Buffer;
  /** Set when the input is a file on disk. */
  readonly path?: string;
  /** Every byte from the start, head included; call once. */
  chunks(): AsyncIterable<Buffer>;
  /** Stops reading and releases the input. */
  close(): Promise<void>;
}

const asBuffer = (chunk: string | Uint8Array): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);

/** Opens a file path or a byte stream and reads its head. */
export async function openByteSource(input: NodeJS.ReadableStream | string): Promise<ByteSource> {
  return typeof input === 'string' ? openFile(input) : openStream(input);
}

async function openFile(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let stream: ReadStream | undefined;
  return {
    head,
    path,
    chunks() {
      stream = createReadStream(path, { highWaterMark: SNIFF_BYTES });
      return stream;
    },
    async close() {
      stream?.destroy();
    },
  };
}

async function openStream(input: NodeJS.ReadableStream): Promise<ByteSource> {
  const iterator = input[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = asBuffer(next.value);
      buffered.push(chunk);
      length += chunk.length;
    }
  } catch (error) {
    await release(input, iterator);
    throw error;
  }
  const head = Buffer.concat(buffered).subarray(0, SNIFF_BYTES);
  return {
    head,
    async *chunks() {
      while (buffered.length > 0) yield buffered.shift()!;
      while (!done) {
        const next = await iterator.next();
        if (next.done) break;
        yield asBuffer(next.value);
      }
    },
    async close() {
      done = true;
      await release(input, iterator);
    },
  };
}

async function release(input: NodeJS.ReadableStream, iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // The input failed while closing; there is nothing left to release.
  }
  (input as { destroy?: () => void }).destroy?.();
}
