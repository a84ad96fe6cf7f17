import { sql, type Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database, PersonTable } from '../../platform/db/index.js';
import { nameKey } from './name-key.js';

export interface PersonSearch {
  q?: string;
  birthDate?: string;
  division?: string;
  population?: string;
  offset: number;
  limit: number;
}

/** A person as lists show them. ID numbers are masked unless `unmasked`. */
export interface PersonSummary {
  id: number;
  idNumber: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  diedOn: string | null;
  population: string;
  managingDivision: string | null;
  hukouDivision: string | null;
  residenceDivision: string | null;
  maritalStatus: string | null;
}

/** 440606199203150021 → 440606********0021: the area and the last four, as counters show it. */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber;
  return idNumber.length <= 10 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

export function toPersonSummary(row: PersonTable, unmasked: boolean): PersonSummary {
  return {
    id: Number(row.id),
    idNumber: unmasked ? row.id_number : maskIdNumber(row.id_number),
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    diedOn: row.died_on,
    population: row.population,
    managingDivision: row.managing_division,
    hukouDivision: row.hukou_division,
    residenceDivision: row.residence_division,
    maritalStatus: row.marital_status,
  };
}

/** Searches active persons by ID number, name (Han characters or pinyin), birth date, division and kind. */
export async function searchPersons(db: Kysely<Database>, principal: Principal, search: PersonSearch): Promise<{ items: PersonTable[]; total: number }> {
  let query = db.selectFrom('persons').where('status', '=', 'active');
  let exactFirst: string | null = null;
  if (!principal.districtWide) {
    if (principal.jurisdiction.size === 0) return { items: [], total: 0 };
    // Persons managed, registered or living in the caller's jurisdiction.
    const codes = [...principal.jurisdiction];
    query = query.where((eb) => eb.or([eb('managing_division', 'in', codes), eb('hukou_division', 'in', codes), eb('residence_division', 'in', codes)]));
  }
  const q = search.q?.trim();
  if (q) {
    if (/^\d{17}[\dXx]$|^\d{15}$/.test(q)) query = query.where('id_number', '=', q.toUpperCase());
    else if (/^\d{4,}/.test(q)) query = query.where('id_number', 'like', `${q}%`);
    else {
      // One index serves Chinese names, homophones and pinyin: the name's toneless pinyin key.
      const key = nameKey(q);
      if (!key) return { items: [], total: 0 };
      query = query.where('name_key', 'like', `${key}%`);
      if (/^[a-z\s]+$/i.test(q)) exactFirst = null;
      else exactFirst = q;
    }
  }
  if (search.birthDate) query = query.where('birth_date', '=', search.birthDate);
  if (search.population) query = query.where('population', '=', search.population);
  if (search.division) {
    const prefix = search.division.replace(/0+$/, '');
    query = query.where((eb) => eb.or([eb('managing_division', 'like', `${prefix}%`), eb('hukou_division', 'like', `${prefix}%`), eb('residence_division', 'like', `${prefix}%`)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered = exactFirst === null ? query : query.orderBy(sql`case when name = ${exactFirst} then 0 else 1 end`);
  // Names in pinyin order (their search key), as a clerk expects of Chinese names; persons known only by ID number last on both dialects.
  const items = await ordered
    .selectAll()
    .orderBy(sql`case when name_key is null then 1 else 0 end`)
    .orderBy('name_key')
    .orderBy('name')
    .orderBy('id')
    .offset(search.offset)
    .limit(search.limit)
    .execute();
  return { items, total: Number(total.n) };
}

/** One active or retracted person, if the caller's jurisdiction covers them. */
export async function findVisiblePerson(db: Kysely<Database>, principal: Principal, id: number): Promise<PersonTable | undefined> {
  const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (principal.districtWide) return row;
  const codes = principal.jurisdiction;
  const inside = [row.managing_division, row.hukou_division, row.residence_division].some((c) => c !== null && codes.has(c));
  return inside ? row : undefined;
}

/** Every record linked to a person, oldest event first, with its ledger entry. */
export async function timelineOf(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom('person_records as pr')
    .innerJoin('ledger as l', 'l.seq', 'pr.seq')
    .leftJoin('orgs as o', 'o.code', 'l.org_code')
    .select(['pr.seq', 'pr.role', 'pr.method', 'pr.score', 'l.org_code', 'o.name as org_name', 'l.type', 'l.record_id', 'l.action', 'l.event_date', 'l.committed_at', 'l.payload'])
    .where('pr.person_id', '=', personId)
    .orderBy('l.event_date')
    .orderBy('pr.seq')
    .execute();
}

/** A person's relations in both directions, with the other person's row. */
export async function relationsOf(db: Kysely<Database>, personId: number) {
  const outgoing = await db
    .selectFrom('person_relations as r')
    .innerJoin('persons as p', 'p.id', 'r.other_id')
    .select(['r.kind', 'r.since', 'r.until', 'r.seq', sql<string>`'out'`.as('direction'), 'p.id', 'p.id_number', 'p.name', 'p.sex', 'p.birth_date', 'p.status'])
    .where('r.person_id', '=', personId)
    .execute();
  const incoming = await db
    .selectFrom('person_relations as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['r.kind', 'r.since', 'r.until', 'r.seq', sql<string>`'in'`.as('direction'), 'p.id', 'p.id_number', 'p.name', 'p.sex', 'p.birth_date', 'p.status'])
    .where('r.other_id', '=', personId)
    .execute();
  return [...outgoing, ...incoming].filter((r) => r.status === 'active');
}

/** Members of the household (户号) a person is registered in. */
export async function householdOf(db: Kysely<Database>, householdNumber: string | null) {
  if (!householdNumber) return [];
  return db.selectFrom('persons').selectAll().where('status', '=', 'active').where('household_number', '=', householdNumber).orderBy('birth_date').limit(50).execute();
}
