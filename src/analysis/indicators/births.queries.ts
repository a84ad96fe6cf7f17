import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { Period } from './period.js';
import { AREA_OF_PERSON } from './residents.queries.js';

/** A child born in the area within the period, with its mother and its birth order. */
export interface BirthRow {
  childId: number;
  sex: string | null;
  birthDate: string;
  motherBirthDate: string | null;
  /** The mother's nth live birth: as the birth report states it, else counted from her children in the registry. */
  order: number;
}

const CHUNK = 500;

/**
 * Births of the period in the area: persons born in it who live in the area (a child who moved
 * in after its birth was born elsewhere and is not counted).
 */
export async function findBirths(db: Kysely<Database>, period: Period, area: string): Promise<BirthRow[]> {
  const result = await sql<{ id: number; sex: string | null; birth_date: string; arrived: string | null; mother_id: number | null; mother_birth: string | null }>`
    select p.id as id, p.sex as sex, p.birth_date as birth_date,
      (select max(l.event_date) from person_records pr join ledger l on l.seq = pr.seq
        where pr.person_id = p.id and pr.type = 'hukou_move_in' and pr.role = 'subject') as arrived, m.id as mother_id, m.birth_date as mother_birth
    from persons p
    left join person_relations r on r.person_id = p.id and r.kind = 'mother'
    left join persons m on m.id = r.other_id
    where p.status = 'active' and p.merged_into is null and p.birth_date >= ${period.from} and p.birth_date <= ${period.to}
      and ${AREA_OF_PERSON} like ${`${area}%`}
    order by p.id, m.id`.execute(db);
  const children = new Map<number, { sex: string | null; birthDate: string; motherId: number | null; motherBirth: string | null }>();
  for (const row of result.rows) {
    if (row.arrived !== null && row.arrived > row.birth_date) continue;
    const id = Number(row.id);
    const known = children.get(id);
    if (known && known.motherId !== null) continue;
    children.set(id, { sex: row.sex, birthDate: row.birth_date, motherId: row.mother_id === null ? null : Number(row.mother_id), motherBirth: row.mother_birth });
  }
  const stated = await findStatedOrders(db, [...children.keys()]);
  const ranks = await rankAmongSiblings(db, [...new Set([...children.values()].flatMap((c) => (c.motherId === null ? [] : [c.motherId])))]);
  return [...children.entries()].map(([childId, c]) => ({
    childId,
    sex: c.sex,
    birthDate: c.birthDate,
    motherBirthDate: c.motherBirth,
    order: stated.get(childId) ?? (c.motherId !== null ? ranks.get(`${c.motherId}:${childId}`) : undefined) ?? 1,
  }));
}

/** The birth order the hospital's birth report gives for each child (the lowest when reports differ). */
async function findStatedOrders(db: Kysely<Database>, childIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < childIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('person_records as pr')
      .innerJoin('ledger as l', 'l.seq', 'pr.seq')
      .select(['pr.person_id', 'l.payload'])
      .where('pr.person_id', 'in', childIds.slice(i, i + CHUNK))
      .where('pr.role', '=', 'child')
      .where('pr.type', '=', 'birth')
      .execute();
    for (const row of rows) {
      const order = Number((JSON.parse(row.payload) as { birth_order?: unknown }).birth_order);
      if (!Number.isInteger(order) || order < 1) continue;
      const id = Number(row.person_id);
      out.set(id, Math.min(order, out.get(id) ?? order));
    }
  }
  return out;
}

/**
 * Each child's rank among its mother's children known to the registry (by birth date, then id:
 * twins count twice), keyed `mother:child`: a child named with two mothers is ranked among the
 * children of the one its birth is counted with, whatever other births the period holds.
 */
export async function rankAmongSiblings(db: Kysely<Database>, motherIds: readonly number[]): Promise<Map<string, number>> {
  const byMother = new Map<number, Map<number, string>>();
  for (let i = 0; i < motherIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('person_relations as r')
      .innerJoin('persons as c', 'c.id', 'r.person_id')
      .select(['r.other_id', 'c.id', 'c.birth_date'])
      .where('r.kind', '=', 'mother')
      .where('r.other_id', 'in', motherIds.slice(i, i + CHUNK))
      .where('c.status', '=', 'active')
      .where('c.merged_into', 'is', null)
      .execute();
    for (const row of rows) {
      const mother = Number(row.other_id);
      const kids = byMother.get(mother) ?? new Map<number, string>();
      kids.set(Number(row.id), row.birth_date ?? '9999-12-31');
      byMother.set(mother, kids);
    }
  }
  const out = new Map<string, number>();
  for (const [mother, kids] of byMother) {
    const sorted = [...kids.entries()].sort((a, b) => (a[1] === b[1] ? a[0] - b[0] : a[1] < b[1] ? -1 : 1));
    sorted.forEach(([id], index) => out.set(`${mother}:${id}`, index + 1));
  }
  return out;
}
