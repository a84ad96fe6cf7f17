import { KIND, type MonthRange } from './person-cells.js';

/** Code prefix lengths of the areas reports ask for: district, town, village. */
export const AREA_LEVELS = [6, 9, 12] as const;

/** Kinds below deathsBeforeBirth that are used, in a dense order (deaths before birth follow, one per month between). */
const USED_KINDS = Object.values(KIND).filter((k) => k < KIND.deathsBeforeBirth);
const DENSE = new Int32Array(KIND.deathsBeforeBirth).fill(-1);
const SPARSE: number[] = [];
for (const base of USED_KINDS) {
  const width = base === KIND.womanDaysPart || base === KIND.womanDaysFull ? 50 : base === KIND.pyramid ? 40 : base === KIND.birthsBySex ? 3 : base === KIND.birthsByOrder ? 4 : base === KIND.birthsByMotherAge ? 35 : base === KIND.birthsByMotherAgeOrder ? 105 : 1;
  for (let k = base; k < base + width; k += 1) {
    if (DENSE[k] !== -1) continue;
    DENSE[k] = SPARSE.length;
    SPARSE.push(k);
  }
}
const kindSpace = (range: MonthRange) => SPARSE.length + 1 + range.last - range.first;
const denseOf = (kind: number) => (kind >= KIND.deathsBeforeBirth ? SPARSE.length + kind - KIND.deathsBeforeBirth : DENSE[kind]!);
const kindOf = (dense: number) => (dense >= SPARSE.length ? KIND.deathsBeforeBirth + dense - SPARSE.length : SPARSE[dense]!);

/**
 * Cells summed in memory before they are written: one array per area prefix (district, town,
 * village of each code added to), indexed by month and kind. A person's contribution is added
 * at every level at once, so a report reads the rows of its own area only.
 */
export class CellGrid {
  private readonly grids = new Map<string, Int32Array>();
  private readonly levelsOf = new Map<string, Int32Array[]>();
  private readonly kinds: number;

  constructor(private readonly range: MonthRange) {
    this.kinds = kindSpace(range);
  }

  /** Adds to a cell of `code` and of its town and district prefixes (months outside the range must be dropped by the caller). */
  readonly add = (code: string, month: number, kind: number, value: number): void => {
    let arrays = this.levelsOf.get(code);
    if (!arrays) {
      arrays = AREA_LEVELS.filter((length) => code.length >= length).map((length) => this.gridOf(code.slice(0, length)));
      this.levelsOf.set(code, arrays);
    }
    const index = (month - this.range.first) * this.kinds + denseOf(kind);
    for (const grid of arrays) grid[index]! += value;
  };

  /** Every non-zero cell, once. */
  *cells(): Generator<{ area: string; month: number; kind: number; value: number }> {
    for (const [area, grid] of this.grids) {
      for (let i = 0; i < grid.length; i += 1) {
        const value = grid[i]!;
        if (value !== 0) yield { area, month: this.range.first + Math.floor(i / this.kinds), kind: kindOf(i % this.kinds), value };
      }
    }
  }

  private gridOf(area: string): Int32Array {
    let grid = this.grids.get(area);
    if (!grid) {
      grid = new Int32Array((this.range.last - this.range.first + 1) * this.kinds);
      this.grids.set(area, grid);
    }
    return grid;
  }
}
