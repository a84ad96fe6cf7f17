import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import type { ProjectedPersonsHook } from '../../registry/index.js';
import { todayInDistrict } from '../cases/district-day.js';
import type { CrosscheckRule } from '../rules/crosscheck-rule.js';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { openCasesOfGonePersons, personsWithRelatives } from './person-relatives.queries.js';
import { loadPersonViews, townOrgsByDivision } from './person-views.queries.js';
import { checkPersons, closeCasesOfGonePersons, emptyTally, reconcileCases, type RuleTally } from './reconcile-cases.js';

export interface EvaluatePersonsOptions {
  /** The day the rules judge grace periods by; today in the district by default. */
  asOf?: string;
  rules?: readonly CrosscheckRule[];
}

const BATCH = 1000;

/**
 * Incremental evaluation: every rule over just the given persons and their relatives, in the
 * caller's transaction, bringing their cases in line exactly as a full run would (open,
 * refresh, close by the system, reopen; a person merged away or retracted has theirs closed).
 */
export async function evaluatePersons(trx: Kysely<Database>, tree: DivisionTree, personIds: readonly number[], options: EvaluatePersonsOptions = {}): Promise<Record<string, RuleTally>> {
  const rules = options.rules ?? CROSSCHECK_RULES;
  const tally = emptyTally(rules);
  if (personIds.length === 0) return tally;
  const asOf = options.asOf ?? todayInDistrict();
  const { ids, persons } = await personsWithRelatives(trx, personIds);
  const active = persons.filter((p) => p.status === 'active');
  const input = { tree, towns: await townOrgsByDivision(trx), tally };
  for (let i = 0; i < active.length; i += BATCH) {
    const views = await loadPersonViews(trx, active.slice(i, i + BATCH));
    await reconcileCases(trx, input, checkPersons(views, rules, asOf));
  }
  await closeCasesOfGonePersons(trx, await openCasesOfGonePersons(trx, ids, new Set(active.map((p) => Number(p.id)))), tally);
  return tally;
}

/** The projection hook that re-evaluates the persons each chunk changed, in the chunk's transaction. */
export function evaluateAfterProjection(tree: DivisionTree, options: EvaluatePersonsOptions = {}): ProjectedPersonsHook {
  return async (trx, personIds) => {
    await evaluatePersons(trx, tree, personIds, options);
  };
}
