import { comparatorOf, termValue, type ComparisonDefinition } from './comparisons.js';
import type { PreparedRecord } from './prepare-record.js';
import { hashString } from './key-hash.js';
import { createRandom } from './random.js';

/**
 * u probabilities by random sampling (as Splink does): nearly every random pair is two
 * different persons, so the share of random pairs at each level estimates P(level | non-match).
 * When all pairs fit in `maxPairs` they are all compared. Counts get half a pair per level so
 * that a level never seen among random pairs keeps a small, finite u.
 *
 * Exact agreement is the exception: a shared ID number or mother turns up a handful of times in
 * a sample, so its share would swing with the sample. It is counted over every pair instead,
 * from how often each value occurs (Σ c·(c−1) over the values, in O(records)), and the sampled
 * levels share what is left.
 */
export function estimateU(
  comparisons: readonly ComparisonDefinition[],
  levelCounts: readonly number[],
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[] | null,
  options: { maxPairs: number; seed: number },
): { u: number[][]; pairs: number } {
  const tally = levelCounts.map((n) => new Array<number>(n).fill(0));
  const comparators = comparisons.map(comparatorOf);
  const count = (a: PreparedRecord, b: PreparedRecord) => {
    for (let k = 0; k < comparators.length; k += 1) {
      const level = comparators[k]!(a, b);
      if (level >= 0) tally[k]![level]! += 1;
    }
  };
  const pairs = samplePairs(left.length, right?.length ?? null, options, (i, j) =>
    count(left[i]!, (right ?? left)[j]!),
  );
  const u = tally.map((row, k) => {
    const seen = row.reduce((s, v) => s + v, 0);
    const smoothed = row.map((v) => (v + 0.5) / (seen + 0.5 * row.length));
    if (seen === 0 || levelCounts[k]! <= 2) return smoothed;
    const comparable = seen / pairs;
    const exact = Math.min(0.5, exactAgreementShare(comparisons[k]!, left, right) / comparable);
    const rest = smoothed.slice(1).reduce((s, v) => s + v, 0);
    const floor = 1 / totalPairs(left, right);
    return [Math.max(exact, floor), ...smoothed.slice(1).map((v) => (v / rest) * (1 - Math.max(exact, floor)))];
  });
  return { u, pairs };
}

/**
 * The share of all pairs whose two records hold the same value (the value exact agreement
 * compares). Values are hashed to 32 bits and sorted, so a million records cost a sort of a
 * million numbers instead of a Map of a million strings; a collision adds a negligible pair.
 */
function exactAgreementShare(
  comparison: ComparisonDefinition,
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[] | null,
): number {
  const valueOf =
    comparison.kind === 'household'
      ? (r: PreparedRecord) => r.motherIdNumber
      : (r: PreparedRecord) => termValue(comparison, r);
  const hashesOf = (records: readonly PreparedRecord[]) => {
    const hashes = new Uint32Array(records.length);
    let length = 0;
    for (const record of records) {
      const value = valueOf(record);
      if (value !== undefined) hashes[length++] = hashString(value);
    }
    return hashes.subarray(0, length).sort();
  };
  const a = hashesOf(left);
  let agreeing = 0;
  if (right) {
    const b = hashesOf(right);
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i]! < b[j]!) i += 1;
      else if (a[i]! > b[j]!) j += 1;
      else {
        const value = a[i]!;
        let ca = 0;
        let cb = 0;
        for (; i < a.length && a[i] === value; i += 1) ca += 1;
        for (; j < b.length && b[j] === value; j += 1) cb += 1;
        agreeing += ca * cb;
      }
    }
  } else {
    for (let i = 0; i < a.length;) {
      let to = i + 1;
      while (to < a.length && a[to] === a[i]) to += 1;
      agreeing += (to - i) * (to - i - 1);
      i = to;
    }
  }
  return agreeing / totalPairs(left, right);
}

/** Ordered pairs for a dedupe (n·(n−1)), or left × right for a link. */
function totalPairs(left: readonly PreparedRecord[], right: readonly PreparedRecord[] | null): number {
  return Math.max(1, right ? left.length * right.length : left.length * (left.length - 1));
}

function samplePairs(
  n: number,
  m: number | null,
  options: { maxPairs: number; seed: number },
  visit: (i: number, j: number) => void,
): number {
  const all = m === null ? (n * (n - 1)) / 2 : n * m;
  if (all <= options.maxPairs) {
    for (let i = 0; i < n; i += 1) {
      for (let j = m === null ? i + 1 : 0; j < (m ?? n); j += 1) visit(i, j);
    }
    return all;
  }
  // The pairs are drawn first and visited in order of the first record: the tally is the same,
  // and the records are read in memory order instead of at random (a third less time at 1M).
  const random = createRandom(options.seed);
  const width = m ?? n;
  const drawn = new Float64Array(options.maxPairs);
  let done = 0;
  while (done < options.maxPairs) {
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * width);
    if (m === null && i === j) continue;
    drawn[done] = i * width + j;
    done += 1;
  }
  drawn.sort();
  for (const code of drawn) {
    const i = Math.floor(code / width);
    visit(i, code - i * width);
  }
  return done;
}
