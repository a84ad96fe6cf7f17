/**
 * A worker thread of a full run on SQLite (`evaluate-in-workers.ts`): opens its own read-only
 * connection to the database file, evaluates every rule over the batches of persons it is
 * handed and posts back what it found; the main thread writes the cases.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { checkPersons } from './reconcile-cases.js';
import { SqlitePersonViews } from './sqlite-person-views.js';
import type { BatchTask, WorkerInput } from './evaluate-in-workers.js';

const { file, asOf } = workerData as WorkerInput;
const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('cache_size = -65536');
const views = new SqlitePersonViews(sqlite);
const port = parentPort!;
port.on('message', (task: BatchTask | 'close') => {
  if (task === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  const { result } = views.batchBetween(task.afterId, task.lastId, (batch) => checkPersons(batch, CROSSCHECK_RULES, asOf));
  const ids = result.ids as Float64Array;
  port.postMessage({ index: task.index, ids, persons: result.persons }, [ids.buffer as ArrayBuffer]);
});
