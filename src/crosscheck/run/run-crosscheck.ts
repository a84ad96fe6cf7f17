import type { AppContext } from '../../platform/context.js';
import { openCasesOfInactivePersons } from '../cases/cases.repository.js';
import { escalateOverdueCases } from '../cases/case-escalation.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import type { CrosscheckRule } from '../rules/crosscheck-rule.js';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { activePersonsAfter, loadPersonViews, townOrgsByDivision } from './person-views.queries.js';
import { checkPersons, closeCasesOfGonePersons, emptyTally, reconcileCases, type PersonFindings, type RuleTally } from './reconcile-cases.js';
import { SqlitePersonViews } from './sqlite-person-views.js';

export type { RuleTally } from './reconcile-cases.js';

export interface CrosscheckRunOptions {
  /** The day the rules judge grace periods by (YYYY-MM-DD); today in the district by default. */
  asOf?: string;
  rules?: readonly CrosscheckRule[];
  batchSize?: number;
}

export interface CrosscheckRunResult {
  asOf: string;
  persons: number;
  byRule: Record<string, RuleTally>;
  /** Open cases found past their due date and escalated to the bureau by this run. */
  escalated: number;
}

const DEFAULT_BATCH = 1000;

/**
 * Evaluates every rule over the whole registry and brings the cases in line: a case opened for
 * each new contradiction, closed by the system when its contradiction is gone, reopened when it
 * returns; then escalates the open cases past their due date. Each batch of persons commits
 * with its case events and audit entries.
 */
export async function runCrosscheck(ctx: AppContext, options: CrosscheckRunOptions = {}): Promise<CrosscheckRunResult> {
  const asOf = options.asOf ?? todayInDistrict();
  const rules = options.rules ?? CROSSCHECK_RULES;
  const input = { tree: ctx.tree, towns: await townOrgsByDivision(ctx.db.kysely), tally: emptyTally(rules) };
  const result: CrosscheckRunResult = { asOf, persons: 0, byRule: input.tally, escalated: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // On SQLite a batch is read by prepared statements on Kysely's own connection (between its statements, never inside them).
  const sqliteViews = ctx.db.sqlite ? new SqlitePersonViews(ctx.db.sqlite) : null;
  let afterId = 0;
  for (;;) {
    let findings: PersonFindings[];
    if (sqliteViews) {
      const batch = sqliteViews.batchAfter(afterId, batchSize, (views) => checkPersons(views, rules, asOf));
      if (batch.lastId === null) break;
      afterId = batch.lastId;
      result.persons += batch.count;
      findings = batch.result!;
    } else {
      const persons = await activePersonsAfter(ctx.db.kysely, afterId, batchSize);
      if (persons.length === 0) break;
      afterId = Number(persons.at(-1)!.id);
      result.persons += persons.length;
      findings = checkPersons(await loadPersonViews(ctx.db.kysely, persons), rules, asOf);
    }
    await ctx.db.kysely.transaction().execute((trx) => reconcileCases(trx, input, findings));
  }
  // A person merged away or retracted has no contradiction left: the system closes their cases.
  await ctx.db.kysely.transaction().execute(async (trx) => closeCasesOfGonePersons(trx, await openCasesOfInactivePersons(trx), input.tally));
  result.escalated = await escalateOverdueCases(ctx.db.kysely, asOf);
  return result;
}
