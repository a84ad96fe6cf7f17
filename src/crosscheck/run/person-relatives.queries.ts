import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../platform/db/index.js';

const IN_LIST = 500;

/**
 * The persons and their relatives one step out (parents, children, spouses, in either
 * direction), whatever their status: what a rule reads of another person is a person's mother
 * (population, managing division) and children (birth date, sex), so a change to anyone is seen
 * by those who read it. A rule that reads further (siblings) needs a wider step here.
 */
export async function personsWithRelatives(db: Kysely<Database>, personIds: readonly number[]): Promise<{ ids: number[]; persons: PersonTable[] }> {
  const ids = new Set(personIds);
  for (let i = 0; i < personIds.length; i += IN_LIST) {
    const chunk = personIds.slice(i, i + IN_LIST);
    const rows = await db
      .selectFrom('person_relations')
      .select(['person_id', 'other_id'])
      .where((eb) => eb.or([eb('person_id', 'in', chunk), eb('other_id', 'in', chunk)]))
      .execute();
    for (const r of rows) {
      ids.add(Number(r.person_id));
      ids.add(Number(r.other_id));
    }
  }
  const all = [...ids].sort((a, b) => a - b);
  const persons: PersonTable[] = [];
  for (let i = 0; i < all.length; i += IN_LIST) persons.push(...(await db.selectFrom('persons').selectAll().where('id', 'in', all.slice(i, i + IN_LIST)).orderBy('id').execute()));
  return { ids: all, persons };
}

/** Open cases of the given persons who are not active in the registry (merged away, retracted or gone). */
export async function openCasesOfGonePersons(db: Kysely<Database>, personIds: readonly number[], activeIds: ReadonlySet<number>) {
  const gone = personIds.filter((id) => !activeIds.has(id));
  const rows = [];
  for (let i = 0; i < gone.length; i += IN_LIST) {
    rows.push(...(await db.selectFrom('cases').selectAll().where('person_id', 'in', gone.slice(i, i + IN_LIST)).where('status', 'in', ['open', 'in_progress']).execute()));
  }
  return rows;
}
