import type { Kysely } from 'kysely';
import { appendAuditEntries, type AuditInput } from '../../platform/audit/audit-log.js';
import { SYSTEM_ACTOR } from '../../platform/audit/actor.js';
import type { CaseTable, Database } from '../../platform/db/index.js';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import { casesOfPersons, insertCase, insertCaseEvent, updateCase } from '../cases/cases.repository.js';
import type { CrosscheckRule, Finding, PersonView } from '../rules/crosscheck-rule.js';
import { idRange } from './person-views.queries.js';
import { planCaseChange, SYSTEM_ACTOR_NAME, type CaseAssignment, type CaseChange } from './case-changes.js';

export interface RuleTally {
  found: number;
  opened: number;
  reopened: number;
  resolved: number;
}

/** What the rules found about a batch of persons, before it is reconciled with their cases. */
export interface PersonFindings {
  view: PersonView;
  found: Array<{ rule: CrosscheckRule; finding: Finding | null }>;
}

/** What reconciling needs besides the findings: the district tree, the town organisations by division, the tallies to add to. */
export interface ReconcileInput {
  tree: DivisionTree;
  towns: ReadonlyMap<string, string>;
  tally: Record<string, RuleTally>;
}

const INACTIVE_NOTE = 'the person is no longer in the registry (merged or retracted) / 人员已合并或撤销';

/** A zero tally for each rule. */
export function emptyTally(rules: readonly CrosscheckRule[]): Record<string, RuleTally> {
  return Object.fromEntries(rules.map((r) => [r.id, { found: 0, opened: 0, reopened: 0, resolved: 0 }]));
}

/** Every rule's verdict on each person as of a day. */
export function checkPersons(views: readonly PersonView[], rules: readonly CrosscheckRule[], asOf: string): PersonFindings[] {
  return views.map((view) => ({ view, found: rules.map((rule) => ({ rule, finding: rule.check(view, asOf) })) }));
}

/**
 * Brings the cases of the evaluated persons in line with the findings, in the caller's
 * transaction: opens, refreshes, closes by the system or reopens, with case events and audit entries.
 */
export async function reconcileCases(trx: Kysely<Database>, input: ReconcileInput, findings: readonly PersonFindings[]): Promise<void> {
  if (findings.length === 0) return;
  const latest = latestCases(await casesOfBatch(trx, findings.map((f) => f.view.id)));
  const now = new Date().toISOString();
  const changes: CaseChange[] = [];
  for (const { view, found } of findings) {
    for (const { rule, finding } of found) {
      if (finding) input.tally[rule.id]!.found += 1;
      const existing = latest.size === 0 ? undefined : latest.get(`${rule.id}\u0000${view.id}`);
      // Nothing found and no case: nothing to do (most persons and rules of a run).
      if (!finding && !existing) continue;
      const change = planCaseChange(rule, existing, finding, assign(input, rule, view, finding), now);
      if (change) changes.push(change.kind === 'open' ? { ...change, row: { ...change.row, person_id: view.id } } : change);
    }
  }
  await applyCaseChanges(trx, changes, input.tally);
}

/** Closes by the system the given open cases of persons merged away or retracted. */
export async function closeCasesOfGonePersons(trx: Kysely<Database>, rows: readonly CaseTable[], tally: Record<string, RuleTally>): Promise<void> {
  const now = new Date().toISOString();
  const changes = rows.map((row) => ({
    kind: 'resolve' as const,
    expectedVersion: row.version,
    row: { ...row, status: 'resolved' as const, version: row.version + 1, updated_at: now, resolved_at: now, resolved_by: SYSTEM_ACTOR_NAME, resolution_note: INACTIVE_NOTE },
  }));
  await applyCaseChanges(trx, changes, tally);
}

/** The cases of the persons (oldest first), read by an id range when the ids are dense (a full run's batch), as `casesOfPersons` does by an `IN` list. */
async function casesOfBatch(trx: Kysely<Database>, personIds: readonly number[]): Promise<CaseTable[]> {
  const range = idRange(personIds);
  if (!range) return casesOfPersons(trx, personIds);
  const wanted = new Set(personIds);
  const rows = await trx.selectFrom('cases').selectAll().where('person_id', '>=', range.from).where('person_id', '<=', range.to).orderBy('opened_at').orderBy('id').execute();
  return rows.filter((row) => wanted.has(Number(row.person_id)));
}

/** The latest case of each rule and person. */
function latestCases(rows: readonly CaseTable[]): Map<string, CaseTable> {
  const out = new Map<string, CaseTable>();
  for (const row of rows) out.set(`${row.rule_id}\u0000${Number(row.person_id)}`, row);
  return out;
}

/** The responsible organisation: the town of the person's managing division, or the department whose data is suspect. */
function assign(input: ReconcileInput, rule: CrosscheckRule, view: PersonView, finding: Finding | null): CaseAssignment {
  const division = view.managingDivision ?? view.motherManagingDivision ?? finding?.divisionCode ?? null;
  const town = division ? input.tree.townOf(division) : undefined;
  const townOrg = town ? input.towns.get(town.code) ?? null : null;
  const ownerOrgCode = rule.responsible === 'suspect_department' ? finding?.suspectOrgCode ?? townOrg : townOrg;
  return { ownerOrgCode, divisionCode: division };
}

const EVENT_ACTION: Record<CaseChange['kind'], string | null> = { open: 'open', reopen: 'reopen', resolve: 'auto_resolve', refresh: null };

async function applyCaseChanges(trx: Kysely<Database>, changes: readonly CaseChange[], tally: Record<string, RuleTally>): Promise<void> {
  const audits: AuditInput[] = [];
  for (const change of changes) {
    if (change.kind === 'open') await insertCase(trx, change.row);
    else if (!(await updateCase(trx, change.row, change.expectedVersion))) continue; // a person acted meanwhile: the next run decides
    const action = EVENT_ACTION[change.kind];
    if (!action) continue;
    const counts = tally[change.row.rule_id];
    if (counts) counts[change.kind === 'open' ? 'opened' : change.kind === 'reopen' ? 'reopened' : 'resolved'] += 1;
    await insertCaseEvent(trx, { case_id: change.row.id, version: change.row.version, action, actor: SYSTEM_ACTOR_NAME, at: change.row.updated_at, note: change.kind === 'resolve' ? change.row.resolution_note : null });
    audits.push({ actor: SYSTEM_ACTOR, action: `case.${action}`, targetType: 'case', targetIds: [change.row.id], details: { rule: change.row.rule_id, person: Number(change.row.person_id), owner: change.row.owner_org_code } });
  }
  if (audits.length > 0) await appendAuditEntries(trx, audits);
}
