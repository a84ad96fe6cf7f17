import { blockingKeyHashes, preparedBlockingKeys } from './blocking-keys.js';
import type { LinkRecord } from './link-record.js';
import { hashString } from './key-hash.js';
import { prepareRecord, type PreparedRecord } from './prepare-record.js';

export { hashString } from './key-hash.js';

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
  /** Record indexes, ordered by key hash: runs of equal hashes are the blocks. */
  records: Uint32Array;
  count: number;
  runs: Runs;
  /** Σ size·(size−1)/2 over the blocks used: an upper bound of the distinct pairs. */
  pairBound: number;
}

/** Writes the hashes of record `index`'s keys into `out` (see key-hash.ts). */
export type KeyHashes = (index: number, out: number[]) => void;

/**
 * Groups records by key. Each key is hashed to 32 bits (a collision only merges two blocks:
 * more candidates, never fewer) and the (hash, record) pairs are radix-sorted, 8 bytes per key
 * and no string kept.
 */
export function buildBlocks(
  keysOf: (index: number) => readonly string[],
  count: number,
  options: CandidateOptions = {},
): Blocks {
  return buildHashedBlocks(
    (i, out) => {
      for (const key of keysOf(i)) out.push(hashString(key));
    },
    count,
    options,
  );
}

/** buildBlocks from key hashes (the fast path: blocking keys hashed without making their strings). */
export function buildHashedBlocks(hashesOf: KeyHashes, count: number, options: CandidateOptions = {}): Blocks {
  const { hashes, records } = sortByHash(collectHashes(hashesOf, count));
  const runs = groupRuns(hashes, records, count, options.maxBlockSize ?? MAX_BLOCK_SIZE);
  // A copy of the used length, so the collection buffers (grown by doubling) can go.
  return { records: records.slice(), count, runs, pairBound: runs.pairBound };
}

/**
 * Visits every distinct pair of records that share a block, once, as (i, j) with i < j; a
 * per-record stamp array removes pairs repeated across blocks without a set of pairs. With
 * `splitAt`, only pairs with i < splitAt ≤ j (two files laid end to end). With `driverShare`
 * below 1, only the pairs of a fixed pseudo-random share of the records i (a sample). With
 * `from`/`to`, only the records i in [from, to): ranges visited apart give the same pairs in
 * the same order as one visit.
 */
export function visitCandidatePairs(
  blocks: Blocks,
  visit: (i: number, j: number) => void,
  options: { splitAt?: number; driverShare?: number; from?: number; to?: number; stamp?: Int32Array } = {},
): CandidateStats {
  const { records, count, runs } = blocks;
  const splitAt = options.splitAt ?? 0;
  const share = options.driverShare ?? 1;
  const stamp = options.stamp ?? new Int32Array(count).fill(-1);
  const to = Math.min(options.to ?? Infinity, driverCount(blocks, splitAt));
  let pairs = 0;
  for (let i = options.from ?? 0; i < to; i += 1) {
    if (share < 1 && (Math.imul(i + 1, 0x9e3779b1) >>> 0) / 4294967296 >= share) continue;
    for (let r = runs.start[i]!; r < runs.start[i + 1]!; r += 1) {
      const end = runs.runEnd[r]!;
      // Records within a run are in increasing order, so every j after i's place is ≥ i.
      for (let p = runs.position[r]! + 1; p < end; p += 1) {
        const j = records[p]!;
        if (j <= i || j < splitAt || stamp[j] === i) continue;
        stamp[j] = i;
        pairs += 1;
        visit(i, j);
      }
    }
  }
  return { pairs, blocks: runs.blocks, oversizedBlocks: runs.oversized };
}

/** The candidate blocks of prepared records. */
export function buildRecordBlocks(prepared: readonly PreparedRecord[], options: CandidateOptions = {}): Blocks {
  // Keys are made, hashed and dropped record by record: at 1M records they would hold ~10M strings.
  return buildHashedBlocks((i, out) => blockingKeyHashes(prepared[i]!, out), prepared.length, options);
}

