/**
 * Worker thread of a threaded linkage run (run-linkage-threads.ts): prepares its own copy of the
 * records from the same files while the main thread does, builds the candidate blocks (one
 * worker) while the main thread trains, then scores the ranges of driver records it claims from
 * a shared counter and posts them back. Started by startModuleWorker.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { buildRecordBlocks, shareBlocks, type CandidateOptions } from './candidate-pairs.js';
import { readPreparedInput } from './read-prepared-records.js';
import type { ReadOptions } from './read-link-records.js';
import { newStamp, scoreRange, type ScoredRange, type ScoringTask } from './score-candidates.js';

/** What the worker is started with. */
export interface LinkageWorkerData {
  files: string[];
  read: ReadOptions;
  /** For one worker: build the candidate blocks, post them on `port` and set `ready[0]` to 1 (−1 on failure). */
  blocks?: { port: MessagePort; ready: Int32Array; options: CandidateOptions };
}

/** The message that starts scoring. */
export interface LinkageWorkerTask {
  task: ScoringTask;
  ranges: Array<[number, number]>;
  /** [0]: the next range to claim. */
  next: Int32Array;
  /** Per worker: 0 waiting, 1 scoring, 2 told not to start (the main thread claimed every range). */
  state: Int32Array;
  index: number;
}

/** The worker's reply: the ranges it scored, by range index. */
export interface LinkageWorkerReply {
  scored: Array<ScoredRange & { range: number }>;
}

const { files, read, blocks } = workerData as LinkageWorkerData;
const { prepared } = readPreparedInput(files, read);
if (blocks) postBlocks(blocks);

parentPort!.once('message', ({ task, ranges, next, state, index }: LinkageWorkerTask) => {
  const scored: LinkageWorkerReply['scored'] = [];
  if (Atomics.compareExchange(state, index, 0, 1) === 0) {
    const stamp = newStamp(prepared.length);
    for (let range = Atomics.add(next, 0, 1); range < ranges.length; range = Atomics.add(next, 0, 1)) {
      const [from, to] = ranges[range]!;
      scored.push({ range, ...scoreRange(task, prepared, from, to, stamp) });
    }
  }
  const reply: LinkageWorkerReply = { scored };
  parentPort!.postMessage(
    reply,
    scored.flatMap((s) => [s.i.buffer, s.j.buffer, s.weight.buffer] as ArrayBuffer[]),
  );
});

/** Builds the blocks into shared memory and hands them to the main thread, which may be waiting for them. */
function postBlocks({ port, ready, options }: NonNullable<LinkageWorkerData['blocks']>): void {
  try {
    port.postMessage(shareBlocks(buildRecordBlocks(prepared, options)));
    Atomics.store(ready, 0, 1);
  } catch (error) {
    Atomics.store(ready, 0, -1);
    throw error;
  } finally {
    Atomics.notify(ready, 0);
    port.close();
  }
}
