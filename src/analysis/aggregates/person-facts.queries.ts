import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import { rankAmongSiblings } from '../indicators/births.queries.js';

/**
 * What one person contributes to the indicators, in the terms of the reference scan
 * (residents.queries.ts, births.queries.ts, civil-events.queries.ts): stored per person so that a
 * change subtracts exactly what was added.
 */
export interface PersonFacts {
  /** Area of residence for statistics (residence, else registration), hukou and managing division. */
  r: string | null;
  h: string | null;
  g: string | null;
  /** Counts in person-time and head counts: active, not merged, birth date known. */
  e: boolean;
  /** 1 male, 2 female, 0 unknown. */
  s: number;
  b: string | null;
  /** The window in the area: from x (birth or arrival) to y (death or departure; null when open), y exclusive. */
  x: string | null;
  y: string | null;
  d: string | null;
  /** 0 for a floating resident (registration outside the district), else 1. */
  l: number;
  /** 1 married now, 2 married and using contraception, else 0. */
  m: number;
  /** As a birth of the period: sex code, order, mother's birth date. */
  bo: { s: number; o: number; mb: string | null } | null;
  /** Civil events [type, event date, 1 when a remarriage], one per type and day. */
  ev: Array<[string, string, number]>;
  /** The mother whose child this person counts as (for re-ranking siblings). */
  mo: number | null;
}

const CHUNK = 500;
const PREVIOUSLY_MARRIED = new Set(['30', '40']);
const MOVES = new Set(['hukou_move_in|subject', 'residence_permit|subject', 'hukou_move_out|subject']);
const EVENTS = new Set(['marriage|wife', 'divorce|wife', 'hukou_move_in|subject', 'hukou_move_out|subject', 'pregnancy_termination|subject']);

interface PersonRow {
  id: number | string;
  status: string;
  merged_into: number | string | null;
  sex: string | null;
  birth_date: string | null;
  died_on: string | null;
  population: string;
  hukou_division: string | null;
  residence_division: string | null;
  managing_division: string | null;
  marital_status: string | null;
  contraception_method: string | null;
}

/** The facts of the given persons (those that exist), read in the caller's transaction. */
export async function loadPersonFacts(db: Kysely<Database>, ids: readonly number[], district: string): Promise<Map<number, PersonFacts>> {
  const out = new Map<number, PersonFacts>();
  const unranked: Array<[child: number, mother: number]> = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const persons = (await sql<PersonRow>`
      select id, status, merged_into, sex, birth_date, died_on, population, hukou_division, residence_division, managing_division, marital_status, contraception_method
      from persons where id in (${sql.join(chunk)})`.execute(db)).rows;
    if (persons.length === 0) continue;
    const present = persons.map((p) => Number(p.id));
    const records = await recordsOf(db, present);
    const mothers = await mothersOf(db, present);
    persons.forEach((p, k) => {
      const f = factsOf(p, records.get(Number(p.id)) ?? [], mothers.get(Number(p.id)) ?? null, district);
      if (f.bo && f.bo.o === 0 && f.mo !== null) unranked.push([present[k]!, f.mo]);
      out.set(present[k]!, f);
    });
  }
  // Each mother's children are read once for the whole call (not once per chunk: a mother named on many births would be read again and again).
  const ranks = await rankAmongSiblings(db, [...new Set(unranked.map(([, mother]) => mother))]);
  for (const f of out.values()) if (f.bo && f.bo.o === 0) f.bo.o = 1;
  for (const [child, mother] of unranked) out.get(child)!.bo!.o = ranks.get(`${mother}:${child}`) ?? 1;
  return out;
}

/**
 * The persons whose contribution may change with the given ones: themselves, their children
 * (a mother's birth date places her births by age), and their mothers' other children (a new
 * or removed sibling changes the birth order of the others).
 */
export async function widenToRelatives(db: Kysely<Database>, ids: readonly number[], formerMothers: readonly number[]): Promise<number[]> {
  const out = new Set(ids);
  const mothers = new Set(formerMothers);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await sql<{ other_id: number | string }>`select other_id from person_relations where kind = 'mother' and person_id in (${sql.join(ids.slice(i, i + CHUNK))})`.execute(db)).rows;
    for (const row of rows) mothers.add(Number(row.other_id));
  }
  const parents = [...new Set([...ids, ...mothers])];
  for (let i = 0; i < parents.length; i += CHUNK) {
    const rows = (await sql<{ person_id: number | string }>`select person_id from person_relations where kind = 'mother' and other_id in (${sql.join(parents.slice(i, i + CHUNK))})`.execute(db)).rows;
    for (const row of rows) out.add(Number(row.person_id));
  }
  return [...out].sort((a, b) => a - b);
}

