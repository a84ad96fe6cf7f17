import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

const IN_LIST = 500;
const RANGES_PER_QUERY = 100;
const INSERT_ROWS = 500;

/**
 * Where a holder's key is stored. A person without a valid ID number holds the 32-bit key hash
 * itself; a person with one holds it in the range above 2³², followed by a 20-bit bucket of their
 * ID signature: VALID_BASE + key·2²⁰ + bucket (below 2⁵³, so exact as a JS number and a bigint).
 * A record with a valid ID number only needs holders without one or with its own signature,
 * which are two points per key; a record without one needs every holder, a point and one range.
 * On a first load of a register — every person with a valid number, each signature nearly
 * unique — a record reads nothing, where it read every holder of its name sound and year.
 */
const VALID_BASE = 2 ** 32;
const BUCKETS = 2 ** 20;

/** The 20-bit bucket of an ID signature (a base-18 number below 18¹⁰ < 2⁴²), mixed so that close signatures spread. */
function signatureBucket(idSig: number): number {
  let h = Math.imul((idSig % VALID_BASE) ^ Math.floor(idSig / VALID_BASE), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) % BUCKETS;
}

/** The stored form of a key hash held by a person whose ID signature is `idSig` (0 without a valid number). */
export function storedKey(key: number, idSig: number): number {
  return idSig === 0 ? key : VALID_BASE + key * BUCKETS + signatureBucket(idSig);
}

/**
 * The stored keys to delete for a person who held `keys` with signature `idSig`: their stored
 * form and, for a valid number, the plain key too (rows written before valid holders moved
 * above 2³² sit there; a registry rebuilt since has none).
 */
export function storedKeysToDelete(keys: readonly number[], idSig: number): number[] {
  return idSig === 0 ? [...keys] : [...keys.map((k) => storedKey(k, idSig)), ...keys];
}

/** A person holding a blocking key, with the signature of their ID number (0 without a valid one). */
export interface KeyHolder {
  personId: number;
  idSig: number;
}

/** What one look-up asks for: holders stored at exact values, and every valid-number holder of plain keys. */
export interface HolderQuery {
  /** Stored keys read as they are (plain keys, and a signature's bucket of a key). */
  points: readonly number[];
  /** Plain keys whose every valid-number holder is wanted (their range above 2³²). */
  ranges: readonly number[];
}

/** The holders found, by stored point and by plain key of a range (a value no one holds maps to []). */
export interface HolderRows {
  points: Map<number, KeyHolder[]>;
  ranges: Map<number, KeyHolder[]>;
}

export async function keyHolders(trx: Kysely<Database>, query: HolderQuery): Promise<HolderRows> {
  const found: HolderRows = { points: new Map(query.points.map((k) => [k, []])), ranges: new Map(query.ranges.map((k) => [k, []])) };
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const select = () => trx.selectFrom('person_blocking_keys').select(['key', 'person_id', 'id_sig']);
  const holder = (row: { person_id: number | string; id_sig: number | string }): KeyHolder => ({ personId: Number(row.person_id), idSig: Number(row.id_sig) });
  // Sorted, so that one query's probes walk the index in order.
  const points = [...query.points].sort((a, b) => a - b);
  for (let i = 0; i < points.length; i += IN_LIST) {
    const chunk = points.slice(i, i + IN_LIST);
    // PostgreSQL plans `= any(array)` once; an IN list of 500 parameters costs a plan per query.
    const rows = await (postgres ? select().where(sql<boolean>`key = any(${chunk}::bigint[])`) : select().where('key', 'in', chunk)).execute();
    for (const row of rows) found.points.get(Number(row.key))?.push(holder(row));
  }
  const ranges = [...query.ranges].sort((a, b) => a - b);
  for (let i = 0; i < ranges.length; i += RANGES_PER_QUERY) {
    const chunk = ranges.slice(i, i + RANGES_PER_QUERY);
    const rows = await select()
      .where((eb) => eb.or(chunk.map((k) => eb.between('key', VALID_BASE + k * BUCKETS, VALID_BASE + (k + 1) * BUCKETS - 1))))
      .execute();
    for (const row of rows) found.ranges.get(Math.floor((Number(row.key) - VALID_BASE) / BUCKETS))?.push(holder(row));
  }
  return found;
}

/** Deletes persons' stored keys (storedKeysToDelete of the golden record they were stored from). */
export async function deleteBlockingKeys(trx: Kysely<Database>, keysByPerson: ReadonlyMap<number, readonly number[]>): Promise<void> {
  for (const [personId, keys] of keysByPerson) {
    for (let i = 0; i < keys.length; i += IN_LIST) {
      await trx.deleteFrom('person_blocking_keys').where('key', 'in', keys.slice(i, i + IN_LIST)).where('person_id', '=', personId).execute();
    }
  }
}

/** Inserts key rows (`key` in its stored form). */
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
