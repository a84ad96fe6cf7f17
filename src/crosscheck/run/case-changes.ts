import { randomBytes } from 'node:crypto';
import type { CaseTable } from '../../platform/db/index.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import { addDays, type CrosscheckRule, type Finding } from '../rules/crosscheck-rule.js';

export const SYSTEM_ACTOR_NAME = 'system';
const AUTO_RESOLVE_NOTE = 'the contradiction no longer holds / 矛盾已消除';

/** What a run does to one rule's case of one person. */
export type CaseChange =
  | { kind: 'open'; row: CaseTable }
  | { kind: 'reopen' | 'refresh' | 'resolve'; row: CaseTable; expectedVersion: number };

/** Where a finding's case goes: the responsible organisation and the person's division. */
export interface CaseAssignment {
  ownerOrgCode: string | null;
  divisionCode: string | null;
}

/**
 * Decides what a run does with a rule's latest case of a person given what the rule found now:
 * opens a case for a new contradiction, refreshes the evidence of an open one, closes an open
 * case whose contradiction is gone, and reopens a closed one when the contradiction is back:
 * after the system closed it, or with evidence other than what a person resolved or dismissed.
 */
export function planCaseChange(rule: CrosscheckRule, latest: CaseTable | undefined, finding: Finding | null, assignment: CaseAssignment, now: string): CaseChange | null {
  const isOpen = latest !== undefined && (latest.status === 'open' || latest.status === 'in_progress');
  if (!finding) {
    if (!latest || !isOpen) return null;
    return { kind: 'resolve', expectedVersion: latest.version, row: { ...latest, status: 'resolved', version: latest.version + 1, updated_at: now, resolved_at: now, resolved_by: SYSTEM_ACTOR_NAME, resolution_note: AUTO_RESOLVE_NOTE } };
  }
  const evidence = JSON.stringify({ summary: finding.summary, entries: finding.entries });
  const evidenceKey = finding.entries.map((e) => e.seq).sort((a, b) => a - b).join(',');
  const fresh = { rule_version: rule.version, evidence, evidence_key: evidenceKey, owner_org_code: assignment.ownerOrgCode, division_code: assignment.divisionCode };
  if (!latest) {
    return {
      kind: 'open',
      row: { id: newCaseId(), rule_id: rule.id, person_id: 0, status: 'open', ...fresh, due_on: addDays(todayInDistrict(new Date(now)), rule.dueDays), version: 1, opened_at: now, updated_at: now, resolved_at: null, resolved_by: null, resolution_note: null, escalated_at: null },
    };
  }
  if (isOpen) {
    const same = latest.evidence === evidence && latest.owner_org_code === fresh.owner_org_code && latest.division_code === fresh.division_code && latest.rule_version === rule.version;
    return same ? null : { kind: 'refresh', expectedVersion: latest.version, row: { ...latest, ...fresh, updated_at: now } };
  }
  if (latest.resolved_by !== SYSTEM_ACTOR_NAME && latest.evidence_key === evidenceKey) return null;
  return {
    kind: 'reopen',
    expectedVersion: latest.version,
    row: { ...latest, ...fresh, status: 'open', version: latest.version + 1, due_on: addDays(todayInDistrict(new Date(now)), rule.dueDays), updated_at: now, resolved_at: null, resolved_by: null, resolution_note: null, escalated_at: null },
  };
}

function newCaseId(): string {
  return `CS-${randomBytes(6).toString('hex').toUpperCase()}`;
}
