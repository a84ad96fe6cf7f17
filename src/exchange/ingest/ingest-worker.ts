// Worker thread of validateFileInWorker: validates one file and posts what validateFile yields,
// holding back while the main thread has `aheadBatches` batches it has not taken yet.
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile, type ValidateFileInput } from './validate-file.js';

const { input, aheadBatches } = workerData as { input: ValidateFileInput; aheadBatches: number };
const port = parentPort!;
let unacked = 0;
let wake: (() => void) | undefined;
const onAck = () => {
  unacked -= 1;
  wake?.();
};
port.on('message', onAck);

for await (const message of validateFile(input)) {
  while (unacked >= aheadBatches) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
  if (message.kind === 'batch') unacked += 1;
  // The batch's COPY text is handed over, not copied.
  const copyText = message.kind === 'batch' ? message.batch.copyText : undefined;
  port.postMessage(message, copyText ? [copyText.buffer as ArrayBuffer] : []);
}
// Not port.close(): that may drop messages still on their way; without a listener the thread just ends.
port.off('message', onAck);
