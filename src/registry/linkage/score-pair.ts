import { comparatorOf, compareField, termValue, type Comparator } from './comparisons.js';
import type { LinkRecord } from './link-record.js';
import type { LinkageModel, ModelComparison, Thresholds } from './linkage-model.js';
import { prepareRecord, type PreparedRecord } from './prepare-record.js';

/** One comparison's contribution to a pair's weight, for a reviewer to read. */
export interface Evidence {
  /** Comparison key (name, birth_date, id_number, …). */
  comparison: string;
  /** Level key (exact, same_sound, day_month_swapped, …, other, missing). */
  level: string;
  /** e.g. 出生日期：日与月颠倒 */
  label_zh: string;
  /** e.g. birth date: day and month swapped */
  label_en: string;
  /** log2 Bayes factor of this comparison (0 when a value is missing). */
  weight: number;
}

export interface PairScore {
  /** Match weight: log2 of the posterior odds, prior included. */
  weight: number;
  /** Posterior probability that the two records are the same person. */
  probability: number;
  evidence: Evidence[];
}

export type Decision = 'match' | 'review' | 'non-match';

export interface ScoreOptions {
  /** Relative frequency of a value (0–1), e.g. from a registry's own counts; falls back to the model's table. */
  termFrequency?: (comparison: string, value: string) => number | undefined;
}

/** A model turned into lookup tables for scoring many pairs. */
export interface CompiledModel {
  prior: number;
  comparators: Comparator[];
  /** Per comparison, log2(m/u) per level. */
  weights: Float64Array[];
  /** Per comparison with term frequencies: value → relative frequency, and the floor 1/total. */
  frequencies: Array<{ values: Map<string, number>; floor: number; m: number } | null>;
  /** Per comparison, the value its term frequency is looked up by. */
  termValues: Array<(record: PreparedRecord) => string | undefined>;
}

const compiledCache = new WeakMap<LinkageModel, CompiledModel>();

/** Lookup tables of a model (cached per model object). */
export function compileModel(model: LinkageModel): CompiledModel {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const compiled: CompiledModel = {
    prior: Math.log2(model.lambda / (1 - model.lambda)),
    comparators: model.comparisons.map(comparatorOf),
    termValues: model.comparisons.map(termValueReader),
    weights: model.comparisons.map((c) => Float64Array.from(c.levels, (l) => Math.log2(l.m / l.u))),
    frequencies: model.comparisons.map((c) => {
      const table = model.termFrequencies[c.name];
      if (!c.termFrequency || !table) return null;
      const total = Math.max(table.total, 1);
      return {
        values: new Map(Object.entries(table.counts).map(([v, n]) => [v, n / total])),
        floor: 1 / total,
        m: c.levels[0]!.m,
      };
    }),
  };
  compiledCache.set(model, compiled);
  return compiled;
}

/**
 * Scores a pair with its field-by-field evidence. An exact agreement on a term-frequency
 * comparison weighs log2(m / frequency of the value) instead of log2(m / u): a shared rare name
 * counts for more than a shared 王伟. Symmetric in a and b.
 */
export function scorePair(model: LinkageModel, a: LinkRecord, b: LinkRecord, options: ScoreOptions = {}): PairScore {
  const compiled = compileModel(model);
  const pa = prepareRecord(a);
  const pb = prepareRecord(b);
  let weight = compiled.prior;
  const evidence: Evidence[] = model.comparisons.map((comparison, k) => {
    const level = compareField(comparison, pa, pb);
    const label = level < 0 ? { key: 'missing', labelZh: '缺失', labelEn: 'missing' } : comparison.levels[level]!;
    const w = level < 0 ? 0 : levelWeight(compiled, k, level, comparison.name, pa, pb, options, model);
    weight += w;
    return {
      comparison: comparison.name,
      level: label.key,
      label_zh: `${comparison.labelZh}：${label.labelZh}`,
      label_en: `${comparison.labelEn}: ${label.labelEn}`,
      weight: w,
    };
  });
  return { weight, probability: toProbability(weight), evidence };
}

function levelWeight(
  compiled: CompiledModel,
  k: number,
  level: number,
  name: string,
  a: PreparedRecord,
  b: PreparedRecord,
  options: ScoreOptions,
  model: LinkageModel,
): number {
  const frequencies = compiled.frequencies[k];
  if (level !== 0 || !frequencies) return compiled.weights[k]![level]!;
  const value = termValue(model.comparisons[k]!, a) ?? termValue(model.comparisons[k]!, b)!;
  const frequency = options.termFrequency?.(name, value) ?? frequencies.values.get(value) ?? frequencies.floor;
  return Math.max(0, Math.log2(frequencies.m / Math.max(frequency, frequencies.floor)));
}

/**
 * The match weight of two prepared records, without evidence: the fast path for scoring
 * millions of candidate pairs.
 */
export function scorePreparedPair(
  model: LinkageModel,
  compiled: CompiledModel,
  a: PreparedRecord,
  b: PreparedRecord,
): number {
  let weight = compiled.prior;
  const comparisons = model.comparisons;
  const comparators = compiled.comparators;
  for (let k = 0; k < comparisons.length; k += 1) {
    const level = comparators[k]!(a, b);
    if (level < 0) continue;
    const frequencies = compiled.frequencies[k];
    if (level === 0 && frequencies) {
      const frequency = frequencies.values.get(compiled.termValues[k]!(a)!) ?? frequencies.floor;
      weight += Math.max(0, Math.log2(frequencies.m / frequency));
    } else {
      weight += compiled.weights[k]![level]!;
    }
  }
  return weight;
}

/** termValue with the common name fields read directly (the scoring loop calls it for every exact agreement). */
function termValueReader(comparison: ModelComparison): (record: PreparedRecord) => string | undefined {
  if (comparison.field === 'fullName') return (r) => r.fullName?.text;
  if (comparison.field === 'givenName') return (r) => r.givenName?.text;
  if (comparison.field === 'surname') return (r) => r.surname?.text;
  if (comparison.field === 'address') return (r) => r.address;
  return (r) => termValue(comparison, r);
}

/** log2 odds → probability. */
export function toProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** match at or above `upper`, non-match below `lower`, review between. */
export function classify(score: { probability: number }, thresholds: Thresholds): Decision {
  if (score.probability >= thresholds.upper) return 'match';
  if (score.probability < thresholds.lower) return 'non-match';
  return 'review';
}
