import type { QualityCaseRow } from './quality.queries.js';

/** Counts of a set of cases: open (open or in progress), resolved, dismissed, and the median days from opening to resolution. */
export interface QualityCounts {
  open: number;
  resolved: number;
  dismissed: number;
  total: number;
  /** Median days from opening to resolution of the resolved cases (one decimal); null when none is resolved. */
  medianDaysToResolve: number | null;
}

export interface UnitQuality extends QualityCounts {
  unit: string | null;
  byRule: Array<QualityCounts & { rule: string }>;
}

const DAY_MS = 86_400_000;

/**
 * The data-quality summary (反馈): per responsible unit — the town of the persons, or the
 * department whose data is suspect — and per rule, the cases opened and what became of them.
 * Units with the most open cases first.
 */
export function summarizeQuality(rows: readonly QualityCaseRow[]): UnitQuality[] {
  const byUnit = new Map<string | null, Map<string, QualityCaseRow[]>>();
  for (const row of rows) {
    const rules = byUnit.get(row.owner_org_code) ?? new Map<string, QualityCaseRow[]>();
    byUnit.set(row.owner_org_code, rules);
    const list = rules.get(row.rule_id) ?? [];
    list.push(row);
    rules.set(row.rule_id, list);
  }
  const units = [...byUnit.entries()].map(([unit, rules]) => ({
    unit,
    ...countCases([...rules.values()].flat()),
    byRule: [...rules.entries()].map(([rule, list]) => ({ rule, ...countCases(list) })).sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)),
  }));
  return units.sort((a, b) => b.open - a.open || b.total - a.total || String(a.unit).localeCompare(String(b.unit)));
}

/** The counts of a list of cases. */
export function countCases(rows: readonly QualityCaseRow[]): QualityCounts {
  let open = 0;
  let resolved = 0;
  let dismissed = 0;
  const days: number[] = [];
  for (const row of rows) {
    if (row.status === 'resolved') {
      resolved += 1;
      if (row.resolved_at) days.push((Date.parse(row.resolved_at) - Date.parse(row.opened_at)) / DAY_MS);
    } else if (row.status === 'dismissed') dismissed += 1;
    else open += 1;
  }
  return { open, resolved, dismissed, total: rows.length, medianDaysToResolve: median(days) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}
