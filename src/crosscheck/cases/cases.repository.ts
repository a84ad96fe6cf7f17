import type { Kysely } from 'kysely';
import type { CaseStatus, CaseTable, Database } from '../../platform/db/index.js';

export const OPEN_STATUSES: readonly CaseStatus[] = ['open', 'in_progress'];

/** Which cases a caller sees: all, or those owned by an organisation and/or in a set of divisions. */
export type CaseVisibility = { all: true } | { all: false; ownerOrgCode: string; divisions: readonly string[] };

export interface CaseFilter {
  ruleId?: string;
  status?: CaseStatus;
  /** Cases whose division is one of these (an area and everything under it). */
  divisions?: readonly string[];
  ownerOrgCode?: string;
  /** Open cases due before this day (YYYY-MM-DD): the overdue ones. */
  dueBefore?: string;
  offset: number;
  limit: number;
}

/** Every case of the given persons, oldest first (a run reconciles them with its findings). */
export async function casesOfPersons(db: Kysely<Database>, personIds: readonly number[]): Promise<CaseTable[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('cases').selectAll().where('person_id', 'in', personIds).orderBy('opened_at').orderBy('id').execute();
}

/** Open cases of persons no longer active in the registry (merged away or retracted). */
export async function openCasesOfInactivePersons(db: Kysely<Database>): Promise<CaseTable[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', OPEN_STATUSES)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('persons as p').select('p.id').whereRef('p.id', '=', 'cases.person_id').where('p.status', '=', 'active'))))
    .execute();
}

/** Open cases due before `asOf` not yet escalated, oldest due first. */
export async function overdueUnescalatedCases(db: Kysely<Database>, asOf: string, limit: number): Promise<CaseTable[]> {
  return db.selectFrom('cases').selectAll().where('status', 'in', OPEN_STATUSES).where('due_on', '<', asOf).where('escalated_at', 'is', null).orderBy('due_on').orderBy('id').limit(limit).execute();
}

export async function insertCase(trx: Kysely<Database>, row: CaseTable): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
}

/** Writes a case's new state if nobody changed it since `expectedVersion`; false when somebody did. */
export async function updateCase(trx: Kysely<Database>, row: CaseTable, expectedVersion: number): Promise<boolean> {
  const { id, ...rest } = row;
  const result = await trx.updateTable('cases').set(rest).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertCaseEvent(trx: Kysely<Database>, event: Database['case_events']): Promise<void> {
  await trx.insertInto('case_events').values(event).execute();
}

/** The name and ID number of each case's person, by person id. */
export async function casePersons(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, { name: string | null; idNumber: string | null }>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'name', 'id_number']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), { name: r.name, idNumber: r.id_number }]));
}

export async function findCase(db: Kysely<Database>, id: string): Promise<CaseTable | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function caseHistory(db: Kysely<Database>, id: string) {
  return db.selectFrom('case_events').select(['version', 'action', 'actor', 'at', 'note']).where('case_id', '=', id).orderBy('version').execute();
}

/** Cases the caller sees, newest first. */
export async function findCases(db: Kysely<Database>, visibility: CaseVisibility, filter: CaseFilter): Promise<{ items: CaseTable[]; total: number }> {
  let query = visibleCases(db, visibility);
  if (filter.ruleId) query = query.where('rule_id', '=', filter.ruleId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.divisions) query = filter.divisions.length > 0 ? query.where('division_code', 'in', filter.divisions) : query.where((eb) => eb(eb.val(1), '=', 0));
  if (filter.ownerOrgCode) query = query.where('owner_org_code', '=', filter.ownerOrgCode);
  if (filter.dueBefore) query = query.where('status', 'in', OPEN_STATUSES).where('due_on', '<', filter.dueBefore);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('opened_at', 'desc').orderBy('id').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Open (open or in progress) case counts per rule among the cases the caller sees. */
export async function openCaseCounts(db: Kysely<Database>, visibility: CaseVisibility): Promise<Map<string, number>> {
  const rows = await visibleCases(db, visibility)
    .select(['rule_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('rule_id')
    .execute();
  return new Map(rows.map((r) => [r.rule_id, Number(r.n)]));
}

function visibleCases(db: Kysely<Database>, visibility: CaseVisibility) {
  const query = db.selectFrom('cases');
  if (visibility.all) return query;
  const { ownerOrgCode, divisions } = visibility;
  return query.where((eb) => (divisions.length > 0 ? eb.or([eb('owner_org_code', '=', ownerOrgCode), eb('division_code', 'in', divisions)]) : eb('owner_org_code', '=', ownerOrgCode)));
}
