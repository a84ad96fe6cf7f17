import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../platform/workers/start-module-worker.js';
import type { CrosscheckRule } from '../rules/crosscheck-rule.js';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { checkPersons, type BatchFindings } from './reconcile-cases.js';
import type { SqlitePersonViews } from './sqlite-person-views.js';

/** What a worker opens: the SQLite file and the day its rules judge by. */
export interface WorkerInput {
  file: string;
  asOf: string;
}

/** A batch of a full run: the active persons after `afterId` up to `lastId`. */
export interface BatchTask {
  index: number;
  afterId: number;
  lastId: number;
}

/** Batches handed to a worker before it answers: enough that it never waits for this thread, which answers between its own batches. */
const AHEAD_PER_WORKER = 3;
/** Batches yielded together at most (the caller reconciles them in one transaction). */
const MAX_GROUP = 8;

/**
 * Evaluates the rules over the batches, in this thread and in `workers` worker threads at once
 * (the rules in force, CROSSCHECK_RULES, when there are workers), each worker reading the SQLite
 * file through a read-only connection of its own; yields the findings in batch order, several
 * ready batches at a time. While the caller works on what was yielded (writes cases), the workers
 * go on evaluating.
 */
export async function* evaluateInParallel(
  views: SqlitePersonViews,
  { file, asOf }: WorkerInput,
  rules: readonly CrosscheckRule[],
  batches: ReadonlyArray<Omit<BatchTask, 'index'>>,
  workers: number,
): AsyncGenerator<BatchFindings[]> {
  if (workers > 0 && rules !== CROSSCHECK_RULES) throw new Error('worker threads evaluate the rules in force only');
  const done = new Map<number, BatchFindings>();
  let nextTask = 0;
  let nextYield = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const started = Array.from({ length: workers }, () => {
    const worker = startWorker({ file, asOf });
    const state = { worker, outstanding: 0 };
    const feed = () => {
      while (state.outstanding < AHEAD_PER_WORKER && nextTask < batches.length) {
        worker.postMessage({ index: nextTask, ...batches[nextTask]! } satisfies BatchTask);
        nextTask += 1;
        state.outstanding += 1;
      }
    };
    worker.on('message', (message: BatchFindings & { index: number }) => {
      state.outstanding -= 1;
      done.set(message.index, { ids: message.ids, persons: message.persons });
      feed();
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (state.outstanding > 0) failure ??= new Error(`a cross-verification worker exited with code ${code} before answering`);
      notify();
    });
    feed();
    return state;
  });
  let ready: BatchFindings[] = [];
  try {
    while (nextYield < batches.length) {
      if (failure) throw failure;
      // This thread takes the next batch no worker has, then hands on what is ready in order.
      if (nextTask < batches.length) {
        const index = nextTask++;
        const { afterId, lastId } = batches[index]!;
        done.set(index, views.batchBetween(afterId, lastId, (batch) => checkPersons(batch, rules, asOf)).result);
      }
      while (ready.length < MAX_GROUP && done.has(nextYield)) {
        ready.push(done.get(nextYield)!);
        done.delete(nextYield);
        nextYield += 1;
      }
      // A full group (or the last) is handed on; meanwhile, between its own batches, this thread answers the workers.
      if (ready.length > 0 && (ready.length === MAX_GROUP || nextYield === batches.length)) {
        yield ready;
        ready = [];
      } else if (workers > 0 && nextTask < batches.length) await new Promise((resolve) => setImmediate(resolve));
      else if (nextTask >= batches.length && nextYield < batches.length && !done.has(nextYield)) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(started.map((s) => s.worker.terminate()));
  }
}

function startWorker(workerData: WorkerInput): Worker {
  return startModuleWorker(import.meta.url, 'crosscheck-worker', { workerData });
}
