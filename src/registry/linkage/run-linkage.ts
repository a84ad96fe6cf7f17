import { buildRecordBlocks, driverCount, type Blocks } from './candidate-pairs.js';
import { nameShapeOf, type NameShape } from './comparisons.js';
import type { LinkRecord } from './link-record.js';
import type { LinkageInput, LinkageModel, Thresholds } from './linkage-model.js';
import { prepareRecord, type PreparedRecord } from './prepare-record.js';
import { newStamp, scoreRange, type ScoredRange, type ScoringTask } from './score-candidates.js';
import { classify, toProbability, type Decision } from './score-pair.js';
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
  const run = trainRun({ prepared: all.map(prepareRecord), splitAt: right ? left.length : 0, names: nameShapeOf(all) }, options);
  const scoreStart = performance.now();
  const { prepared, task } = run;
  const scored = scoreRange(task, prepared, 0, driverCount(task.blocks, task.splitAt), newStamp(prepared.length));
  return finishRun(run, [scored], scoreStart - trainStart, performance.now() - scoreStart);
}

/** Records prepared and laid end to end (`splitAt` > 0: the left set is prepared[0, splitAt)). */
export interface PreparedInput {
  prepared: readonly PreparedRecord[];
  splitAt: number;
  /** How the raw records gave names (selectComparisons compares them whole or split by it). */
  names: NameShape;
}

/** A run ready to score: its records, model, thresholds and scoring task. */
export interface TrainedRun extends PreparedInput {
  model: LinkageModel;
  thresholds: Thresholds;
  task: ScoringTask;
  oversizedBlocks: number;
}

/**
 * Builds the blocks and trains the model (unless one is given): everything before scoring.
 * `blocksOf` gives blocks built elsewhere (a worker thread), or undefined to build them here;
 * it is called when training first needs them.
 */
export function trainRun(
  input: PreparedInput,
  options: LinkageRunOptions,
  blocksOf: () => Blocks | undefined = () => undefined,
): TrainedRun {
  const { prepared, splitAt, names } = input;
  let built: Blocks | undefined;
  const getBlocks = () => (built ??= blocksOf() ?? buildRecordBlocks(prepared, options));
  const model = options.model ?? trainPreparedModel(names, prepared, splitAt, getBlocks, options);
  const blocks = getBlocks();
  const thresholds = options.thresholds ?? model.thresholds;
  // Decide in weight space: a probability is only computed for the pairs kept.
  const task: ScoringTask = { model, blocks, splitAt, lowerWeight: toWeight(thresholds.lower) };
  return { ...input, model, thresholds, task, oversizedBlocks: blocks.runs.oversized };
}

/** The run's result from its scored ranges, taken in driver order (the order one thread visits them in). */
export function finishRun(
  run: TrainedRun,
  ranges: readonly ScoredRange[],
  trainMs: number,
  scoreMs: number,
): LinkageRunResult {
  const { prepared, splitAt, thresholds } = run;
  const pairs: ScoredPair[] = [];
  let candidatePairs = 0;
  for (const range of ranges) {
    candidatePairs += range.visited;
    for (let k = 0; k < range.weight.length; k += 1) {
      const i = range.i[k]!;
      const j = range.j[k]!;
      const weight = range.weight[k]!;
      const probability = toProbability(weight);
      const decision = classify({ probability }, thresholds);
      if (decision === 'non-match') continue;
      pairs.push({
        a: prepared[i]!.id,
        b: prepared[j]!.id,
        indexA: i,
        indexB: j - splitAt,
        weight,
        probability,
        decision,
      });
    }
  }
  return {
    model: run.model,
    thresholds,
    pairs,
    stats: {
      records: prepared.length,
      candidatePairs,
      oversizedBlocks: run.oversizedBlocks,
      trainMs,
      scoreMs,
      comparisonsPerSecond: candidatePairs / Math.max(scoreMs / 1000, 1e-9),
    },
  };
}

/** probability → log2 odds (the weight at which a pair reaches that probability). */
function toWeight(probability: number): number {
  return Math.log2(probability / (1 - probability)) - 1e-9;
}
