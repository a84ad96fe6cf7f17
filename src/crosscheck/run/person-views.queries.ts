import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../../platform/db/index.js';
import type { Golden, PersonFlags } from '../../registry/index.js';
import type { ChildView, PersonRecordView, PersonView } from '../rules/crosscheck-rule.js';

/** The next active persons after `afterId`, in id order. */
export async function activePersonsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<PersonTable[]> {
  return db.selectFrom('persons').selectAll().where('status', '=', 'active').where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** The persons with every record linked to them (with its ledger entry and its organisation's type), their mother's population kind and their children in the registry. */
export async function loadPersonViews(db: Kysely<Database>, persons: readonly PersonTable[]): Promise<PersonView[]> {
  if (persons.length === 0) return [];
  const ids = persons.map((p) => Number(p.id));
  const records = await db
    .selectFrom('person_records as pr')
    .innerJoin('ledger as l', 'l.seq', 'pr.seq')
    .leftJoin('orgs as o', 'o.code', 'l.org_code')
    .select(['pr.person_id', 'pr.seq', 'pr.role', 'l.org_code', 'o.type as org_type', 'l.type', 'l.record_id', 'l.event_date', 'l.payload'])
    .where('pr.person_id', 'in', ids)
    .orderBy('pr.seq')
    .execute();
  const mothers = await db
    .selectFrom('person_relations as r')
    .innerJoin('persons as m', 'm.id', 'r.other_id')
    .select(['r.person_id', 'm.population', 'm.managing_division'])
    .where('r.kind', '=', 'mother')
    .where('m.status', '=', 'active')
    .where('r.person_id', 'in', ids)
    .execute();
  const children = await db
    .selectFrom('person_relations as r')
    .innerJoin('persons as c', 'c.id', 'r.person_id')
    .select(['r.other_id', 'c.id', 'c.birth_date', 'c.sex'])
    .where('r.kind', 'in', ['mother', 'father'])
    .where('c.status', '=', 'active')
    .where('r.other_id', 'in', ids)
    .orderBy('c.birth_date')
    .orderBy('c.id')
    .execute();
  const childrenOf = new Map<number, ChildView[]>();
  for (const c of children) {
    const list = childrenOf.get(Number(c.other_id)) ?? [];
    if (!list.some((known) => known.id === Number(c.id))) list.push({ id: Number(c.id), birthDate: c.birth_date, sex: c.sex });
    childrenOf.set(Number(c.other_id), list);
  }
  const byPerson = new Map<number, PersonRecordView[]>();
  for (const r of records) {
    const list = byPerson.get(Number(r.person_id)) ?? [];
    list.push({ seq: Number(r.seq), role: r.role, orgCode: r.org_code, orgType: r.org_type ?? '', type: r.type, recordId: r.record_id, eventDate: r.event_date, payload: JSON.parse(r.payload) as Record<string, unknown> });
    byPerson.set(Number(r.person_id), list);
  }
  const motherOf = new Map(mothers.map((m) => [Number(m.person_id), m]));
  return persons.map((p) => ({
    id: Number(p.id),
    population: p.population,
    managingDivision: p.managing_division,
    diedOn: p.died_on,
    expectedDeliveryOn: p.expected_delivery_on,
    golden: JSON.parse(p.golden) as Golden,
    flags: JSON.parse(p.flags) as PersonFlags,
    motherPopulation: motherOf.get(Number(p.id))?.population ?? null,
    motherManagingDivision: motherOf.get(Number(p.id))?.managing_division ?? null,
    records: byPerson.get(Number(p.id)) ?? [],
    children: childrenOf.get(Number(p.id)) ?? [],
  }));
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
