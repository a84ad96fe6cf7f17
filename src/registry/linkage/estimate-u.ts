import { comparatorOf, type ComparisonDefinition } from './comparisons.js';
import type { PreparedRecord } from './prepare-record.js';
import { createRandom } from './random.js';

/**
 * u probabilities by random sampling (as Splink does): nearly every random pair is two
 * different persons, so the share of random pairs at each level estimates P(level | non-match).
 * When all pairs fit in `maxPairs` they are all compared. Counts get half a pair per level so
 * that a level never seen among random pairs keeps a small, finite u.
 */
export function estimateU(
  comparisons: readonly ComparisonDefinition[],
  levelCounts: readonly number[],
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[] | null,
  options: { maxPairs: number; seed: number },
): { u: number[][]; pairs: number } {
  const tally = levelCounts.map((n) => new Array<number>(n).fill(0));
  const comparators = comparisons.map(comparatorOf);
  const count = (a: PreparedRecord, b: PreparedRecord) => {
    for (let k = 0; k < comparators.length; k += 1) {
      const level = comparators[k]!(a, b);
      if (level >= 0) tally[k]![level]! += 1;
    }
  };
  const pairs = samplePairs(left.length, right?.length ?? null, options, (i, j) =>
    count(left[i]!, (right ?? left)[j]!),
  );
  const u = tally.map((row) => {
    const seen = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (v + 0.5) / (seen + 0.5 * row.length));
  });
  return { u, pairs };
}

function samplePairs(
  n: number,
  m: number | null,
  options: { maxPairs: number; seed: number },
  visit: (i: number, j: number) => void,
): number {
  const all = m === null ? (n * (n - 1)) / 2 : n * m;
  if (all <= options.maxPairs) {
    for (let i = 0; i < n; i += 1) {
      for (let j = m === null ? i + 1 : 0; j < (m ?? n); j += 1) visit(i, j);
    }
    return all;
  }
  const random = createRandom(options.seed);
  let done = 0;
  while (done < options.maxPairs) {
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * (m ?? n));
    if (m === null && i === j) continue;
    visit(i, j);
    done += 1;
  }
  return done;
}
