import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../../platform/db/index.js';

const IN_LIST = 500;

/** Marks persons for re-evaluation (a person already marked stays marked once). */
export async function markPending(trx: Kysely<Database>, personIds: readonly number[]): Promise<void> {
  for (let i = 0; i < personIds.length; i += IN_LIST) {
    const chunk = personIds.slice(i, i + IN_LIST).map((id) => ({ person_id: id }));
    if (chunk.length > 0) await trx.insertInto('crosscheck_pending').values(chunk).onConflict((oc) => oc.column('person_id').doNothing()).execute();
  }
}

/**
 * Up to `limit` marked persons, in id order, taken for this transaction: on PostgreSQL locked
 * (skipping those another process has taken), so two evaluators never take the same person.
 */
export async function takePending(trx: Kysely<Database>, dialect: Dialect, limit: number): Promise<number[]> {
  let query = trx.selectFrom('crosscheck_pending').select('person_id').orderBy('person_id').limit(limit);
  if (dialect === 'postgres') query = query.forUpdate().skipLocked();
  return (await query.execute()).map((r) => Number(r.person_id));
}

export async function clearPending(trx: Kysely<Database>, personIds: readonly number[]): Promise<void> {
  for (let i = 0; i < personIds.length; i += IN_LIST) await trx.deleteFrom('crosscheck_pending').where('person_id', 'in', personIds.slice(i, i + IN_LIST)).execute();
}
