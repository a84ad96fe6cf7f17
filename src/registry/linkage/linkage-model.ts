import type { LevelLabel } from './comparison-levels.js';
import type { ComparisonDefinition } from './comparisons.js';
import type { LinkRecord } from './link-record.js';

/** A level with its Fellegi–Sunter probabilities: m = P(level | match), u = P(level | non-match). */
export interface ModelLevel extends LevelLabel {
  m: number;
  u: number;
}

export interface ModelComparison extends ComparisonDefinition {
  levels: ModelLevel[];
}

/** How often each value occurs (values seen once are left out: a missing value counts 1). */
export interface TermFrequencyTable {
  total: number;
  counts: Record<string, number>;
}

/** Probabilities of a pair: at least `upper` is a match, below `lower` a non-match, between is review. */
export interface Thresholds {
  upper: number;
  lower: number;
}

/** The default thresholds: match at ≥ 0.9, clerical review from 0.5. */
export const DEFAULT_THRESHOLDS: Thresholds = { upper: 0.9, lower: 0.5 };

/** What a training run saw, kept in the model for the record. */
export interface TrainingSummary {
  records: number;
  candidatePairs: number;
  uSamplePairs: number;
  sessions: Array<{ rule: string; pairs: number; iterations: number; converged: boolean; matchShare: number }>;
}

/**
 * A trained Fellegi–Sunter model: plain JSON (save it with JSON.stringify, load with JSON.parse).
 * Weights are log2(m/u) per level plus the prior log2(λ/(1−λ)).
 */
export interface LinkageModel {
  version: 1;
  comparisons: ModelComparison[];
  /** λ: probability that two records drawn at random are the same person. */
  lambda: number;
  /** By comparison name, for comparisons with termFrequency. */
  termFrequencies: Record<string, TermFrequencyTable>;
  thresholds: Thresholds;
  training: TrainingSummary;
}

/** Records to deduplicate (one set) or to link (two sets). */
export type LinkageInput =
  { records: readonly LinkRecord[] } | { left: readonly LinkRecord[]; right: readonly LinkRecord[] };
