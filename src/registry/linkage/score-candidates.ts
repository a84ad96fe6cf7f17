import { driverCount, visitCandidatePairs, type Blocks } from './candidate-pairs.js';
import type { LinkageModel } from './linkage-model.js';
import type { PreparedRecord } from './prepare-record.js';
import { compileModel, scorePreparedPair } from './score-pair.js';

/** The candidate pairs of one range of driver records that reached the lower weight, in visit order. */
export interface ScoredRange {
  /** Record indexes of each kept pair (laid end to end: j ≥ splitAt in a link run). */
  i: Uint32Array;
  j: Uint32Array;
  weight: Float64Array;
  /** Candidate pairs visited in the range, kept or not. */
  visited: number;
}

/** What scoring a run's candidate pairs needs besides the records; plain data a worker thread receives. */
export interface ScoringTask {
  model: LinkageModel;
  blocks: Blocks;
  splitAt: number;
  /** Pairs below this weight are dropped (the lower threshold in weight space). */
  lowerWeight: number;
}

/**
 * Splits a run's driver records into ranges of about equal count for threads to take in turn;
 * enough ranges that one slow range does not leave a thread idle for long.
 */
export function scoringRanges(task: ScoringTask): Array<[number, number]> {
  const drivers = driverCount(task.blocks, task.splitAt);
  const size = Math.max(256, Math.ceil(drivers / 1024));
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < drivers; from += size) ranges.push([from, Math.min(drivers, from + size)]);
  return ranges;
}

/**
 * Scores the candidate pairs whose first record lies in [from, to). `stamp` is visitCandidatePairs'
 * per-record stamp array, reused across the ranges one thread scores (a fresh one per range would
 * cost a fill of the whole record count each time).
 */
export function scoreRange(
  task: ScoringTask,
  prepared: readonly PreparedRecord[],
  from: number,
  to: number,
  stamp: Int32Array,
): ScoredRange {
  const { model, lowerWeight } = task;
  const compiled = compileModel(model);
  const is: number[] = [];
  const js: number[] = [];
  const weights: number[] = [];
  const stats = visitCandidatePairs(
    task.blocks,
    (i, j) => {
      const weight = scorePreparedPair(model, compiled, prepared[i]!, prepared[j]!);
      if (weight < lowerWeight) return;
      is.push(i);
      js.push(j);
      weights.push(weight);
    },
    { splitAt: task.splitAt, from, to, stamp },
  );
  return { i: Uint32Array.from(is), j: Uint32Array.from(js), weight: Float64Array.from(weights), visited: stats.pairs };
}

/** A stamp array for scoreRange over `count` records. */
export function newStamp(count: number): Int32Array {
  return new Int32Array(count).fill(-1);
}
