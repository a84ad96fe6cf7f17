/**
 * Which stored blocking keys the key table may hold, as a Bloom filter (two probes into a bit
 * array): "no" is certain, "yes" may be wrong. A projection run that knows every key in the
 * table — the table was empty, or read whole, when the run began, and nobody else wrote it
 * since (project-ledger.ts checks) — looks up only keys the filter says yes to. On a first load
 * of a register nearly every look-up of a record with a valid ID number is a "no": nobody
 * without a number holds its keys, nobody with its signature either.
 */
export class StoredKeyFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** Sized for about `expected` keys at 16 bits each (≈ 0.5 % false yes), between 2²⁰ and 2²⁸ bits. */
  constructor(expected: number) {
    let size = 1 << 20;
    while (size < expected * 16 && size < 1 << 28) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  add(key: number): void {
    const h = mix(key);
    const a = h & this.mask;
    const b = mix2(h) & this.mask;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  mayHold(key: number): boolean {
    const h = mix(key);
    const a = h & this.mask;
    const b = mix2(h) & this.mask;
    return (this.bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A 32-bit hash of a stored key (an integer below 2⁵³). */
function mix(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mix2(h: number): number {
  let x = Math.imul(h ^ 0x5bd1e995, 0x27d4eb2d);
  x ^= x >>> 15;
  return x >>> 0;
}
