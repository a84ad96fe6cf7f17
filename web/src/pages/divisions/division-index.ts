import type { Division } from '../../api/types.js';

/** Divisions arranged for lookups: by code, children by parent, roots first. */
export interface DivisionIndex {
  byCode: Map<string, Division>;
  childrenOf: Map<string | null, Division[]>;
  roots: Division[];
}

/** Indexes a flat division list; a division whose parent is unknown is treated as a root. */
export function indexDivisions(items: readonly Division[]): DivisionIndex {
  const byCode = new Map(items.map((d) => [d.code, d]));
  const childrenOf = new Map<string | null, Division[]>();
  const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code));
  for (const division of sorted) {
    const parent = division.parent && byCode.has(division.parent) ? division.parent : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(division);
    childrenOf.set(parent, siblings);
  }
  return { byCode, childrenOf, roots: childrenOf.get(null) ?? [] };
}

/** Codes of the ancestors of `code`, nearest first. */
export function ancestorCodes(index: DivisionIndex, code: string): string[] {
  const result: string[] = [];
  let parent = index.byCode.get(code)?.parent ?? null;
  while (parent && index.byCode.has(parent) && !result.includes(parent)) {
    result.push(parent);
    parent = index.byCode.get(parent)?.parent ?? null;
  }
  return result;
}

/** Divisions whose name or code contains the search text (case-insensitive). */
export function searchDivisions(items: readonly Division[], text: string): Division[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return items
    .filter((d) => d.name.toLowerCase().includes(needle) || d.code.toLowerCase().includes(needle))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The codes to expand so that every search hit is visible in the tree. */
export function expandedForMatches(index: DivisionIndex, matches: readonly Division[]): string[] {
  const codes = new Set<string>();
  for (const d of matches) for (const a of ancestorCodes(index, d.code)) codes.add(a);
  return [...codes];
}
