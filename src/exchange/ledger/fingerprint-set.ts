/**
 * A set of 32-bit fingerprints of strings in an open-addressing table of typed arrays:
 * `has` may answer yes for a string never added (about one in 4 × 10⁹ ÷ size), never no for
 * one that was. The ledger writer uses it to know, for a million-row first load, which record
 * ids it has already written in this submission without keeping the ids themselves
 * (4–8 bytes a row instead of a map entry of ~100).
 */
export class FingerprintSet {
  private slots = new Uint32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(value: string): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    if (this.insert(fingerprint(value))) this.count += 1;
  }

  has(value: string): boolean {
    const print = fingerprint(value);
    const mask = this.slots.length - 1;
    for (let i = print & mask; this.used[i] === 1; i = (i + 1) & mask) {
      if (this.slots[i] === print) return true;
    }
    return false;
  }

  private insert(print: number): boolean {
    const mask = this.slots.length - 1;
    let i = print & mask;
    while (this.used[i] === 1) {
      if (this.slots[i] === print) return false;
      i = (i + 1) & mask;
    }
    this.slots[i] = print;
    this.used[i] = 1;
    return true;
  }

  private grow(): void {
    const { slots, used } = this;
    this.slots = new Uint32Array(slots.length * 2);
    this.used = new Uint8Array(used.length * 2);
    for (let i = 0; i < slots.length; i += 1) if (used[i] === 1) this.insert(slots[i]!);
  }
}

/** FNV-1a over UTF-16 code units, then a murmur-style finaliser so nearby ids spread out. */
function fingerprint(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
