import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, PersonRecordTable, PersonRelationTable, PersonTable } from '../../platform/db/index.js';
import type { Golden } from '../persons/survivorship.js';

const IN_LIST = 500;
const INSERT_ROWS = 500;

export const REGISTRY_CURSOR = 'registry';

function isPostgres(trx: Kysely<Database>): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}

/** Locks the projection cursor for this transaction (creating it on first use) and returns it. */
export async function lockRegistryCursor(trx: Kysely<Database>): Promise<number> {
  const now = new Date().toISOString();
  // The update comes first so SQLite takes its write lock before reading, as the chain heads do.
  const lock = () => trx.updateTable('registry_cursor').set({ updated_at: now }).where('name', '=', REGISTRY_CURSOR).executeTakeFirst();
  if (Number((await lock()).numUpdatedRows) === 0) {
    await trx
      .insertInto('registry_cursor')
      .values({ name: REGISTRY_CURSOR, seq: 0, updated_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await lock();
  }
  const row = await trx.selectFrom('registry_cursor').select('seq').where('name', '=', REGISTRY_CURSOR).executeTakeFirstOrThrow();
  return Number(row.seq);
}

/**
 * Takes the cursor lock if the cursor still carries `stamp`, the value this run saved with its
 * last chunk: true when nobody else (another process's projection, a reviewer's re-projection)
 * took the lock in between; false, and no lock taken, otherwise.
 */
export async function relockRegistryCursor(trx: Kysely<Database>, stamp: string): Promise<boolean> {
  const result = await trx.updateTable('registry_cursor').set({ updated_at: stamp }).where('name', '=', REGISTRY_CURSOR).where('updated_at', '=', stamp).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The time for updated_at, with six random digits below the millisecond so that no other lock writes the same value. */
export function cursorStamp(): string {
  const random = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return `${new Date().toISOString().slice(0, 23)}${random}Z`;
}

export async function saveRegistryCursor(trx: Kysely<Database>, seq: number, stamp = new Date().toISOString()): Promise<void> {
  await trx.updateTable('registry_cursor').set({ seq, updated_at: stamp }).where('name', '=', REGISTRY_CURSOR).execute();
}

/** Active persons by ID number (the lowest id when, exceptionally, two share one). */
export async function personsByIdNumber(trx: Kysely<Database>, idNumbers: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < idNumbers.length; i += IN_LIST) {
    // No ORDER BY: with one, PostgreSQL walked the primary key and filtered, a scan per query.
    const chunk = idNumbers.slice(i, i + IN_LIST);
    // PostgreSQL plans `= any(array)` once; an IN list of 500 parameters costs a plan per query.
    const query = trx.selectFrom('persons').select(['id', 'id_number']).where('status', '=', 'active');
    const rows = await (isPostgres(trx) ? query.where(sql<boolean>`id_number = any(${chunk}::text[])`) : query.where('id_number', 'in', chunk)).execute();
    for (const row of rows) {
      const id = Number(row.id);
      const seen = row.id_number ? found.get(row.id_number) : undefined;
      if (row.id_number && (seen === undefined || id < seen)) found.set(row.id_number, id);
    }
  }
  return found;
}

/** A person as the child matcher compares it. */
export interface ChildCandidate {
  personId: number;
  idNumber: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  /** `org_code type` of every record linked to the person (two records of one source are two children). */
  sources: Set<string>;
}

/** The active children of a parent (by any mother/father relation), with what identifies them. */
export async function childrenOf(trx: Kysely<Database>, parentId: number): Promise<ChildCandidate[]> {
  const rows = await trx
    .selectFrom('person_relations as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('person_records as pr', 'pr.person_id', 'p.id')
    .select(['p.id', 'p.id_number', 'p.name', 'p.sex', 'p.birth_date', 'pr.org_code', 'pr.type'])
    .where('r.other_id', '=', parentId)
    .where('r.kind', 'in', ['mother', 'father'])
    .where('p.status', '=', 'active')
    .execute();
  const byPerson = new Map<number, ChildCandidate>();
  for (const row of rows) {
    const id = Number(row.id);
    const candidate = byPerson.get(id) ?? { personId: id, idNumber: row.id_number, name: row.name, sex: row.sex, birthDate: row.birth_date, sources: new Set<string>() };
    candidate.sources.add(`${row.org_code} ${row.type}`);
    byPerson.set(id, candidate);
  }
  return [...byPerson.values()];
}

/** The links of earlier versions of a record (before a correction or cancellation replaces them). */
export async function linksOfRecord(trx: Kysely<Database>, orgCode: string, type: string, recordId: string): Promise<PersonRecordTable[]> {
  return trx.selectFrom('person_records').selectAll().where('org_code', '=', orgCode).where('type', '=', type).where('record_id', '=', recordId).execute();
}

export async function deleteRecordLinks(trx: Kysely<Database>, seqs: readonly number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += IN_LIST) {
    const chunk = seqs.slice(i, i + IN_LIST);
    await trx.deleteFrom('person_records').where('seq', 'in', chunk).execute();
    await trx.deleteFrom('person_relations').where('seq', 'in', chunk).execute();
  }
}

/** Persons linked to a record (seq, role), for link decisions. */
export async function personOfRecord(trx: Kysely<Database>, seq: number, role: string): Promise<number | null> {
  const row = await trx.selectFrom('person_records').select('person_id').where('seq', '=', seq).where('role', '=', role).executeTakeFirst();
  return row ? Number(row.person_id) : null;
}

/** Every record linked to the persons, with the ledger entry it came from. */
export async function recordsOfPersons(trx: Kysely<Database>, personIds: readonly number[]) {
  const out = [];
  for (let i = 0; i < personIds.length; i += IN_LIST) {
    out.push(
      ...(await trx
        .selectFrom('person_records as pr')
        .innerJoin('ledger as l', 'l.seq', 'pr.seq')
        .select(['pr.person_id', 'pr.seq', 'pr.role', 'l.org_code', 'l.type', 'l.event_date', 'l.payload'])
        .where('pr.person_id', 'in', personIds.slice(i, i + IN_LIST))
        .execute()),
    );
  }
  return out;
}

export async function insertRows<T extends 'person_records' | 'person_relations' | 'persons'>(
  trx: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<T extends 'persons' ? PersonTable : T extends 'person_records' ? PersonRecordTable : PersonRelationTable>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await trx.insertInto(table).values(rows.slice(i, i + INSERT_ROWS) as never).execute();
  }
}

export async function updatePerson(trx: Kysely<Database>, row: PersonTable): Promise<void> {
  // created_seq never changes after the person is created.
  const { id, ...rest } = row;
  await trx.updateTable('persons').set({ ...rest, created_seq: undefined }).where('id', '=', id).execute();
}

/** Existing persons' rows (creation, last entry, golden record). */
export async function existingPersons(trx: Kysely<Database>, ids: readonly number[]): Promise<Map<number, { createdSeq: number; updatedSeq: number; golden: Golden }>> {
  const found = new Map<number, { createdSeq: number; updatedSeq: number; golden: Golden }>();
  for (let i = 0; i < ids.length; i += IN_LIST) {
    const rows = await trx.selectFrom('persons').select(['id', 'created_seq', 'updated_seq', 'golden']).where('id', 'in', ids.slice(i, i + IN_LIST)).execute();
    for (const r of rows) found.set(Number(r.id), { createdSeq: Number(r.created_seq), updatedSeq: Number(r.updated_seq), golden: JSON.parse(r.golden) as Golden });
  }
  return found;
}
