import type { Kysely } from 'kysely';
import type { Database, PersonRelationTable } from '../../platform/db/index.js';
import { deleteBlockingKeys } from './blocking-keys.repository.js';
import { storedBlockingKeys } from './stored-blocking-keys.js';

/** A stored link of a record to a person, with the ledger entry it came from. */
export interface TakenRecord {
  seq: number;
  role: string;
  org_code: string;
  type: string;
  record_id: string;
  method: string;
  score: number | null;
  action: string;
  event_date: string | null;
  payload: string;
}

/**
 * Removes a stored person merged into another within a projection chunk: returns the links of
 * their records (deleted here; the chunk writes them again under the person they join), moves
 * their relations to `into` (dropping any between the two), and deletes their blocking keys and
 * row. Returns the persons on the other side of the moved relations.
 */
export async function takeMergedPerson(trx: Kysely<Database>, personId: number, into: number): Promise<{ records: TakenRecord[]; related: number[] }> {
  const rows = await trx
    .selectFrom('person_records as pr')
    .innerJoin('ledger as l', 'l.seq', 'pr.seq')
    .select(['pr.seq', 'pr.role', 'pr.org_code', 'pr.type', 'pr.record_id', 'pr.method', 'pr.score', 'l.action', 'l.event_date', 'l.payload'])
    .where('pr.person_id', '=', personId)
    .orderBy('pr.seq')
    .orderBy('pr.role')
    .execute();
  await trx.deleteFrom('person_records').where('person_id', '=', personId).execute();
  await trx
    .deleteFrom('person_relations')
    .where((eb) => eb.or([eb('person_id', '=', personId).and('other_id', '=', into), eb('person_id', '=', into).and('other_id', '=', personId)]))
    .execute();
  const related = await trx
    .selectFrom('person_relations')
    .select(['person_id', 'other_id'])
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('other_id', '=', personId)]))
    .execute();
  await trx.updateTable('person_relations').set({ person_id: into }).where('person_id', '=', personId).execute();
  await trx.updateTable('person_relations').set({ other_id: into }).where('other_id', '=', personId).execute();
  await deleteBlockingKeys(trx, await storedBlockingKeys(trx, [personId]));
  await trx.deleteFrom('persons').where('id', '=', personId).execute();
  return {
    records: rows.map((r) => ({ ...r, seq: Number(r.seq), score: r.score === null ? null : Number(r.score) })),
    related: [...new Set(related.map((r) => Number(Number(r.person_id) === personId ? r.other_id : r.person_id)))],
  };
}

/** Whether the person has a parent of this kind (`mother`, `father`): stored, or among the chunk's relations not yet written. */
export async function hasParent(trx: Kysely<Database>, personId: number, kind: string, pending: readonly PersonRelationTable[]): Promise<boolean> {
  if (pending.some((r) => r.person_id === personId && r.kind === kind)) return true;
  const row = await trx.selectFrom('person_relations').select('seq').where('person_id', '=', personId).where('kind', '=', kind).limit(1).executeTakeFirst();
  return row !== undefined;
}
