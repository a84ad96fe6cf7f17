import { chainHash } from './chain-head.js';
import { GENESIS_HASH } from './chain-head.js';

export interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  /** The canonical body the entry's hash was computed over. */
  body: string;
}

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: string;
}

export interface ChainReport {
  chain: string;
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBroken: ChainBreak | null;
}

/**
 * Walks a hash chain in sequence order and reports the first entry that was edited, deleted,
 * inserted or reordered. `head` is the chain head as recorded beside the chain; it catches a
 * truncated tail, which the rows alone cannot show.
 */
export async function verifyHashChain(
  chain: string,
  rows: AsyncIterable<ChainRow>,
  head: { seq: number; hash: string } | undefined,
): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, reason: string): ChainReport => ({
    chain,
    ok: false,
    checked,
    headSeq: head?.seq ?? 0,
    firstBroken: { chain, seq, reason },
  });
  for await (const row of rows) {
    if (row.seq !== expectedSeq) {
      return broken(
        expectedSeq,
        row.seq > expectedSeq
          ? `entry ${expectedSeq} is missing (next entry found is ${row.seq})`
          : `entry ${row.seq} appears out of order`,
      );
    }
    if (row.prevHash !== prevHash) {
      return broken(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1} (prev_hash differs)`);
    }
    if (chainHash(prevHash, row.body) !== row.hash) {
      return broken(row.seq, `entry ${row.seq} was altered (its content does not match its hash)`);
    }
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked) {
    return broken(
      checked + 1,
      headSeq > checked
        ? `entries ${checked + 1}–${headSeq} were deleted (the chain head records ${headSeq})`
        : `the chain head records ${headSeq} entries but ${checked} exist`,
    );
  }
  if (head && checked > 0 && head.hash !== prevHash) {
    return broken(checked, `the chain head hash does not match entry ${checked}`);
  }
  return { chain, ok: true, checked, headSeq, firstBroken: null };
}
