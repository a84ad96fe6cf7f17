import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../platform/db/index.js';
import type { Golden, PersonFlags } from '../../registry/index.js';
import type { ChildView, PersonRecordView, PersonView } from '../rules/crosscheck-rule.js';
import { scanField, UNSCANNED } from '../rules/record-claims.js';

/** The columns of a person the rules read. */
export const PERSON_VIEW_COLUMNS = ['id', 'population', 'managing_division', 'died_on', 'expected_delivery_on', 'sex', 'birth_date', 'marital_status', 'flags', 'golden'] as const;
export type PersonRow = Pick<PersonTable, (typeof PERSON_VIEW_COLUMNS)[number]>;

/** The next active persons after `afterId`, in id order. */
export async function activePersonsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<PersonRow[]> {
  return db.selectFrom('persons').select(PERSON_VIEW_COLUMNS).where('status', '=', 'active').where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/**
 * The persons with every record linked to them (with its ledger entry and its organisation's
 * type), their mother's population kind and their children in the registry. A batch of persons
 * with dense ids (a full run's key-ordered batch) is read by an id range, filtered here to the
 * batch; scattered ids (incremental evaluation) by an `IN` list. A record's payload is parsed
 * when a rule first reads it.
 */
export async function loadPersonViews(db: Kysely<Database>, persons: readonly PersonRow[]): Promise<PersonView[]> {
  if (persons.length === 0) return [];
  const ids = persons.map((p) => Number(p.id));
  const wanted = new Set(ids);
  const range = idRange(ids);
  let recordsQuery = db
    .selectFrom('person_records as pr')
    .innerJoin('ledger as l', 'l.seq', 'pr.seq')
    .leftJoin('orgs as o', 'o.code', 'l.org_code')
    .select(['pr.person_id', 'pr.seq', 'pr.role', 'l.org_code', 'o.type as org_type', 'l.type', 'l.record_id', 'l.event_date', 'l.payload']);
  recordsQuery = range ? recordsQuery.where('pr.person_id', '>=', range.from).where('pr.person_id', '<=', range.to) : recordsQuery.where('pr.person_id', 'in', ids);
  // In ledger order per person, sorted here: an ORDER BY would have SQLite copy every payload into a sorter.
  const records = await recordsQuery.execute();
  let mothersQuery = db
    .selectFrom('person_relations as r')
    .innerJoin('persons as m', 'm.id', 'r.other_id')
    .select(['r.person_id', 'm.population', 'm.managing_division'])
    .where('r.kind', '=', 'mother')
    .where('m.status', '=', 'active');
  mothersQuery = range ? mothersQuery.where('r.person_id', '>=', range.from).where('r.person_id', '<=', range.to) : mothersQuery.where('r.person_id', 'in', ids);
  const mothers = (await mothersQuery.execute()).filter((m) => wanted.has(Number(m.person_id)));
  let childrenQuery = db
    .selectFrom('person_relations as r')
    .innerJoin('persons as c', 'c.id', 'r.person_id')
    .select(['r.other_id', 'c.id', 'c.birth_date', 'c.sex'])
    .where('r.kind', 'in', ['mother', 'father'])
    .where('c.status', '=', 'active');
  childrenQuery = range ? childrenQuery.where('r.other_id', '>=', range.from).where('r.other_id', '<=', range.to) : childrenQuery.where('r.other_id', 'in', ids);
  const children = await childrenQuery.orderBy('c.birth_date').orderBy('c.id').execute();
  const childrenOf = new Map<number, ChildView[]>();
  for (const c of children) {
    const parent = Number(c.other_id);
    if (!wanted.has(parent)) continue;
    const list = childrenOf.get(parent) ?? [];
    if (!list.some((known) => known.id === Number(c.id))) list.push({ id: Number(c.id), birthDate: c.birth_date, sex: c.sex });
    childrenOf.set(parent, list);
  }
  const byPerson = new Map<number, PersonRecordView[]>();
  for (const r of records) {
    const personId = Number(r.person_id);
    if (!wanted.has(personId)) continue;
    const list = byPerson.get(personId) ?? [];
    list.push(new LedgerRecordView(Number(r.seq), r.role, r.org_code, r.org_type ?? '', r.type, r.record_id, r.event_date, r.payload));
    byPerson.set(personId, list);
  }
  for (const list of byPerson.values()) list.sort((a, b) => a.seq - b.seq || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  const motherOf = new Map(mothers.map((m) => [Number(m.person_id), m]));
  return persons.map((p) => {
    const mother = motherOf.get(Number(p.id));
    return new RegistryPersonView(p, p.golden, mother?.population ?? null, mother?.managing_division ?? null, byPerson.get(Number(p.id)) ?? [], childrenOf.get(Number(p.id)) ?? []);
  });
}

/**
 * A person as the rules read them; the golden record and the flags are parsed when a rule first
 * reads them (most persons pass every rule on their columns and records), the golden record
 * read then too when given as a function.
 */
export class RegistryPersonView implements PersonView {
  readonly id: number;
  readonly population: string;
  readonly managingDivision: string | null;
  readonly diedOn: string | null;
  readonly expectedDeliveryOn: string | null;
  readonly sex: string | null;
  readonly birthDate: string | null;
  readonly maritalStatus: string | null;
  #rawGolden: string | (() => string);
  #rawFlags: string;
  #golden: Golden | undefined;
  #flags: PersonFlags | undefined;

  constructor(
    row: Omit<PersonRow, 'golden'>,
    golden: string | (() => string),
    readonly motherPopulation: string | null,
    readonly motherManagingDivision: string | null,
    readonly records: PersonRecordView[],
    readonly children: ChildView[],
  ) {
    this.id = Number(row.id);
    this.population = row.population;
    this.managingDivision = row.managing_division;
    this.diedOn = row.died_on;
    this.expectedDeliveryOn = row.expected_delivery_on;
    this.sex = row.sex;
    this.birthDate = row.birth_date;
    this.maritalStatus = row.marital_status;
    this.#rawGolden = golden;
    this.#rawFlags = row.flags;
  }

  get golden(): Golden {
    this.#golden ??= JSON.parse(typeof this.#rawGolden === 'string' ? this.#rawGolden : this.#rawGolden()) as Golden;
    return this.#golden;
  }

  get flags(): PersonFlags {
    this.#flags ??= JSON.parse(this.#rawFlags) as PersonFlags;
    return this.#flags;
  }
}

/** The id range to read a batch by, when its ids are dense enough that the range holds few other persons; null for scattered ids. */
export function idRange(ids: readonly number[]): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const id of ids) {
    if (id < from) from = id;
    if (id > to) to = id;
  }
  return to - from + 1 <= ids.length * RANGE_SPREAD ? { from, to } : null;
}

