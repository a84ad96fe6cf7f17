import type { DivisionRow } from './district-file.js';

/**
 * The district's divisions held in memory (a few hundred rows), for jurisdiction checks:
 * which divisions lie at or under another.
 */
export class DivisionTree {
  readonly root: DivisionRow;
  private readonly byCode = new Map<string, DivisionRow>();
  private readonly children = new Map<string, DivisionRow[]>();

  constructor(rows: readonly DivisionRow[]) {
    let root: DivisionRow | undefined;
    for (const row of rows) {
      this.byCode.set(row.code, row);
      if (row.parent === null) root = row;
      else {
        const siblings = this.children.get(row.parent) ?? [];
        siblings.push(row);
        this.children.set(row.parent, siblings);
      }
    }
    if (!root) throw new Error('the division tree has no district row');
    this.root = root;
  }

  get(code: string): DivisionRow | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): DivisionRow[] {
    return [...this.byCode.values()];
  }

  childrenOf(code: string): DivisionRow[] {
    return this.children.get(code) ?? [];
  }

  /** The given divisions and every division under them. */
  expand(codes: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const stack = [...codes].filter((code) => this.byCode.has(code));
    while (stack.length > 0) {
      const code = stack.pop()!;
      if (out.has(code)) continue;
      out.add(code);
      for (const child of this.childrenOf(code)) stack.push(child.code);
    }
    return out;
  }

  /** The town a division belongs to (itself for a town), or undefined for the district. */
  townOf(code: string): DivisionRow | undefined {
    let row = this.byCode.get(code);
    while (row && row.level !== 'town') row = row.parent ? this.byCode.get(row.parent) : undefined;
    return row;
  }
}
