import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A temporary copy of streamed bytes on disk. */
export interface SpooledFile {
  readonly path: string;
  /** Deletes the copy; safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * Writes a stream to a private temporary file, for formats that need random access (an XLSX
 * package is read through its central directory, at the end of the file).
 */
export async function spoolToFile(chunks: AsyncIterable<Uint8Array>): Promise<SpooledFile> {
  const folder = await mkdtemp(join(tmpdir(), 'popx-parse-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'submission.xlsx');
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}
