import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../platform/workers/start-module-worker.js';
import { shareBlocks, type Blocks } from './candidate-pairs.js';
import type { LinkageWorkerData, LinkageWorkerReply, LinkageWorkerTask } from './linkage-worker.js';
import { readPreparedInput } from './read-prepared-records.js';
import type { ReadOptions } from './read-link-records.js';
import { finishRun, trainRun, type LinkageRunOptions, type LinkageRunResult } from './run-linkage.js';
import { newStamp, scoreRange, scoringRanges, type ScoredRange } from './score-candidates.js';

export interface FileLinkageOptions extends LinkageRunOptions {
  /** Worker threads scoring besides the main thread (0: all in the main thread). */
  workers: number;
  /** Leave every range to the workers (tests comparing their scores with one thread's); needs workers > 0. */
  workersOnly?: boolean;
}

/** A threaded run's result: the left set's size (link) and how many ranges the workers scored. */
export interface FileLinkageResult extends LinkageRunResult {
  splitAt: number;
  rangesScoredInWorkers: number;
}

/**
 * dedupeRecords (one file) or linkRecords (two) on CSV files, with candidate pairs scored in
 * `workers` threads besides the main one. Each worker reads and prepares its own copy of the
 * records while the main thread reads, prepares, blocks and trains (a copy from the file costs
 * less than moving a million prepared records between threads); the blocks are shared, not
 * copied. Threads claim ranges of driver records from a shared counter and the ranges are put
 * back in order, so the result is the same, pair for pair and in the same order, for any number
 * of workers. Throws LinkageInputError as readLinkRecords does.
 */
export async function linkFiles(
  files: readonly string[],
  read: ReadOptions,
  options: FileLinkageOptions,
): Promise<FileLinkageResult> {
  const channel = new MessageChannel();
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: options.workers }, (_, index) => {
    const workerData: LinkageWorkerData = { files: [...files], read };
    if (index > 0 || options.model) return startModuleWorker(import.meta.url, 'linkage-worker', { workerData });
    workerData.blocks = { port: channel.port2, ready, options: { maxBlockSize: options.maxBlockSize } };
    return startModuleWorker(import.meta.url, 'linkage-worker', { workerData, transferList: [channel.port2] });
  });
  const replies = workers.map(replyOf);
  try {
    const trainStart = performance.now();
    const input = readPreparedInput(files, read);
    const waitMs = 2 * (performance.now() - trainStart) + BLOCKS_SLACK_MS;
    const run = trainRun(input, options, () =>
      workers.length > 0 ? receiveBlocks(channel.port1, ready, waitMs) : undefined,
    );
    const scoreStart = performance.now();
    const task = workers.length > 0 ? { ...run.task, blocks: shareBlocks(run.task.blocks) } : run.task;
    const ranges = scoringRanges(task);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const state = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, workers.length)));
    workers.forEach((worker, index) => {
      const message: LinkageWorkerTask = { task, ranges, next, state, index };
      worker.postMessage(message);
    });
    const scored: Array<ScoredRange | undefined> = new Array(ranges.length);
    const stamp = newStamp(run.prepared.length);
    const mainScores = !options.workersOnly || workers.length === 0;
    for (let range = Atomics.add(next, 0, 1); mainScores && range < ranges.length; range = Atomics.add(next, 0, 1)) {
      scored[range] = scoreRange(task, run.prepared, ranges[range]![0], ranges[range]![1], stamp);
    }
    let rangesScoredInWorkers = 0;
    for (const [index, worker] of workers.entries()) {
      // A worker still preparing its records when every range is claimed is not waited for.
      if (mainScores && Atomics.compareExchange(state, index, 0, 2) === 0) {
        await worker.terminate();
        continue;
      }
      for (const part of (await replies[index]!)?.scored ?? []) {
        scored[part.range] = part;
        rangesScoredInWorkers += 1;
      }
    }
    // Ranges of a worker that failed after claiming them are scored here.
    ranges.forEach(([from, to], range) => {
      scored[range] ??= scoreRange(task, run.prepared, from, to, stamp);
    });
    const result = finishRun(run, scored as ScoredRange[], scoreStart - trainStart, performance.now() - scoreStart);
    return { ...result, splitAt: run.splitAt, rangesScoredInWorkers };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Beyond twice the main thread's own reading time, the blocks are built here rather than waited for. */
const BLOCKS_SLACK_MS = 10_000;

/**
 * The blocks the first worker built, waiting up to `waitMs` for them; undefined (build them
 * here) when the worker failed or is that late. Blocking is what the main thread wants here: it
 * has nothing else to do before scoring.
 */
function receiveBlocks(port: MessagePort, ready: Int32Array, waitMs: number): Blocks | undefined {
  Atomics.wait(ready, 0, 0, waitMs);
  const message = Atomics.load(ready, 0) === 1 ? receiveMessageOnPort(port) : undefined;
  port.close();
  return message?.message as Blocks | undefined;
}

/** The worker's reply, or null when it failed or exited first. */
function replyOf(worker: Worker): Promise<LinkageWorkerReply | null> {
  return new Promise((resolve) => {
    worker.once('message', (reply: LinkageWorkerReply) => resolve(reply));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
