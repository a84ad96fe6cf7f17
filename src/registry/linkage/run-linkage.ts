import { preparedBlockingKeys } from './blocking-keys.js';
import { forEachCandidatePair } from './candidate-pairs.js';
import type { LinkRecord } from './link-record.js';
import type { LinkageInput, LinkageModel, Thresholds } from './linkage-model.js';
import { prepareRecord } from './prepare-record.js';
import { classify, compileModel, scorePreparedPair, toProbability, type Decision } from './score-pair.js';
import { trainModel, type TrainOptions } from './train-model.js';

export interface LinkageRunOptions extends TrainOptions {
  /** A model trained earlier; when absent one is trained on the input. */
  model?: LinkageModel;
}

/** A pair at or above the lower threshold. In a link run, `a` is from the left set and `b` from the right. */
export interface ScoredPair {
  a: string;
  b: string;
  indexA: number;
  indexB: number;
  weight: number;
  probability: number;
  decision: Exclude<Decision, 'non-match'>;
}

export interface LinkageRunStats {
  records: number;
  candidatePairs: number;
  oversizedBlocks: number;
  trainMs: number;
  scoreMs: number;
  /** Candidate pairs scored per second in the scoring pass. */
  comparisonsPerSecond: number;
}

export interface LinkageRunResult {
  model: LinkageModel;
  thresholds: Thresholds;
  pairs: ScoredPair[];
  stats: LinkageRunStats;
}

/** Finds the duplicate persons inside one set of records: train (unless given a model), block, score, classify. */
export function dedupeRecords(records: readonly LinkRecord[], options: LinkageRunOptions = {}): LinkageRunResult {
  return runLinkage({ records }, options);
}

/** Finds the same persons across two sets of records. */
export function linkRecords(left: readonly LinkRecord[], right: readonly LinkRecord[], options: LinkageRunOptions = {}): LinkageRunResult {
  return runLinkage({ left, right }, options);
}

function runLinkage(input: LinkageInput, options: LinkageRunOptions): LinkageRunResult {
  const trainStart = performance.now();
  const model = options.model ?? trainModel(input, options);
  const trainMs = performance.now() - trainStart;
  const thresholds = options.thresholds ?? model.thresholds;
  const scoreStart = performance.now();
  const [left, right] = 'records' in input ? [input.records, null] : [input.left, input.right];
  const all = right ? [...left, ...right] : left;
  const prepared = all.map(prepareRecord);
  const keys = prepared.map(preparedBlockingKeys);
  const compiled = compileModel(model);
  const splitAt = right ? left.length : 0;
  const pairs: ScoredPair[] = [];
  const stats = forEachCandidatePair(
    (i) => keys[i]!,
    prepared.length,
    (i, j) => {
      const weight = scorePreparedPair(model, compiled, prepared[i]!, prepared[j]!);
      const probability = toProbability(weight);
      const decision = classify({ probability }, thresholds);
      if (decision === 'non-match') return;
      const indexB = j - splitAt;
      pairs.push({ a: prepared[i]!.id, b: prepared[j]!.id, indexA: i, indexB, weight, probability, decision });
    },
    { maxBlockSize: options.maxBlockSize, splitAt },
  );
  const scoreMs = performance.now() - scoreStart;
  return {
    model,
    thresholds,
    pairs,
    stats: {
      records: all.length,
      candidatePairs: stats.pairs,
      oversizedBlocks: stats.oversizedBlocks,
      trainMs,
      scoreMs,
      comparisonsPerSecond: stats.pairs / Math.max(scoreMs / 1000, 1e-9),
    },
  };
}
