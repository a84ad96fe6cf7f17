import type { CellValue, TabularWriter } from './tabular-writer.js';

/**
 * Writes every row from a (possibly async) iterable, awaiting only when the writer asks, and
 * returns how many rows were written. It does not close the writer.
 */
export async function writeRows(
  writer: TabularWriter,
  rows: Iterable<ReadonlyArray<CellValue>> | AsyncIterable<ReadonlyArray<CellValue>>,
): Promise<number> {
  let count = 0;
  for await (const values of rows) {
    const wait = writer.writeRow(values);
    if (wait) await wait;
    count++;
  }
  return count;
}
