import { blockingKeyHashes } from './blocking-keys.js';
import { buildHashedBlocks, visitCandidatePairs } from './candidate-pairs.js';
import type { LinkRecord } from './link-record.js';
import type { LinkageInput, LinkageModel, Thresholds } from './linkage-model.js';
import { prepareRecord } from './prepare-record.js';
import { classify, compileModel, scorePreparedPair, toProbability, type Decision } from './score-pair.js';
import { trainPreparedModel, type TrainOptions } from './train-model.js';

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
  /** Preparing records, building the blocks and training (unless a model was given). */
  trainMs: number;
  /** Visiting and scoring every candidate pair. */
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
export function linkRecords(
  left: readonly LinkRecord[],
  right: readonly LinkRecord[],
  options: LinkageRunOptions = {},
): LinkageRunResult {
  return runLinkage({ left, right }, options);
}

function runLinkage(input: LinkageInput, options: LinkageRunOptions): LinkageRunResult {
  const trainStart = performance.now();
  const [left, right] = 'records' in input ? [input.records, null] : [input.left, input.right];
  const all = right ? [...left, ...right] : left;
  const prepared = all.map(prepareRecord);
  const splitAt = right ? left.length : 0;
  // Keys are made, hashed and dropped record by record: at 1M records they would hold ~10M strings.
  const blocks = buildHashedBlocks((i, out) => blockingKeyHashes(prepared[i]!, out), prepared.length, options);
  const model = options.model ?? trainPreparedModel(all, prepared, splitAt, blocks, options);
  const trainMs = performance.now() - trainStart;
  const thresholds = options.thresholds ?? model.thresholds;
  const scoreStart = performance.now();
  const compiled = compileModel(model);
  const pairs: ScoredPair[] = [];
  // Decide in weight space: a probability is only computed for the pairs kept.
  const lowerWeight = toWeight(thresholds.lower);
  const stats = visitCandidatePairs(
    blocks,
    (i, j) => {
      const weight = scorePreparedPair(model, compiled, prepared[i]!, prepared[j]!);
      if (weight < lowerWeight) return;
      const probability = toProbability(weight);
      const decision = classify({ probability }, thresholds);
      if (decision === 'non-match') return;
      pairs.push({
        a: prepared[i]!.id,
        b: prepared[j]!.id,
        indexA: i,
        indexB: j - splitAt,
        weight,
        probability,
        decision,
      });
    },
    { splitAt },
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

/** probability → log2 odds (the weight at which a pair reaches that probability). */
function toWeight(probability: number): number {
  return Math.log2(probability / (1 - probability)) - 1e-9;
}
