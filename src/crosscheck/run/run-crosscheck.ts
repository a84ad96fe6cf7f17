import { appendAuditEntries, type AuditInput } from '../../platform/audit/audit-log.js';
import { SYSTEM_ACTOR } from '../../platform/audit/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { CaseTable } from '../../platform/db/index.js';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import { casesOfPersons, insertCase, insertCaseEvent, openCasesOfInactivePersons, updateCase } from '../cases/cases.repository.js';
import { todayInDistrict } from '../cases/district-day.js';
import type { CrosscheckRule, Finding, PersonView } from '../rules/crosscheck-rule.js';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { planCaseChange, SYSTEM_ACTOR_NAME, type CaseAssignment, type CaseChange } from './case-changes.js';
import { activePersonsAfter, loadPersonViews, townOrgsByDivision } from './person-views.queries.js';

export interface CrosscheckRunOptions {
  /** The day the rules judge grace periods by (YYYY-MM-DD); today in the district by default. */
  asOf?: string;
  rules?: readonly CrosscheckRule[];
  batchSize?: number;
}

export interface RuleTally {
  found: number;
  opened: number;
  reopened: number;
  resolved: number;
}

export interface CrosscheckRunResult {
  asOf: string;
  persons: number;
  byRule: Record<string, RuleTally>;
}

const DEFAULT_BATCH = 1000;

/**
 * Evaluates every rule over the whole registry and brings the cases in line: a case opened for
 * each new contradiction, closed by the system when its contradiction is gone, reopened when it
 * returns. Each batch of persons commits with its case events and audit entries.
 */
export async function runCrosscheck(ctx: AppContext, options: CrosscheckRunOptions = {}): Promise<CrosscheckRunResult> {
  const asOf = options.asOf ?? todayInDistrict();
  const rules = options.rules ?? CROSSCHECK_RULES;
  const towns = await townOrgsByDivision(ctx.db.kysely);
  const result: CrosscheckRunResult = { asOf, persons: 0, byRule: Object.fromEntries(rules.map((r) => [r.id, { found: 0, opened: 0, reopened: 0, resolved: 0 }])) };
  let afterId = 0;
  for (;;) {
    const persons = await activePersonsAfter(ctx.db.kysely, afterId, options.batchSize ?? DEFAULT_BATCH);
    if (persons.length === 0) break;
    afterId = Number(persons.at(-1)!.id);
    result.persons += persons.length;
    const views = await loadPersonViews(ctx.db.kysely, persons);
    const findings = views.map((view) => ({ view, found: rules.map((rule) => ({ rule, finding: rule.check(view, asOf) })) }));
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const latest = latestCases(await casesOfPersons(trx, views.map((v) => v.id)));
      const now = new Date().toISOString();
      const changes: CaseChange[] = [];
      for (const { view, found } of findings) {
        for (const { rule, finding } of found) {
          if (finding) result.byRule[rule.id]!.found += 1;
          const change = planCaseChange(rule, latest.get(`${rule.id}\u0000${view.id}`), finding, assign(ctx.tree, towns, rule, view, finding), now);
          if (change) changes.push(change.kind === 'open' ? { ...change, row: { ...change.row, person_id: view.id } } : change);
        }
      }
      await applyChanges(trx, changes, result);
    });
  }
  await closeCasesOfInactivePersons(ctx, result);
  return result;
}

/** The latest case of each rule and person. */
function latestCases(rows: readonly CaseTable[]): Map<string, CaseTable> {
  const out = new Map<string, CaseTable>();
  for (const row of rows) out.set(`${row.rule_id}\u0000${Number(row.person_id)}`, row);
  return out;
}

/** The responsible organisation: the town of the person's managing division, or the department whose data is suspect. */
function assign(tree: DivisionTree, towns: Map<string, string>, rule: CrosscheckRule, view: PersonView, finding: Finding | null): CaseAssignment {
  const division = view.managingDivision ?? view.motherManagingDivision ?? finding?.divisionCode ?? null;
  const town = division ? tree.townOf(division) : undefined;
  const townOrg = town ? towns.get(town.code) ?? null : null;
  const ownerOrgCode = rule.responsible === 'suspect_department' ? finding?.suspectOrgCode ?? townOrg : townOrg;
  return { ownerOrgCode, divisionCode: division };
}

const EVENT_ACTION: Record<CaseChange['kind'], string | null> = { open: 'open', reopen: 'reopen', resolve: 'auto_resolve', refresh: null };

async function applyChanges(trx: Parameters<typeof insertCase>[0], changes: readonly CaseChange[], result: CrosscheckRunResult): Promise<void> {
  const audits: AuditInput[] = [];
  for (const change of changes) {
    if (change.kind === 'open') await insertCase(trx, change.row);
    else if (!(await updateCase(trx, change.row, change.expectedVersion))) continue; // a person acted meanwhile: the next run decides
    const action = EVENT_ACTION[change.kind];
    if (!action) continue;
    const tally = result.byRule[change.row.rule_id];
    if (tally) tally[change.kind === 'open' ? 'opened' : change.kind === 'reopen' ? 'reopened' : 'resolved'] += 1;
    await insertCaseEvent(trx, { case_id: change.row.id, version: change.row.version, action, actor: SYSTEM_ACTOR_NAME, at: change.row.updated_at, note: change.kind === 'resolve' ? change.row.resolution_note : null });
    audits.push({ actor: SYSTEM_ACTOR, action: `case.${action}`, targetType: 'case', targetIds: [change.row.id], details: { rule: change.row.rule_id, person: Number(change.row.person_id), owner: change.row.owner_org_code } });
  }
  if (audits.length > 0) await appendAuditEntries(trx, audits);
}

/** A person merged away or retracted has no contradiction left: the system closes their cases. */
async function closeCasesOfInactivePersons(ctx: AppContext, result: CrosscheckRunResult): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const rows = await openCasesOfInactivePersons(trx);
    const changes = rows.map((row) => ({
      kind: 'resolve' as const,
      expectedVersion: row.version,
      row: { ...row, status: 'resolved' as const, version: row.version + 1, updated_at: now, resolved_at: now, resolved_by: SYSTEM_ACTOR_NAME, resolution_note: 'the person is no longer in the registry (merged or retracted) / 人员已合并或撤销' },
    }));
    await applyChanges(trx, changes, result);
  });
}
