import { countNameShape, type NameShape } from './comparisons.js';
import { prepareUncachedRecord, type PreparedRecord } from './prepare-record.js';
import { forEachLinkRecord, type ReadOptions } from './read-link-records.js';
import type { PreparedInput } from './run-linkage.js';

/**
 * Reads one file (dedupe) or two (link, laid end to end) and prepares each record as it is
 * read, keeping only the prepared ones: a million raw records are never held at once. Every
 * thread reading the same files gets the same records in the same order. Throws
 * LinkageInputError as readLinkRecords does.
 */
export function readPreparedInput(files: readonly string[], options: ReadOptions): PreparedInput {
  const prepared: PreparedRecord[] = [];
  const names: NameShape = { split: 0, whole: 0 };
  let splitAt = 0;
  for (const [n, file] of files.entries()) {
    if (n === 1) splitAt = prepared.length;
    forEachLinkRecord(file, options, (record) => {
      countNameShape(names, record);
      prepared.push(prepareUncachedRecord(record));
    });
  }
  return { prepared, splitAt, names };
}
