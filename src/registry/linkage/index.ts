/**
 * Record linkage (registry/linkage): a pure library, no database. It finds the same person in
 * records without a usable ID number by blocking, Chinese-aware comparisons and a
 * Fellegi–Sunter model trained without labels (u by random sampling, m and λ by EM, term
 * frequencies for common names). docs/LINKAGE.md explains the model and its measured quality.
 *
 * Typical use by the registry:
 *   const model = trainModel({ records });                 // once, or after large loads; JSON
 *   keys = blockingKeys(record)                             // store in an indexed table
 *   candidates = records sharing any key                    // fetched by key
 *   score = scorePair(model, record, candidate)             // weight, probability, evidence
 *   classify(score, model.thresholds)                       // 'match' | 'review' | 'non-match'
 */
export type { LinkRecord, LinkField } from './link-record.js';
export { LINK_FIELDS } from './link-record.js';
export type { FieldMapping } from './field-mapping.js';
export { resolveFieldMapping, mapRow } from './field-mapping.js';
export type { ReadOptions } from './read-link-records.js';
export { readLinkRecords } from './read-link-records.js';
export { LinkageInputError } from './linkage-input-error.js';

export { blockingKeys, recordKeyHashes } from './blocking-keys.js';
export type { CandidateOptions, CandidateStats } from './candidate-pairs.js';
export { candidatePairs, candidatePairsBetween, MAX_BLOCK_SIZE } from './candidate-pairs.js';

export type { ComparisonKind, LevelLabel } from './comparison-levels.js';
export { LEVELS } from './comparison-levels.js';
export { hasValidIdCheck } from './id-check.js';
export type { ComparisonDefinition, ComparedField } from './comparisons.js';
export type {
  LinkageInput,
  LinkageModel,
  ModelComparison,
  ModelLevel,
  TermFrequencyTable,
  Thresholds,
  TrainingSummary,
} from './linkage-model.js';
export { DEFAULT_THRESHOLDS } from './linkage-model.js';
export type { TrainOptions } from './train-model.js';
export { trainModel } from './train-model.js';
export type { Decision, Evidence, PairScore, ScoreOptions } from './score-pair.js';
export { classify, scorePair, toProbability } from './score-pair.js';

export type { LinkageRunOptions, LinkageRunResult, LinkageRunStats, ScoredPair } from './run-linkage.js';
export { dedupeRecords, linkRecords } from './run-linkage.js';
export type { FileLinkageOptions, FileLinkageResult } from './run-linkage-threads.js';
export { linkFiles } from './run-linkage-threads.js';
export { clusterPairs, countClusters } from './cluster-pairs.js';
export type { PairwiseQuality } from './evaluation/evaluate-pairs.js';
export { evaluatePairs } from './evaluation/evaluate-pairs.js';
export { formatPairsCsv } from './pairs-csv.js';
