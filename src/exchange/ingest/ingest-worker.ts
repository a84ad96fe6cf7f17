// Worker thread of validateFileInWorker: validates one file and posts what validateFile yields,
// holding back while the main thread has MAX_UNACKED_BATCHES batches it has not taken yet.
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile, type ValidateFileInput } from './validate-file.js';

/** Batches posted but not yet taken by the main thread: bounds the memory between the two. */
const MAX_UNACKED_BATCHES = 8;

const port = parentPort!;
let unacked = 0;
let wake: (() => void) | undefined;
const onAck = () => {
  unacked -= 1;
  wake?.();
};
port.on('message', onAck);

for await (const message of validateFile(workerData as ValidateFileInput)) {
  while (unacked >= MAX_UNACKED_BATCHES) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
  if (message.kind === 'batch') unacked += 1;
  port.postMessage(message);
}
// Not port.close(): that may drop messages still on their way; without a listener the thread just ends.
port.off('message', onAck);
