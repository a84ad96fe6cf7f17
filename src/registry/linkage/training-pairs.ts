import { visitCandidatePairs, type Blocks } from './candidate-pairs.js';
import { comparatorOf, type ComparisonDefinition } from './comparisons.js';
import { encodePattern, tallyPattern } from './level-patterns.js';
import type { PreparedRecord } from './prepare-record.js';

export interface PairTally {
  /** Pattern code → pairs. */
  patterns: Map<number, number>;
  /** Pairs compared. */
  pairs: number;
  /** Distinct pairs the blocks yield (estimated from the sample when sampled). */
  available: number;
}

/**
 * Counts the comparison patterns of the pairs in the blocks, for EM. When the blocks may hold
 * more than `maxPairs` pairs, only the pairs of a pseudo-random share of the records are
 * compared, so a sample costs its size, not the size of the whole.
 */
export function tallyPairs(
  comparisons: readonly ComparisonDefinition[],
  prepared: readonly PreparedRecord[],
  blocks: Blocks,
  options: { splitAt: number; maxPairs: number },
): PairTally {
  const comparators = comparisons.map(comparatorOf);
  const driverShare = Math.min(1, options.maxPairs / Math.max(blocks.pairBound, 1));
  const patterns = new Map<number, number>();
  const stats = visitCandidatePairs(
    blocks,
    (i, j) => tallyPattern(patterns, encodePattern(comparators, prepared[i]!, prepared[j]!)),
    { splitAt: options.splitAt, driverShare },
  );
  return { patterns, pairs: stats.pairs, available: stats.pairs / driverShare };
}
