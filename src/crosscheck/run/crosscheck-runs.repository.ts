import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

/**
 * Claims the full run of a district day for `runner`: true when this caller got it (no run that
 * day yet, or one that started before `staleBefore` and never finished: its process died).
 * The day's row is the lock, so two server processes never both run.
 */
export async function claimDailyRun(db: Kysely<Database>, day: string, runner: string, now: string, staleBefore: string): Promise<boolean> {
  const inserted = await db.insertInto('crosscheck_runs').values({ day, runner, started_at: now, finished_at: null, result: null }).onConflict((oc) => oc.column('day').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const taken = await db.updateTable('crosscheck_runs').set({ runner, started_at: now }).where('day', '=', day).where('finished_at', 'is', null).where('started_at', '<', staleBefore).executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Records that the day's run finished, with its tallies. */
export async function finishDailyRun(db: Kysely<Database>, day: string, runner: string, result: unknown): Promise<void> {
  await db.updateTable('crosscheck_runs').set({ finished_at: new Date().toISOString(), result: JSON.stringify(result) }).where('day', '=', day).where('runner', '=', runner).execute();
}

/** The day's run, if one was claimed. */
export async function findDailyRun(db: Kysely<Database>, day: string) {
  return db.selectFrom('crosscheck_runs').selectAll().where('day', '=', day).executeTakeFirst();
}
