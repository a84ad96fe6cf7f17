import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../platform/db/index.js';
import { normaliseIdNumber, parseIdNumber } from '../../platform/identity/index.js';

/** At most this many persons answer one lookup. */
export const LOOKUP_MAX = 20;

/**
 * Active persons with exactly this ID number (a 15-digit number is read as its 18-digit form)
 * or exactly this name: the look-up a department makes under an agreement (no prefix searches).
 */
export async function lookupPersons(db: Kysely<Database>, by: { idNumber?: string; name?: string }): Promise<PersonTable[]> {
  let query = db.selectFrom('persons').selectAll().where('status', '=', 'active');
  if (by.idNumber) {
    const raw = normaliseIdNumber(by.idNumber);
    const parsed = parseIdNumber(raw, { today: '9999-12-31' });
    query = query.where('id_number', '=', parsed.ok ? parsed.idNumber : raw);
  } else if (by.name) query = query.where('name', '=', by.name.trim());
  else return [];
  // No ORDER BY in SQL: with one, the planner may walk the primary key instead of the ID index.
  const rows = await query.limit(LOOKUP_MAX).execute();
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

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
