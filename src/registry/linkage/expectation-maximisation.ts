import { decodePattern } from './level-patterns.js';

export interface EmInput {
  /** Pattern code → number of pairs (see level-patterns.ts). */
  patterns: ReadonlyMap<number, number>;
  /** Number of levels of each comparison. */
  levelCounts: readonly number[];
  /** u probabilities, held fixed (estimated by random sampling). */
  u: readonly (readonly number[])[];
  /** Starting m probabilities. */
  m: readonly (readonly number[])[];
  /** Starting share of matches among the pairs. */
  matchShare: number;
  /** Comparisons that take part in the likelihood (those a training block fixes do not). */
  use: readonly boolean[];
  /** Comparisons whose m is re-estimated; the others keep their starting m. */
  estimate: readonly boolean[];
  /** Per comparison and level, an m held at this value (the rest of the row shares what is left). */
  fixedM?: ReadonlyArray<ReadonlyArray<number | undefined> | undefined>;
  maxIterations?: number;
  tolerance?: number;
}

export interface EmResult {
  m: number[][];
  matchShare: number;
  /** Expected number of matching pairs under the final parameters. */
  expectedMatches: number;
  iterations: number;
  converged: boolean;
}

const M_FLOOR = 1e-3;

/**
 * Expectation–maximisation of a two-class (match / non-match) mixture over comparison
 * patterns, with u fixed, as Splink does: each iteration computes each pattern's match
 * probability, then re-estimates m (for the comparisons in `estimate`) and the match share.
 * Stops when no parameter moves by more than `tolerance` (default 1e-6) or after
 * `maxIterations` (default 100).
 */
export function runExpectationMaximisation(input: EmInput): EmResult {
  const k = input.levelCounts.length;
  const entries = [...input.patterns].map(([code, count]) => ({ levels: decodePattern(code, k), count }));
  const logU = input.u.map((row) => row.map((v) => Math.log(v)));
  const m = input.m.map((row, c) => holdFixed([...row], input.fixedM?.[c]));
  let share = input.matchShare;
  const maxIterations = input.maxIterations ?? 100;
  const tolerance = input.tolerance ?? 1e-6;
  const total = entries.reduce((sum, e) => sum + e.count, 0);
  let iterations = 0;
  let converged = false;
  let expected = 0;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    const logM = m.map((row) => row.map((v) => Math.log(v)));
    const mass = input.levelCounts.map((n) => new Array<number>(n).fill(0));
    expected = 0;
    for (const { levels, count } of entries) {
      let lm = Math.log(share);
      let lu = Math.log(1 - share);
      for (let c = 0; c < k; c += 1) {
        const level = levels[c]!;
        if (level < 0 || !input.use[c]) continue;
        lm += logM[c]![level]!;
        lu += logU[c]![level]!;
      }
      const posterior = 1 / (1 + Math.exp(lu - lm));
      const weight = posterior * count;
      expected += weight;
      for (let c = 0; c < k; c += 1) {
        const level = levels[c]!;
        if (level >= 0) mass[c]![level]! += weight;
      }
    }
    let change = Math.abs(expected / total - share);
    share = clamp(expected / total, 1e-9, 1 - 1e-9);
    for (let c = 0; c < k; c += 1) {
      if (!input.estimate[c]) continue;
      const row = mass[c]!;
      const sum = row.reduce((s, v) => s + v, 0);
      if (sum <= 0) continue;
      const next = holdFixed(normalise(row.map((v) => Math.max(v / sum, M_FLOOR))), input.fixedM?.[c]);
      next.forEach((v, l) => (change = Math.max(change, Math.abs(v - m[c]![l]!))));
      m[c] = next;
    }
    converged = change < tolerance;
  }
  return { m, matchShare: share, expectedMatches: expected, iterations, converged };
}

/** Sets the fixed levels of a row and scales the others to fill the rest. */
function holdFixed(row: number[], fixed: ReadonlyArray<number | undefined> | undefined): number[] {
  if (!fixed) return row;
  const held = fixed.reduce<number>((s, v) => s + (v ?? 0), 0);
  const free = row.reduce((s, v, l) => s + (fixed[l] === undefined ? v : 0), 0);
  return row.map((v, l) => fixed[l] ?? (free > 0 ? (v / free) * (1 - held) : 0));
}

function normalise(row: number[]): number[] {
  const sum = row.reduce((s, v) => s + v, 0);
  return row.map((v) => v / sum);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
