let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4, boost above 0.7). The arguments are
 * put in a fixed order first, so the result is symmetric even where greedy matching is not.
 */
export function jaroWinkler(first: string, second: string): number {
  if (first === second) return 1;
  const [a, b] = first < second ? [first, second] : [second, first];
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i += 1) {
    const code = a.charCodeAt(i);
    const end = Math.min(i + window + 1, lb);
    for (let j = Math.max(0, i - window); j < end; j += 1) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i += 1) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions += 1;
    j += 1;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  const prefixMax = Math.min(4, la, lb);
  while (prefix < prefixMax && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const buckets = new Int32Array(128);

/**
 * A cheap upper bound of `jaroWinkler(first, second)`, in O(length) instead of O(length²): Jaro
 * matches are pairs of equal characters, so there are at most as many as the two strings share
 * (counted by character code mod 128; a collision only raises the bound), with no
 * transpositions. Most compared pairs (random pairs for u, other people in a block) share few
 * characters, and this rules them out below a threshold without running Jaro–Winkler. Equals
 * the exact value when every shared character matches in order, so a threshold test gives the
 * same answer as on the exact value.
 */
export function jaroWinklerUpperBound(first: string, second: string): number {
  if (first === second) return 1;
  const la = first.length;
  const lb = second.length;
  if (la === 0 || lb === 0) return 0;
  for (let i = 0; i < la; i += 1) buckets[first.charCodeAt(i) & 127]! += 1;
  let shared = 0;
  for (let j = 0; j < lb; j += 1) {
    const bucket = second.charCodeAt(j) & 127;
    if (buckets[bucket]! > 0) {
      buckets[bucket]! -= 1;
      shared += 1;
    }
  }
  for (let i = 0; i < la; i += 1) buckets[first.charCodeAt(i) & 127] = 0;
  if (shared === 0) return 0;
  const jaro = (shared / la + shared / lb + shared / shared) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  const prefixMax = Math.min(4, la, lb);
  while (prefix < prefixMax && first.charCodeAt(prefix) === second.charCodeAt(prefix)) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

let rows = new Int32Array(3 * 32);

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions, deletions,
 * substitutions and swaps of adjacent characters each cost 1. Returns `limit + 1` as soon as the
 * distance is known to exceed `limit` (IDs and dates only ask "within 1 or 2?"). A quick lower
 * bound first: each edit changes the character histogram by at most two, so half the histogram
 * difference never exceeds the distance.
 */
export function damerauLevenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= limit ? Math.max(la, lb) : limit + 1;
  if (limit < la && histogramDistance(a, b) > 2 * limit) return limit + 1;
  // Only cells within `bound` of the diagonal can stay within the limit: a banded table.
  const bound = Math.min(limit, Math.max(la, lb));
  const big = bound + 1;
  const width = lb + 2;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let previous2 = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= lb + 1; j += 1) rows[previous + j] = j <= bound ? j : big;
  for (let i = 1; i <= la; i += 1) {
    const low = Math.max(1, i - bound);
    const high = Math.min(lb, i + bound);
    rows[current + low - 1] = low === 1 ? (i <= bound ? i : big) : big;
    rows[current + high + 1] = big;
    let rowMin = rows[current + low - 1]!;
    for (let j = low; j <= high; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, rows[previous2 + j - 2]! + 1);
      }
      if (value > big) value = big;
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  const result = rows[previous + lb]!;
  return result > limit ? limit + 1 : result;
}

const histogram = new Int32Array(128);

/** Σ |count in a − count in b| over ASCII characters (0 when a string has other characters). */
function histogramDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i += 1) if (a.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < b.length; i += 1) if (b.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < a.length; i += 1) histogram[a.charCodeAt(i)]! += 1;
  for (let i = 0; i < b.length; i += 1) histogram[b.charCodeAt(i)]! -= 1;
  let total = 0;
  for (let i = 0; i < a.length; i += 1) {
    total += Math.abs(histogram[a.charCodeAt(i)]!);
    histogram[a.charCodeAt(i)] = 0;
  }
  for (let i = 0; i < b.length; i += 1) {
    total += Math.abs(histogram[b.charCodeAt(i)]!);
    histogram[b.charCodeAt(i)] = 0;
  }
  return total;
}
