/**
 * A synthetic registry of N persons written straight into the registry tables (persons,
 * person_relations, person_records and the ledger rows of the events the indicators read), for
 * the analysis benchmark: building one through `popx import` and projection takes far longer
 * than the queries it serves. Shapes follow the projection's: golden records as JSON with the
 * facts the queries read (arrival, departure, permits), one registration record per person,
 * and the year's births, deaths, marriages, divorces, moves and terminations at rates near the
 * district's (per year: births 9‰, deaths 6‰, marriages 7‰, moves in 9‰ and out 8‰).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/index.js';

const BATCH = 1_000;
const YEAR = 2025;

/** Deterministic pseudo-random numbers (mulberry32). */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayIn = (year: number, random: () => number) => `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;

export interface SyntheticRegistry {
  persons: number;
  births: number;
  events: number;
}

/** Writes the registry of `persons` persons living in `villages` (division codes) into an empty database. */
export async function buildSyntheticRegistry(db: Kysely<Database>, persons: number, villages: readonly string[], seed = 1): Promise<SyntheticRegistry> {
  const random = randomFrom(seed);
  let seq = 0;
  let births = 0;
  let events = 0;
  type PersonRow = Database['persons'] extends infer T ? { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] } : never;
  let people: PersonRow[] = [];
  let records: Array<Database['person_records']> = [];
  let relations: Array<Database['person_relations']> = [];
  let ledger: Array<Database['ledger']> = [];
  const flush = async (force: boolean) => {
    if (people.length >= BATCH || (force && people.length > 0)) {
      await db.insertInto('persons').values(people as never).execute();
      people = [];
    }
    for (const [table, rows, set] of [
      ['person_records', records, (v: typeof records) => (records = v)],
      ['person_relations', relations, (v: typeof relations) => (relations = v)],
      ['ledger', ledger, (v: typeof ledger) => (ledger = v)],
    ] as const) {
      if (rows.length >= BATCH || (force && rows.length > 0)) {
        for (let i = 0; i < rows.length; i += BATCH) await db.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
        (set as (v: unknown[]) => void)([]);
      }
    }
  };
  const event = (type: string, role: string, personId: number, on: string, payload: Record<string, unknown>) => {
    seq += 1;
    events += 1;
    ledger.push({
      seq, submission_id: 'bench', org_code: 'BENCH', type, record_id: `${type}-${seq}`, action: 'create', refs_seq: null, subject: null,
      event_date: on, payload: JSON.stringify(payload), payload_hash: 'x', committed_at: `${on}T08:00:00.000Z`, prev_hash: 'x', hash: 'x',
    });
    records.push({ seq, role, person_id: personId, org_code: 'BENCH', type, record_id: `${type}-${seq}`, method: 'id_number', score: null });
    return seq;
  };
  let id = 0;
  const add = (sex: '1' | '2', birth: string, village: string, extra: Partial<PersonRow> & { goldenExtra?: Record<string, unknown> }) => {
    id += 1;
    seq += 1;
    const { goldenExtra, ...columns } = extra;
    const floating = columns.population === 'floating';
    const hukou = floating ? `430102${village.slice(6)}` : village;
    const golden = {
      id_number: { v: `B${pad(id, 17)}`, seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      name: { v: '张三', seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      sex: { v: sex, seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      birth_date: { v: birth, seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      hukou_division: { v: hukou, seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      address: { v: '某街道某社区某号', seq, org: 'PS', type: 'hukou_register', on: '2000-01-01' },
      ...goldenExtra,
    };
    people.push({
      id, status: 'active', merged_into: null, id_number: `B${pad(id, 17)}`, name: '张三', name_key: 'zhang san', sex, birth_date: birth, died_on: null,
      hukou_division: hukou, residence_division: village, managing_division: village, population: 'registered', marital_status: null,
      expected_delivery_on: null, contraception_method: null, household_number: null, flags: '{}', golden: JSON.stringify(golden), created_seq: seq, updated_seq: seq,
      ...columns,
    } as PersonRow);
    if (!floating) records.push({ seq, role: 'subject', person_id: id, org_code: 'BENCH', type: 'hukou_register', record_id: `r-${seq}`, method: 'id_number', score: null });
    return id;
  };
  const base = Math.round(persons * 0.99);
  for (let i = 0; i < base; i += 1) {
    const sex = random() < 0.51 ? '1' : '2';
    const age = Math.floor(random() * random() * 150) % 90;
    const birth = dayIn(YEAR - 1 - age, random);
    const village = villages[Math.floor(random() * villages.length)]!;
    const floating = random() < 0.12;
    const adult = age >= 20;
    const married = adult && random() < 0.7;
    const extra: Partial<PersonRow> & { goldenExtra?: Record<string, unknown> } = {
      population: floating ? 'floating' : 'registered',
      marital_status: married ? '20' : '10',
      contraception_method: married && sex === '2' && age < 50 && random() < 0.8 ? '1' : null,
    };
    if (floating) extra.goldenExtra = { residence_permit_from: { v: dayIn(YEAR - 1 - Math.floor(random() * 3), random), seq: 0, org: 'PS', type: 'residence_permit', on: '2024-01-01' } };
    const r = random();
    if (r < 0.006) {
      extra.died_on = dayIn(YEAR, random);
      extra.population = 'dead';
    } else if (r < 0.014 && !floating) {
      const on = dayIn(YEAR, random);
      extra.population = 'moved_out';
      extra.residence_division = null;
      extra.goldenExtra = { hukou_out_on: { v: on, seq: 0, org: 'PS', type: 'hukou_move_out', on } };
    } else if (r < 0.023 && !floating) {
      const on = dayIn(YEAR, random);
      extra.goldenExtra = { hukou_division: { v: village, seq: 0, org: 'PS', type: 'hukou_move_in', on } };
    }
    const person = add(sex, birth, village, extra);
    if (floating) {
      const from = (extra.goldenExtra!.residence_permit_from as { v: string }).v;
      event('residence_permit', 'subject', person, from, { valid_from: from, division: village });
    }
    const moveOut = extra.population === 'moved_out' ? (extra.goldenExtra!.hukou_out_on as { on: string }).on : null;
    const moveIn = (extra.goldenExtra?.hukou_division as { type: string; on: string } | undefined)?.type === 'hukou_move_in' ? (extra.goldenExtra!.hukou_division as { on: string }).on : null;
    if (moveOut) event('hukou_move_out', 'subject', person, moveOut, { moved_on: moveOut });
    if (moveIn) event('hukou_move_in', 'subject', person, moveIn, { moved_on: moveIn, division: village });
    if (sex === '2' && married && age < 50) {
      if (random() < 0.01) {
        const on = dayIn(YEAR, random);
        event('marriage', 'wife', person, on, { registered_on: on, husband_prior_marital_status: random() < 0.1 ? '40' : '10', wife_prior_marital_status: '10' });
      }
      if (random() < 0.003) event('divorce', 'wife', person, dayIn(YEAR, random), {});
      if (random() < 0.006) event('pregnancy_termination', 'subject', person, dayIn(YEAR, random), {});
      if (age >= 20 && age < 42 && random() < 0.1) {
        const on = dayIn(YEAR, random);
        const child = add(random() < 0.52 ? '1' : '2', on, village, { population: floating ? 'floating' : 'registered' });
        births += 1;
        const birthSeq = event('birth', 'child', child, on, { birth_date: on, birth_order: 1 + Math.floor(random() * random() * 3), division: village });
        relations.push({ seq: birthSeq, person_id: child, kind: 'mother', other_id: person, since: null, until: null });
      }
    }
    await flush(false);
  }
  await flush(true);
  return { persons: id, births, events };
}
