import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

const IN_LIST = 500;
const INSERT_ROWS = 500;

/** A person holding a blocking key, with the signature of their ID number (0 without a valid one). */
export interface KeyHolder {
  personId: number;
  idSig: number;
}

/** The persons holding each of the blocking-key hashes (a hash no one holds maps to []). */
export async function personsByBlockingKeys(trx: Kysely<Database>, keys: readonly number[]): Promise<Map<number, KeyHolder[]>> {
  const found = new Map<number, KeyHolder[]>(keys.map((k) => [k, []]));
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  for (let i = 0; i < keys.length; i += IN_LIST) {
    const chunk = keys.slice(i, i + IN_LIST);
    // PostgreSQL plans `= any(array)` once; an IN list of 500 parameters costs a plan per query.
    const query = trx.selectFrom('person_blocking_keys').select(['key', 'person_id', 'id_sig']);
    const rows = await (postgres ? query.where(sql<boolean>`key = any(${chunk}::bigint[])`) : query.where('key', 'in', chunk)).execute();
    for (const row of rows) found.get(Number(row.key))?.push({ personId: Number(row.person_id), idSig: Number(row.id_sig) });
  }
  return found;
}

/** Deletes persons' keys, each person's listed keys (the keys of the golden record they were stored from). */
export async function deleteBlockingKeys(trx: Kysely<Database>, keysByPerson: ReadonlyMap<number, readonly number[]>): Promise<void> {
  for (const [personId, keys] of keysByPerson) {
    for (let i = 0; i < keys.length; i += IN_LIST) {
      await trx.deleteFrom('person_blocking_keys').where('key', 'in', keys.slice(i, i + IN_LIST)).where('person_id', '=', personId).execute();
    }
  }
}

export async function insertBlockingKeys(trx: Kysely<Database>, rows: ReadonlyArray<{ key: number; person_id: number; id_sig: number }>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    // A key already there (a person the projection meets again without knowing their stored golden record) stays.
    await trx
      .insertInto('person_blocking_keys')
      .values(rows.slice(i, i + INSERT_ROWS))
      .onConflict((oc) => oc.columns(['key', 'person_id']).doNothing())
      .execute();
  }
}