/** A range may span this many ids per person of the batch (merged and retracted persons leave gaps). */
const RANGE_SPREAD = 2;

/** A ledger record as the rules read it; its payload JSON is parsed on first read of the whole (most records are read a field or two: their claims, scanned from the text). */
export class LedgerRecordView implements PersonRecordView {
  #raw: string;
  #payload: Record<string, unknown> | undefined;

  constructor(
    readonly seq: number,
    readonly role: string,
    readonly orgCode: string,
    readonly orgType: string,
    readonly type: string,
    readonly recordId: string,
    readonly eventDate: string | null,
    raw: string,
  ) {
    this.#raw = raw;
  }

  get payload(): Record<string, unknown> {
    this.#payload ??= JSON.parse(this.#raw) as Record<string, unknown>;
    return this.#payload;
  }

  field(name: string): unknown {
    if (this.#payload === undefined) {
      const value = scanField(this.#raw, name);
      if (value !== UNSCANNED) return value;
    }
    return this.payload[name];
  }
}

/** Town organisations by the town division they serve (a case's responsible town). */
export async function townOrgsByDivision(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('orgs as o')
    .innerJoin('org_divisions as d', 'd.org_id', 'o.id')
    .select(['o.code', 'd.division_code'])
    .where('o.type', '=', 'town')
    .where('o.active', '=', 1)
    .orderBy('o.code')
    .execute();
  const out = new Map<string, string>();
  for (const row of rows) if (!out.has(row.division_code)) out.set(row.division_code, row.code);
  return out;
}
