import type { ByteSink } from './byte-sink.js';

/** Text appended row by row and handed to a {@link ByteSink} in encoded batches. */
export interface TextBatcher {
  /** Adds text; returns a promise only when a batch was flushed into a full sink. */
  append(text: string): void | Promise<void>;
  /** Encodes and writes whatever is still pending (without closing the sink). */
  flush(): void | Promise<void>;
}

/** Batch size in UTF-16 code units; large enough to amortise encoding, small enough to stream. */
export const TEXT_BATCH_CHARS = 64 * 1024;

/**
 * Batches text before encoding it with `encode`. Callers append whole rows, so a batch never
 * splits a surrogate pair and the batch boundaries depend only on the rows (byte determinism).
 */
export function createTextBatcher(sink: Pick<ByteSink, 'write'>, encode: (text: string) => Uint8Array): TextBatcher {
  let pending = '';
  function flush(): void | Promise<void> {
    if (pending.length === 0) return;
    const bytes = encode(pending);
    pending = '';
    return sink.write(bytes);
  }
  return {
    append(text) {
      pending += text;
      if (pending.length >= TEXT_BATCH_CHARS) return flush();
    },
    flush,
  };
}
