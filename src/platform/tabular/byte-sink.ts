import { createWriteStream } from 'node:fs';
import { waitForDrain } from './wait-for-drain.js';

/** Bytes going to one file, in order, with the file's backpressure surfaced to the caller. */
export interface ByteSink {
  /** Queues a chunk; returns a promise only when the caller should wait for the disk. */
  write(chunk: Uint8Array): void | Promise<void>;
  /** Flushes and closes the file; rejects with the first write error, if any. */
  close(): Promise<void>;
  /** Closes the file descriptor at once after a failure, leaving a partial file behind. */
  destroy(): void;
}

/** A large buffer so that a 64 KB batch does not trip backpressure on every write. */
const SINK_HIGH_WATER_BYTES = 1024 * 1024;

/**
 * Opens `filePath` for writing (truncating it) as a {@link ByteSink}. Write errors, including a
 * failure to open, are kept and thrown by the next `write` or by `close`; a wait for the disk
 * always resolves, so a caller that forgets to await never gets an unhandled rejection.
 */
export function openByteSink(filePath: string): ByteSink {
  const stream = createWriteStream(filePath, { highWaterMark: SINK_HIGH_WATER_BYTES });
  let failure: Error | undefined;
  let drain: Promise<void> | undefined;
  let closed = false;
  stream.on('error', (error) => {
    failure ??= error;
  });

  return {
    write(chunk) {
      if (failure) throw failure;
      if (closed) throw new Error('write after close');
      if (chunk.length === 0) return;
      if (stream.write(chunk)) return;
      drain ??= waitForDrain(stream).then(() => {
        drain = undefined;
      });
      return drain;
    },
    close() {
      if (closed) return Promise.reject(new Error('byte sink closed twice'));
      closed = true;
      return new Promise<void>((resolve, reject) => {
        const done = (): void => (failure ? reject(failure) : resolve());
        if (stream.closed) return done();
        stream.once('close', done);
        stream.end();
      });
    },
    destroy() {
      closed = true;
      stream.destroy();
    },
  };
}
