import { describe, expect, it } from 'vitest';
import { summarizeQuality } from './data-quality.js';

const row = (owner: string | null, rule: string, status: string, openedAt: string, resolvedAt: string | null = null) => ({ owner_org_code: owner, rule_id: rule, status, opened_at: openedAt, resolved_at: resolvedAt });

describe('the data-quality summary', () => {
  it('counts per unit and rule and takes the median days to resolve of the resolved cases only', () => {
    const units = summarizeQuality([
      row('TOWN-005', 'a', 'open', '2025-03-01T00:00:00Z'),
      row('TOWN-005', 'a', 'in_progress', '2025-03-01T00:00:00Z'),
      row('TOWN-005', 'a', 'resolved', '2025-03-01T00:00:00Z', '2025-03-03T00:00:00Z'),
      row('TOWN-005', 'b', 'resolved', '2025-03-01T00:00:00Z', '2025-03-06T12:00:00Z'),
      row('TOWN-005', 'b', 'dismissed', '2025-03-01T00:00:00Z', '2025-03-30T00:00:00Z'),
      row('LABOR-SI', 'c', 'resolved', '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z'),
    ]);
    expect(units.map((u) => u.unit)).toEqual(['TOWN-005', 'LABOR-SI']);
    expect(units[0]).toMatchObject({ open: 2, resolved: 2, dismissed: 1, total: 5, medianDaysToResolve: 3.8 });
    expect(units[0]!.byRule).toEqual([
      { rule: 'a', open: 2, resolved: 1, dismissed: 0, total: 3, medianDaysToResolve: 2 },
      { rule: 'b', open: 0, resolved: 1, dismissed: 1, total: 2, medianDaysToResolve: 5.5 },
    ]);
    expect(units[1]).toMatchObject({ open: 0, resolved: 1, total: 1, medianDaysToResolve: 1 });
  });

  it('has no median when nothing is resolved', () => {
    expect(summarizeQuality([row('TOWN-005', 'a', 'dismissed', '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z')])[0]!.medianDaysToResolve).toBeNull();
  });
});
