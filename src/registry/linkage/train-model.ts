import { buildBlocks, buildRecordBlocks, MAX_BLOCK_SIZE, type Blocks } from './candidate-pairs.js';
import { FIXED_M, LEVELS } from './comparison-levels.js';
import { nameShapeOf, selectComparisons, type NameShape } from './comparisons.js';
import { estimateU } from './estimate-u.js';
import { runExpectationMaximisation } from './expectation-maximisation.js';
import {
  DEFAULT_THRESHOLDS,
  type LinkageInput,
  type LinkageModel,
  type ModelComparison,
  type Thresholds,
  type TrainingSummary,
} from './linkage-model.js';
import { prepareRecord, type PreparedRecord } from './prepare-record.js';
import { countTermFrequencies } from './term-frequency.js';
import { tallyPairs } from './training-pairs.js';
import { TRAINING_RULES } from './training-rules.js';

/**
 * Sample sizes. EM works on pattern counts and converges on a few hundred thousand pairs as
 * well as on millions; u from 200k random pairs moves the weights by a fraction of a bit
 * (docs/LINKAGE.md), while each million pairs costs about a second.
 */
const DEFAULT_U_PAIRS = 200_000;
const DEFAULT_SESSION_PAIRS = 200_000;

export interface TrainOptions {
  /** Random pairs compared to estimate u (default 200,000). */
  maxUPairs?: number;
  /** Pairs per EM training session (and for λ), sampled when blocking yields more (default 200,000). */
  maxSessionPairs?: number;
  /** Largest block used for candidate pairs (default 1000). */
  maxBlockSize?: number;
  thresholds?: Thresholds;
  seed?: number;
}

/**
 * Trains a Fellegi–Sunter model on the records themselves, without labels, the way Splink does:
 * u by random sampling; m by EM in sessions blocked on one field at a time (identifier, birth
 * date, name, postcode), each session estimating m for the comparisons it does not block on;
 * then λ by EM over all candidate pairs with m and u fixed, scaled from candidate pairs to all
 * pairs. A comparison no session could estimate gets its m from that last EM.
 */
export function trainModel(input: LinkageInput, options: TrainOptions = {}): LinkageModel {
  const [left, right] = 'records' in input ? [input.records, null] : [input.left, input.right];
  const all = right ? [...left, ...right] : [...left];
  const prepared = all.map(prepareRecord);
  return trainPreparedModel(
    nameShapeOf(all),
    prepared,
    right ? left.length : 0,
    buildRecordBlocks(prepared, options),
    options,
  );
}

/**
 * trainModel on records already prepared, laid end to end (`splitAt` > 0: the left set is
 * prepared[0, splitAt)), given how the raw records gave names, with their candidate blocks, so
 * a run that scores afterwards builds them once. `blocks` may be a function: it is called only
 * when the last step needs them (a threaded run has a worker build them meanwhile).
 */
export function trainPreparedModel(
  names: NameShape,
  prepared: readonly PreparedRecord[],
  splitAt: number,
  blocks: Blocks | (() => Blocks),
  options: TrainOptions = {},
): LinkageModel {
  const seed = options.seed ?? 20240601;
  const preparedLeft = splitAt > 0 ? prepared.slice(0, splitAt) : prepared;
  const preparedRight = splitAt > 0 ? prepared.slice(splitAt) : null;
  const comparisons = selectComparisons(names, prepared);
  const levelCounts = comparisons.map((c) => LEVELS[c.kind].length);
  const uResult = estimateU(comparisons, levelCounts, preparedLeft, preparedRight, {
    maxPairs: options.maxUPairs ?? DEFAULT_U_PAIRS,
    seed,
  });
  const fixedM = comparisons.map((c) => {
    const fixed = FIXED_M[c.kind];
    return fixed ? LEVELS[c.kind].map((level) => fixed[level.key]) : undefined;
  });
  const m0 = levelCounts.map(initialM);
  const limits = {
    maxPairs: options.maxSessionPairs ?? DEFAULT_SESSION_PAIRS,
    maxBlockSize: options.maxBlockSize ?? MAX_BLOCK_SIZE,
  };
  const sessions: TrainingSummary['sessions'] = [];
  const estimates = comparisons.map(() => [] as Array<{ m: number[] }>);
  for (const rule of TRAINING_RULES) {
    const blocked = comparisons.map((c) => rule.blocks.includes(c.name));
    if (!blocked.some(Boolean)) continue;
    const sessionBlocks = buildBlocks(
      (i) => {
        const key = rule.key(prepared[i]!);
        return key ? [key] : NO_KEYS;
      },
      prepared.length,
      limits,
    );
    const tally = tallyPairs(comparisons, prepared, sessionBlocks, { splitAt, ...limits });
    if (tally.pairs === 0) continue;
    const result = runExpectationMaximisation({
      patterns: tally.patterns,
      levelCounts,
      u: uResult.u,
      m: m0,
      matchShare: 0.5,
      use: blocked.map((b) => !b),
      estimate: blocked.map((b) => !b),
      fixedM,
    });
    sessions.push({
      rule: rule.name,
      pairs: tally.pairs,
      iterations: result.iterations,
      converged: result.converged,
      matchShare: result.matchShare,
    });
    blocked.forEach((b, k) => {
      if (!b) estimates[k]!.push({ m: result.m[k]! });
    });
  }
  // Each comparison takes m from the first session of the round robin that estimated it: the
  // identifier session's pairs are nearly all true matches, while a birth-date session also
  // gathers twins and siblings, which pull household fields into the match class.
  const m = estimates.map((list, k) => list[0]?.m ?? m0[k]!);
  const candidates = tallyPairs(comparisons, prepared, typeof blocks === 'function' ? blocks() : blocks, {
    splitAt,
    ...limits,
  });
  const final = runExpectationMaximisation({
    patterns: candidates.patterns,
    levelCounts,
    u: uResult.u,
    m,
    matchShare: 0.01,
    use: comparisons.map(() => true),
    estimate: estimates.map((list) => list.length === 0),
    fixedM,
  });
  const totalPairs = preparedRight
    ? preparedLeft.length * preparedRight.length
    : (prepared.length * (prepared.length - 1)) / 2;
  const lambda = Math.min(0.5, Math.max(1e-12, (final.matchShare * candidates.available) / Math.max(totalPairs, 1)));
  return {
    version: 1,
    comparisons: comparisons.map((c, k): ModelComparison => ({
      ...c,
      levels: LEVELS[c.kind].map((label, l) => ({ ...label, m: final.m[k]![l]!, u: uResult.u[k]![l]! })),
    })),
    lambda,
    termFrequencies: countTermFrequencies(comparisons, prepared),
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    training: {
      records: prepared.length,
      candidatePairs: Math.round(candidates.available),
      uSamplePairs: uResult.pairs,
      sessions,
    },
  };
}

const NO_KEYS: readonly string[] = [];

/** Starting m: most matches agree exactly, few fall to "other". */
function initialM(levels: number): number[] {
  if (levels === 2) return [0.9, 0.1];
  const middle = 0.25 / (levels - 2);
  return Array.from({ length: levels }, (_, l) => (l === 0 ? 0.7 : l === levels - 1 ? 0.05 : middle));
}
