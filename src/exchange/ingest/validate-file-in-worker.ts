import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../platform/workers/start-module-worker.js';
import type { ValidateFileInput, ValidationMessage } from './validate-file.js';

/**
 * Runs {@link validateFile} in a worker thread and yields the same messages in the same order,
 * so parsing, validation and payload hashing use the second core while this thread appends to
 * the ledger. Each batch taken is acknowledged, and the worker waits while `aheadBatches` are
 * unacknowledged (memory stays bounded however slow the database is). Batches waiting here
 * outlive young-generation collections and fill the old generation: keep `aheadBatches` as low
 * as keeps the worker busy (1M rows on SQLite: 8 ahead peaked at 395 MiB RSS, 2 at 293 MiB). A worker that throws or exits early
 * makes the iteration throw; breaking off the iteration terminates the worker.
 */
export async function* validateFileInWorker(
  input: ValidateFileInput,
  aheadBatches = 2,
): AsyncGenerator<ValidationMessage> {
  const worker = startWorker({ input, aheadBatches });
  const queue: ValidationMessage[] = [];
  let failure: Error | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: ValidationMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the validation worker exited with code ${code}`);
    finished = true;
    notify();
  });
  try {
    let ended = false;
    for (;;) {
      const message = queue.shift();
      if (message !== undefined) {
        // A turn of the event loop per batch: messages are delivered in a loop that lasts as long
        // as the worker keeps posting, and would keep timers and sockets (a server's) waiting.
        if (message.kind === 'batch') await new Promise((resolve) => setImmediate(resolve));
        if (message.kind === 'batch') worker.postMessage('ack');
        if (message.kind === 'end' || message.kind === 'file-error') ended = true;
        yield message;
        continue;
      }
      if (failure) throw failure;
      if (finished) {
        if (!ended) throw new Error('the validation worker stopped before the end of the file');
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The worker's rows die young (a batch at a time), but an 8 MB young generation was scavenged
 * every ~600 rows with the batch being built still alive, which promoted it and cost a quarter of
 * the worker's time (200k rows: 316 scavenges, 2.5–3.4 s; with 32 MB: 85, 1.0 s), for no lower
 * peak RSS of the import (258–273 against 238–283 MiB).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32 };

function startWorker(workerData: { input: ValidateFileInput; aheadBatches: number }): Worker {
  return startModuleWorker(import.meta.url, 'ingest-worker', { workerData, resourceLimits: WORKER_LIMITS });
}