/** How many records drive the visit: all of them, or the left set's when two sets are laid end to end. */
export function driverCount(blocks: Blocks, splitAt: number): number {
  return splitAt > 0 ? splitAt : blocks.count;
}

/** The blocks copied into SharedArrayBuffers, so worker threads read them without a copy each. */
export function shareBlocks(blocks: Blocks): Blocks {
  if (blocks.records.buffer instanceof SharedArrayBuffer) return blocks;
  const share = (array: Uint32Array) => {
    const shared = new Uint32Array(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    return shared;
  };
  const { runs } = blocks;
  return {
    ...blocks,
    records: share(blocks.records),
    runs: { ...runs, start: share(runs.start), position: share(runs.position), runEnd: share(runs.runEnd) },
  };
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

function collectHashes(hashesOf: KeyHashes, count: number): { hashes: Uint32Array; records: Uint32Array } {
  let hashes = new Uint32Array(Math.max(16, count * 4));
  let records = new Uint32Array(hashes.length);
  let length = 0;
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    out.length = 0;
    hashesOf(i, out);
    if (length + out.length > hashes.length) {
      const size = Math.max(hashes.length * 2, length + out.length);
      const grownHashes = new Uint32Array(size);
      grownHashes.set(hashes);
      hashes = grownHashes;
      const grownRecords = new Uint32Array(size);
      grownRecords.set(records);
      records = grownRecords;
    }
    for (let k = 0; k < out.length; k += 1) {
      hashes[length] = out[k]!;
      records[length] = i;
      length += 1;
    }
  }
  return { hashes: hashes.subarray(0, length), records: records.subarray(0, length) };
}

/** Stable LSD radix sort by hash in two 16-bit passes; records keep their increasing order within a hash. */
function sortByHash(input: { hashes: Uint32Array; records: Uint32Array }): {
  hashes: Uint32Array;
  records: Uint32Array;
} {
  const n = input.hashes.length;
  let hashes: Uint32Array = input.hashes;
  let records: Uint32Array = input.records;
  let toHashes: Uint32Array = new Uint32Array(n);
  let toRecords: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let p = 0; p < n; p += 1) counts[((hashes[p]! >>> shift) & 0xffff) + 1]! += 1;
    for (let b = 0; b < 65536; b += 1) counts[b + 1]! += counts[b]!;
    for (let p = 0; p < n; p += 1) {
      const bucket = (hashes[p]! >>> shift) & 0xffff;
      const at = counts[bucket]!;
      counts[bucket] = at + 1;
      toHashes[at] = hashes[p]!;
      toRecords[at] = records[p]!;
    }
    [hashes, toHashes] = [toHashes, hashes];
    [records, toRecords] = [toRecords, records];
  }
  return { hashes, records };
}

interface Runs {
  /** For record i, its run memberships are start[i] … start[i+1]-1. */
  start: Uint32Array;
  /** Per membership: the record's position in `records` and the end of its run. */
  position: Uint32Array;
  runEnd: Uint32Array;
  blocks: number;
  oversized: number;
  pairBound: number;
}

function groupRuns(hashes: Uint32Array, records: Uint32Array, count: number, maxBlock: number): Runs {
  const counts = new Uint32Array(count + 1);
  const spans: number[] = [];
  let blocks = 0;
  let oversized = 0;
  let pairBound = 0;
  for (let from = 0; from < hashes.length;) {
    const hash = hashes[from]!;
    let to = from + 1;
    while (to < hashes.length && hashes[to] === hash) to += 1;
    if (to - from > maxBlock) oversized += 1;
    else if (to - from >= 2) {
      blocks += 1;
      pairBound += ((to - from) * (to - from - 1)) / 2;
      spans.push(from, to);
      for (let p = from; p < to; p += 1) counts[records[p]! + 1]! += 1;
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
      const record = records[p]!;
      const at = fill[record]!;
      fill[record] = at + 1;
      position[at] = p;
      runEnd[at] = to;
    }
  }
  return { start, position, runEnd, blocks, oversized, pairBound };
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
