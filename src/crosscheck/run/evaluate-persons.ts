import type { Kysely } from 'kysely';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import type { ProjectionFollower } from '../../registry/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Database, Db } from '../../platform/db/index.js';
import { clearPending, markPending, takePending } from './crosscheck-pending.repository.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
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
  const input = { rules, tree, towns: await townOrgsByDivision(trx), tally };
  for (let i = 0; i < active.length; i += BATCH) {
    const views = await loadPersonViews(trx, active.slice(i, i + BATCH));
    await reconcileCases(trx, input, checkPersons(views, rules, asOf));
  }
  await closeCasesOfGonePersons(trx, await openCasesOfGonePersons(trx, ids, new Set(active.map((p) => Number(p.id)))), tally);
  return tally;
}

const PENDING_BATCH = 1000;

/**
 * What follows the registry projection: each chunk marks the persons it changed (in its own
 * transaction, so nothing is lost to a crash), and after the run the marked persons are
 * evaluated once each, a batch per transaction that also clears their marks. A bulk load that
 * touches a person in many chunks evaluates them once.
 */
export function crosscheckFollower(ctx: AppContext, options: EvaluatePersonsOptions = {}): ProjectionFollower {
  return {
    afterChunk: (trx, personIds) => markPending(trx, personIds),
    afterRun: async () => {
      await evaluatePending(ctx.db, ctx.tree, options);
    },
  };
}

/** Evaluates every person marked pending, a batch per transaction; returns how many. */
export async function evaluatePending(db: Db, tree: DivisionTree, options: EvaluatePersonsOptions = {}): Promise<number> {
  let evaluated = 0;
  for (;;) {
    const taken = await db.kysely.transaction().execute(async (trx) => {
      const ids = await takePending(trx, db.dialect, PENDING_BATCH);
      if (ids.length === 0) return 0;
      await evaluatePersons(trx, tree, ids, options);
      await clearPending(trx, ids);
      return ids.length;
    });
    if (taken === 0) return evaluated;
    evaluated += taken;
  }
}
