import { termValue, type ComparisonDefinition } from './comparisons.js';
import type { TermFrequencyTable } from './linkage-model.js';
import type { PreparedRecord } from './prepare-record.js';

/**
 * Counts the values of each term-frequency comparison over the records. Values seen once are
 * dropped to keep the model small: a missing value counts as seen once.
 */
export function countTermFrequencies(
  comparisons: readonly ComparisonDefinition[],
  records: readonly PreparedRecord[],
): Record<string, TermFrequencyTable> {
  const tables: Record<string, TermFrequencyTable> = {};
  for (const comparison of comparisons) {
    if (!comparison.termFrequency) continue;
    const counts = new Map<string, number>();
    let total = 0;
    for (const record of records) {
      const value = termValue(comparison, record);
      if (value === undefined) continue;
      total += 1;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const kept: Record<string, number> = {};
    const repeated = [...counts].filter((entry) => entry[1] >= 2);
    for (const [value, n] of repeated.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) kept[value] = n;
    tables[comparison.name] = { total, counts: kept };
  }
  return tables;
}

/** The relative frequency of a value (at least 1 / total). */
export function termFrequency(table: TermFrequencyTable, value: string): number {
  const count = Object.hasOwn(table.counts, value) ? table.counts[value]! : 1;
  return count / Math.max(table.total, 1);
}