interface RecordRow {
  person_id: number | string;
  type: string;
  role: string;
  event_date: string;
  payload: string | null;
}

async function recordsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, RecordRow[]>> {
  const rows = (await sql<RecordRow>`
    select pr.person_id as person_id, pr.type as type, pr.role as role, l.event_date as event_date,
      case when pr.type in ('marriage', 'birth') then l.payload end as payload
    from person_records pr join ledger l on l.seq = pr.seq
    where pr.person_id in (${sql.join(ids)})
      and pr.type in ('hukou_move_in', 'residence_permit', 'hukou_move_out', 'marriage', 'divorce', 'pregnancy_termination', 'birth')`.execute(db)).rows;
  const out = new Map<number, RecordRow[]>();
  for (const row of rows) {
    const id = Number(row.person_id);
    const list = out.get(id) ?? [];
    list.push(row);
    out.set(id, list);
  }
  return out;
}

/** The mother a birth is counted with: the lowest-numbered existing person named as mother (as the scan's ordering picks). */
async function mothersOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, { id: number; birth: string | null }>> {
  const rows = (await sql<{ child: number | string; id: number | string; birth_date: string | null }>`
    select r.person_id as child, m.id as id, m.birth_date as birth_date
    from person_relations r join persons m on m.id = r.other_id
    where r.kind = 'mother' and r.person_id in (${sql.join(ids)})`.execute(db)).rows;
  const out = new Map<number, { id: number; birth: string | null }>();
  for (const row of rows) {
    const child = Number(row.child);
    const known = out.get(child);
    if (!known || Number(row.id) < known.id) out.set(child, { id: Number(row.id), birth: row.birth_date });
  }
  return out;
}

const maxText = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const minText = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

function factsOf(p: PersonRow, records: readonly RecordRow[], mother: { id: number; birth: string | null } | null, district: string): PersonFacts {
  let movedIn: string | null = null;
  let permitFrom: string | null = null;
  let movedOut: string | null = null;
  let statedOrder: number | null = null;
  const events = new Map<string, [string, string, number]>();
  for (const rec of records) {
    const key = `${rec.type}|${rec.role}`;
    if (MOVES.has(key)) {
      if (rec.type === 'hukou_move_in') movedIn = maxText(movedIn, rec.event_date);
      else if (rec.type === 'residence_permit') permitFrom = minText(permitFrom, rec.event_date);
      else movedOut = maxText(movedOut, rec.event_date);
    }
    if (EVENTS.has(key) && !events.has(`${rec.type}|${rec.event_date}`)) {
      const payload = rec.type === 'marriage' ? (JSON.parse(rec.payload ?? '{}') as Record<string, unknown>) : {};
      const again = PREVIOUSLY_MARRIED.has(String(payload.husband_prior_marital_status)) || PREVIOUSLY_MARRIED.has(String(payload.wife_prior_marital_status));
      events.set(`${rec.type}|${rec.event_date}`, [rec.type, rec.event_date, again ? 1 : 0]);
    }
    if (rec.type === 'birth' && rec.role === 'child') {
      const order = Number((JSON.parse(rec.payload ?? '{}') as { birth_order?: unknown }).birth_order);
      if (Number.isInteger(order) && order >= 1) statedOrder = Math.min(order, statedOrder ?? order);
    }
  }
  const active = p.status === 'active' && p.merged_into === null;
  const birth = p.birth_date;
  const arrival = p.population === 'floating' ? permitFrom : movedIn;
  const departure = p.population === 'moved_out' ? movedOut : null;
  const sex = p.sex === '1' ? 1 : p.sex === '2' ? 2 : 0;
  const bornHere = active && birth !== null && !(movedIn !== null && movedIn > birth);
  return {
    r: p.residence_division ?? p.hukou_division,
    h: p.hukou_division,
    g: p.managing_division,
    e: active && birth !== null,
    s: sex,
    b: birth,
    x: birth === null ? null : maxText(birth, arrival),
    y: minText(p.died_on, departure),
    d: p.died_on,
    l: p.hukou_division !== null && !p.hukou_division.startsWith(district) ? 0 : 1,
    m: ['20', '21', '22', '23'].includes(p.marital_status ?? '') ? (p.contraception_method !== null ? 2 : 1) : 0,
    bo: bornHere ? { s: sex, o: statedOrder ?? 0, mb: mother?.birth ?? null } : null,
    ev: [...events.values()],
    mo: bornHere && mother ? mother.id : null,
  };
}
