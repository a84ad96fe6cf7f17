import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../platform/db/index.js';

/** At most this many persons answer one look-up by ID number or name (sharing's person queries). */
export const LOOKUP_MAX = 20;

/** Active, living persons whose expected delivery date lies in [from, to], soonest first. */
export async function personsDueBetween(db: Kysely<Database>, from: string, to: string, limit: number): Promise<PersonTable[]> {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('status', '=', 'active')
    .where('died_on', 'is', null)
    .where('expected_delivery_on', '>=', from)
    .where('expected_delivery_on', '<=', to)
    .orderBy('expected_delivery_on')
    .orderBy('id')
    .limit(limit)
    .execute();
}
