/** Counts under this many persons are blanked in published figures. */
export const SMALL_CELL_PERSONS = 5;

/**
 * Which counts to blank before publishing: every count of 1–4, then in each group whose total
 * is shown (the sexes of births, birth orders, age groups, pyramid cells) one more cell while
 * only one is blank, the smallest non-zero one, so the blank cannot be had by subtraction.
 * Repeats until no group has a lone blank, since a cell may sit in several groups.
 */
export function suppressSmallCells(counts: ReadonlyMap<string, number>, groups: ReadonlyArray<readonly string[]>): Set<string> {
  const blank = new Set<string>();
  for (const [key, n] of counts) if (n > 0 && n < SMALL_CELL_PERSONS) blank.add(key);
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (group.filter((key) => blank.has(key)).length !== 1) continue;
      const candidates = group.filter((key) => !blank.has(key) && counts.has(key));
      if (candidates.length === 0) continue;
      const size = (key: string) => {
        const n = counts.get(key)!;
        return n === 0 ? Number.MAX_SAFE_INTEGER : n;
      };
      candidates.sort((a, b) => size(a) - size(b));
      blank.add(candidates[0]!);
      changed = true;
    }
  }
  return blank;
}
