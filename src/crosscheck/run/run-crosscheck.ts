import { availableParallelism } from 'node:os';
import type { AppContext } from '../../platform/context.js';
import { openCasesOfInactivePersons } from '../cases/cases.repository.js';
import { escalateOverdueCases } from '../cases/case-escalation.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import type { CrosscheckRule } from '../rules/crosscheck-rule.js';
import { CROSSCHECK_RULES } from '../rules/crosscheck-rules.js';
import { activePersonsAfter, loadPersonViews, townOrgsByDivision } from './person-views.queries.js';
import { checkPersons, closeCasesOfGonePersons, emptyTally, joinBatches, reconcileCases, type BatchFindings, type CasesReader, type RuleTally } from './reconcile-cases.js';
import { evaluateInParallel } from './evaluate-in-workers.js';
import { SqlitePersonViews } from './sqlite-person-views.js';

export type { RuleTally } from './reconcile-cases.js';

export interface CrosscheckRunOptions {
  /** The day the rules judge grace periods by (YYYY-MM-DD); today in the district by default. */
  asOf?: string;
  rules?: readonly CrosscheckRule[];
  batchSize?: number;
  /**
   * Worker threads evaluating batches besides this thread (SQLite file, rules in force): by
   * default one fewer than the cores for a registry of {@link PARALLEL_FROM} persons or more, else none.
   */
  workers?: number;
}

export interface CrosscheckRunResult {
  asOf: string;
  persons: number;
  byRule: Record<string, RuleTally>;
  /** Open cases found past their due date and escalated to the bureau by this run. */
  escalated: number;
}

const DEFAULT_BATCH = 1000;
/** Persons in the registry (active or not) from which a run on SQLite evaluates in worker threads too by default (a worker's start-up costs about what 10,000 persons do). */
export const PARALLEL_FROM = 50_000;

/**
 * Evaluates every rule over the whole registry and brings the cases in line: a case opened for
 * each new contradiction, closed by the system when its contradiction is gone, reopened when it
 * returns; then escalates the open cases past their due date. Persons are evaluated in batches
 * (on SQLite, in this thread and in worker threads at once); a few batches at a time commit with
 * their case events and audit entries.
 */
export async function runCrosscheck(ctx: AppContext, options: CrosscheckRunOptions = {}): Promise<CrosscheckRunResult> {
  const asOf = options.asOf ?? todayInDistrict();
  const rules = options.rules ?? CROSSCHECK_RULES;
  const input = { rules, tree: ctx.tree, towns: await townOrgsByDivision(ctx.db.kysely), tally: emptyTally(rules) };
  const result: CrosscheckRunResult = { asOf, persons: 0, byRule: input.tally, escalated: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const reconcile = async (batch: BatchFindings, readCases?: CasesReader) => {
    result.persons += batch.ids.length;
    await ctx.db.kysely.transaction().execute((trx) => reconcileCases(trx, input, batch, readCases));
  };
  if (ctx.db.sqlite) {
    // On SQLite a batch is read by prepared statements on Kysely's own connection (between its statements, never inside them).
    const views = new SqlitePersonViews(ctx.db.sqlite);
    const readCases: CasesReader = async (_trx, ids) => views.casesOf(ids);
    const file = ctx.db.sqlitePath;
    const parallel = file !== undefined && file !== ':memory:' && rules === CROSSCHECK_RULES;
    // Batches bounded beforehand (from the person id index), evaluated in this thread and in workers, reconciled a few at a time.
    const bounds = views.batchBounds(batchSize);
    const workers = parallel ? options.workers ?? (bounds.length * batchSize >= PARALLEL_FROM ? Math.max(0, availableParallelism() - 1) : 0) : 0;
    for await (const group of evaluateInParallel(views, { file: file ?? ':memory:', asOf }, rules, bounds, workers)) await reconcile(joinBatches(group), readCases);
  } else {
    for (let afterId = 0; ; ) {
      const persons = await activePersonsAfter(ctx.db.kysely, afterId, batchSize);
      if (persons.length === 0) break;
      afterId = Number(persons.at(-1)!.id);
      await reconcile(checkPersons(await loadPersonViews(ctx.db.kysely, persons), rules, asOf));
    }
  }
  // A person merged away or retracted has no contradiction left: the system closes their cases.
  await ctx.db.kysely.transaction().execute(async (trx) => closeCasesOfGonePersons(trx, await openCasesOfInactivePersons(trx), input.tally));
  result.escalated = await escalateOverdueCases(ctx.db.kysely, asOf);
  return result;
}
