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

/** What the rules found about one person: their contradictions by rule id, with what assigning a case needs. */
export interface PersonFindings {
  id: number;
  managingDivision: string | null;
  motherManagingDivision: string | null;
  /** Only the rules that found a contradiction. */
  byRule: Record<string, Finding>;
}

/**
 * What the rules found about a batch of persons, before it is reconciled with their cases: every
 * person evaluated (ascending ids) and those with a contradiction. Plain data, so a worker thread
 * can evaluate a batch and hand this to the thread that writes the cases.
 */
export interface BatchFindings {
  ids: ArrayLike<number>;
  persons: PersonFindings[];
}

/** What reconciling needs besides the findings: the rules evaluated, the district tree, the town organisations by division, the tallies to add to. */
export interface ReconcileInput {
  rules: readonly CrosscheckRule[];
  tree: DivisionTree;
  towns: ReadonlyMap<string, string>;
  tally: Record<string, RuleTally>;
}

const INACTIVE_NOTE = 'the person is no longer in the registry (merged or retracted) / 人员已合并或撤销';

/** A zero tally for each rule. */
export function emptyTally(rules: readonly CrosscheckRule[]): Record<string, RuleTally> {
  return Object.fromEntries(rules.map((r) => [r.id, { found: 0, opened: 0, reopened: 0, resolved: 0 }]));
}

/** Every rule's verdict on each person as of a day (the views in ascending id order). */
export function checkPersons(views: readonly PersonView[], rules: readonly CrosscheckRule[], asOf: string): BatchFindings {
  const ids = new Float64Array(views.length);
  const persons: PersonFindings[] = [];
  views.forEach((view, i) => {
    ids[i] = view.id;
    let byRule: Record<string, Finding> | undefined;
    for (const rule of rules) {
      const finding = rule.check(view, asOf);
      if (finding) (byRule ??= {})[rule.id] = finding;
    }
    if (byRule) persons.push({ id: view.id, managingDivision: view.managingDivision, motherManagingDivision: view.motherManagingDivision, byRule });
  });
  return { ids, persons };
}

/** Batches evaluated one after the other, as one: their persons and findings in order. */
export function joinBatches(batches: readonly BatchFindings[]): BatchFindings {
  if (batches.length === 1) return batches[0]!;
  const ids = new Float64Array(batches.reduce((n, b) => n + b.ids.length, 0));
  let at = 0;
  for (const batch of batches) {
    ids.set(batch.ids, at);
    at += batch.ids.length;
  }
  return { ids, persons: batches.flatMap((b) => b.persons) };
}

const NO_ASSIGNMENT: CaseAssignment = { ownerOrgCode: null, divisionCode: null };

/**
 * Brings the cases of the evaluated persons in line with the findings, in the caller's
 * transaction: opens, refreshes, closes by the system or reopens, with case events and audit entries.
 */
export async function reconcileCases(trx: Kysely<Database>, input: ReconcileInput, batch: BatchFindings, readCases: CasesReader = casesOfBatch): Promise<void> {
  if (batch.ids.length === 0) return;
  const latest = latestCases(await readCases(trx, batch.ids));
  if (latest.size === 0 && batch.persons.length === 0) return;
  const found = new Map(batch.persons.map((p) => [p.id, p]));
  const withCases = new Set<number>();
  for (const row of latest.values()) withCases.add(Number(row.person_id));
  const now = new Date().toISOString();
  const changes: CaseChange[] = [];
  for (let i = 0; i < batch.ids.length; i += 1) {
    const id = batch.ids[i]!;
    const person = found.get(id);
    // Nothing found and no case: nothing to do (most persons of a run).
    if (!person && !withCases.has(id)) continue;
    for (const rule of input.rules) {
      const finding = person?.byRule[rule.id] ?? null;
      if (finding) input.tally[rule.id]!.found += 1;
      const existing = latest.size === 0 ? undefined : latest.get(`${rule.id}\u0000${id}`);
      if (!finding && !existing) continue;
      // A case closes (no finding) with its own owner and division: an assignment is for a finding.
      const change = planCaseChange(rule, existing, finding, finding ? assign(input, rule, person!, finding) : NO_ASSIGNMENT, now);
      if (change) changes.push(change.kind === 'open' ? { ...change, row: { ...change.row, person_id: id } } : change);
    }
  }
  await applyCaseChanges(trx, changes, input.tally);
}

/** Reads the cases of the persons with the given ids (ascending), oldest first, in the caller's transaction. */
export type CasesReader = (trx: Kysely<Database>, personIds: ArrayLike<number>) => Promise<CaseTable[]>;

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
async function casesOfBatch(trx: Kysely<Database>, ids: ArrayLike<number>): Promise<CaseTable[]> {
  const personIds = Array.from(ids);
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
function assign(input: ReconcileInput, rule: CrosscheckRule, view: Pick<PersonFindings, 'managingDivision' | 'motherManagingDivision'>, finding: Finding): CaseAssignment {
  const division = view.managingDivision ?? view.motherManagingDivision ?? finding.divisionCode ?? null;
  const town = division ? input.tree.townOf(division) : undefined;
  const townOrg = town ? input.towns.get(town.code) ?? null : null;
  const ownerOrgCode = rule.responsible === 'suspect_department' ? finding.suspectOrgCode ?? townOrg : townOrg;
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
