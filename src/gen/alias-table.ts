import type { Rng } from './rng.js';

/**
 * Walker's alias method: draws an index with probability proportional to its weight in
 * constant time, which matters when a million names and ages are drawn.
 */
export class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;
  readonly size: number;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    if (n === 0) throw new Error('an alias table needs at least one weight');
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (!(total > 0)) throw new Error('alias table weights must have a positive sum');
    this.size = n;
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.probability[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  /** An index drawn with probability weight[i] / Σ weight. */
  draw(rng: Rng): number {
    const column = rng.int(this.size);
    return rng.next() < this.probability[column]! ? column : this.alias[column]!;
  }
}
