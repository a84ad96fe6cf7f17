import { preparedBlockingKeys } from './blocking-keys.js';
import type { LinkRecord } from './link-record.js';
import { prepareRecord } from './prepare-record.js';

export interface CandidateOptions {
  /** Blocks with more records than this are skipped (a key too common to discriminate). Default 1000. */
  maxBlockSize?: number;
}

export interface CandidateStats {
  /** Distinct candidate pairs visited. */
  pairs: number;
  /** Blocks of two or more records that were used. */
  blocks: number;
  /** Blocks skipped for exceeding maxBlockSize. */
  oversizedBlocks: number;
}

/** The default largest block; bigger ones are dropped. */
export const MAX_BLOCK_SIZE = 1000;

/** Records grouped by shared keys: built once, visited as often as needed. */
export interface Blocks {
  packed: Float64Array;
  scale: number;
  count: number;
  runs: Runs;
  /** Σ size·(size−1)/2 over the blocks used: an upper bound of the distinct pairs. */
  pairBound: number;
}

/**
 * Groups records by key. Memory is one double per key: each key is hashed and packed with its
 * record index, the array is sorted natively, and runs of equal hashes are the blocks. A hash
 * collision only merges two blocks (more candidates, never fewer).
 */
export function buildBlocks(
  keysOf: (index: number) => readonly string[],
  count: number,
  options: CandidateOptions = {},
): Blocks {
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const hashBits = Math.min(32, 53 - indexBits);
  const scale = 2 ** indexBits;
  const packed = packKeys(keysOf, count, scale, hashBits);
  packed.sort();
  const runs = groupRuns(packed, scale, count, options.maxBlockSize ?? MAX_BLOCK_SIZE);
  return { packed, scale, count, runs, pairBound: runs.pairBound };
}

/**
 * Visits every distinct pair of records that share a block, once, as (i, j) with i < j; a
 * per-record stamp array removes pairs repeated across blocks without a set of pairs. With
 * `splitAt`, only pairs with i < splitAt ≤ j (two files laid end to end). With `driverShare`
 * below 1, only the pairs of a fixed pseudo-random share of the records i (a sample).
 */
export function visitCandidatePairs(
  blocks: Blocks,
  visit: (i: number, j: number) => void,
  options: { splitAt?: number; driverShare?: number } = {},
): CandidateStats {
  const { packed, scale, count, runs } = blocks;
  const splitAt = options.splitAt ?? 0;
  const share = options.driverShare ?? 1;
  const stamp = new Int32Array(count).fill(-1);
  let pairs = 0;
  for (let i = 0; i < (splitAt > 0 ? splitAt : count); i += 1) {
    if (share < 1 && (Math.imul(i + 1, 0x9e3779b1) >>> 0) / 4294967296 >= share) continue;
    for (let r = runs.start[i]!; r < runs.start[i + 1]!; r += 1) {
      const end = runs.runEnd[r]!;
      for (let p = runs.position[r]! + 1; p < end; p += 1) {
        const j = packed[p]! % scale;
        if (j <= i || j < splitAt || stamp[j] === i) continue;
        stamp[j] = i;
        pairs += 1;
        visit(i, j);
      }
    }
  }
  return { pairs, blocks: runs.blocks, oversizedBlocks: runs.oversized };
}

/** buildBlocks then visitCandidatePairs. */
export function forEachCandidatePair(
  keysOf: (index: number) => readonly string[],
  count: number,
  visit: (i: number, j: number) => void,
  options: CandidateOptions & { splitAt?: number } = {},
): CandidateStats {
  return visitCandidatePairs(buildBlocks(keysOf, count, options), visit, options);
}

function packKeys(
  keysOf: (index: number) => readonly string[],
  count: number,
  scale: number,
  hashBits: number,
): Float64Array {
  let all = new Float64Array(Math.max(16, count * 4));
  let length = 0;
  const shift = 32 - hashBits;
  for (let i = 0; i < count; i += 1) {
    for (const key of keysOf(i)) {
      if (length === all.length) {
        const grown = new Float64Array(all.length * 2);
        grown.set(all);
        all = grown;
      }
      all[length] = (hashString(key) >>> shift) * scale + i;
      length += 1;
    }
  }
  return all.slice(0, length);
}

interface Runs {
  /** For record i, its run memberships are start[i] … start[i+1]-1. */
  start: Uint32Array;
  /** Per membership: the record's position in `packed` and the end of its run. */
  position: Uint32Array;
  runEnd: Uint32Array;
  blocks: number;
  oversized: number;
  pairBound: number;
}

function groupRuns(packed: Float64Array, scale: number, count: number, maxBlock: number): Runs {
  const counts = new Uint32Array(count + 1);
  const spans: number[] = [];
  let blocks = 0;
  let oversized = 0;
  let pairBound = 0;
  for (let from = 0; from < packed.length;) {
    const hash = Math.floor(packed[from]! / scale);
    let to = from + 1;
    while (to < packed.length && Math.floor(packed[to]! / scale) === hash) to += 1;
    if (to - from > maxBlock) oversized += 1;
    else if (to - from >= 2) {
      blocks += 1;
      pairBound += ((to - from) * (to - from - 1)) / 2;
      spans.push(from, to);
      for (let p = from; p < to; p += 1) counts[(packed[p]! % scale) + 1]! += 1;
    }
    from = to;
  }
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < count; i += 1) start[i + 1] = start[i]! + counts[i + 1]!;
  const fill = start.slice(0, count);
  const position = new Uint32Array(start[count]!);
  const runEnd = new Uint32Array(start[count]!);
  for (let s = 0; s < spans.length; s += 2) {
    const from = spans[s]!;
    const to = spans[s + 1]!;
    for (let p = from; p < to; p += 1) {
      const record = packed[p]! % scale;
      const at = fill[record]!;
      fill[record] = at + 1;
      position[at] = p;
      runEnd[at] = to;
    }
  }
  return { start, position, runEnd, blocks, oversized, pairBound };
}

/** 32-bit FNV-1a over UTF-16 code units with a final avalanche (murmur3 fmix32). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Candidate pairs inside one set of records (deduplication), as index pairs [i, j] with i < j. */
export function candidatePairs(
  records: readonly LinkRecord[],
  options: CandidateOptions = {},
): Array<[number, number]> {
  const keys = records.map((r) => preparedBlockingKeys(prepareRecord(r)));
  const pairs: Array<[number, number]> = [];
  forEachCandidatePair(
    (i) => keys[i]!,
    records.length,
    (i, j) => pairs.push([i, j]),
    options,
  );
  return pairs;
}

/** Candidate pairs across two sets (linkage), as [index in a, index in b]. */
export function candidatePairsBetween(
  a: readonly LinkRecord[],
  b: readonly LinkRecord[],
  options: CandidateOptions = {},
): Array<[number, number]> {
  const all = [...a, ...b];
  const keys = all.map((r) => preparedBlockingKeys(prepareRecord(r)));
  const pairs: Array<[number, number]> = [];
  forEachCandidatePair(
    (i) => keys[i]!,
    all.length,
    (i, j) => pairs.push([i, j - a.length]),
    { ...options, splitAt: a.length },
  );
  return pairs;
}
