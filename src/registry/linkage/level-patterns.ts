import type { Comparator } from './comparisons.js';
import type { PreparedRecord } from './prepare-record.js';

/**
 * A pair's levels packed into one number: 3 bits per comparison, level + 1 (0 = missing).
 * Training counts pairs by pattern, so EM works on a few thousand patterns whatever the pairs.
 */
export function encodePattern(comparators: readonly Comparator[], a: PreparedRecord, b: PreparedRecord): number {
  let code = 0;
  for (let k = comparators.length - 1; k >= 0; k -= 1) code = code * 8 + comparators[k]!(a, b) + 1;
  return code;
}

/** The levels of a packed pattern (-1 for missing). */
export function decodePattern(code: number, count: number): Int8Array {
  const levels = new Int8Array(count);
  let rest = code;
  for (let k = 0; k < count; k += 1) {
    levels[k] = (rest % 8) - 1;
    rest = Math.floor(rest / 8);
  }
  return levels;
}

/** Adds one pair's pattern to a tally. */
export function tallyPattern(tally: Map<number, number>, code: number): void {
  tally.set(code, (tally.get(code) ?? 0) + 1);
}
