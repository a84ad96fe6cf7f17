import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

/**
 * The persons table's search indexes, as migrations 2026-11-29-0004 and -0005 create them: what
 * person search, households, areas and expected deliveries read. The projection itself never
 * reads them (it finds persons by id and by ID number), so a long run may leave them out and
 * build them after: an index built by sorting the finished table costs a fraction of a B-tree
 * insert per person per index (at 100k persons, ≈ 0.5 s of CPU for the five against ≈ 3.5 s).
 */
const SEARCH_INDEXES: ReadonlyArray<{ name: string; columns: readonly string[] }> = [
  { name: 'persons_birth_date', columns: ['birth_date', 'sex'] },
  { name: 'persons_name_key', columns: ['name_key'] },
  { name: 'persons_household', columns: ['household_number'] },
  { name: 'persons_managing', columns: ['managing_division', 'status'] },
  { name: 'persons_expected_delivery', columns: ['expected_delivery_on'] },
];

/**
 * The persons' ID number index (migration 2026-11-29-0004). The projection reads it for every
 * ID number a chunk mentions, so only a run that keeps every number it wrote in memory (one that
 * began on an empty registry, `RunIdNumbers`) leaves it out with the search indexes.
 */
const ID_NUMBER_INDEX = { name: 'persons_id_number', columns: ['id_number'] } as const;

/**
 * Drops the persons' search indexes, and with `idNumber` the ID number index too (for a long
 * projection run; ensurePersonSearchIndexes puts them back).
 */
export async function dropPersonSearchIndexes(trx: Kysely<Database>, idNumber = false): Promise<void> {
  for (const index of idNumber ? [...SEARCH_INDEXES, ID_NUMBER_INDEX] : SEARCH_INDEXES) await trx.schema.dropIndex(index.name).ifExists().execute();
}

/** Creates the persons' ID number index if it is missing (a run that stops keeping the numbers in memory). */
export async function ensurePersonIdNumberIndex(trx: Kysely<Database>): Promise<void> {
  await trx.schema.createIndex(ID_NUMBER_INDEX.name).ifNotExists().on('persons').columns([...ID_NUMBER_INDEX.columns]).execute();
}

/**
 * Creates whichever of the persons' search indexes is missing: after a long run that dropped
 * them, and at the start of every run (a run killed before it built them leaves them missing
 * until the next one, which the server starts when it is ready).
 */
export async function ensurePersonSearchIndexes(trx: Kysely<Database>): Promise<void> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  // Read first: a CREATE INDEX IF NOT EXISTS on PostgreSQL locks the table against writers even when the index is there.
  const present = postgres
    ? await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'persons'`.execute(trx)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'persons'`.execute(trx);
  const have = new Set(present.rows.map((r) => r.name));
  for (const index of [...SEARCH_INDEXES, ID_NUMBER_INDEX]) {
    if (have.has(index.name)) continue;
    // Name search is a prefix LIKE on the pinyin key: PostgreSQL needs text_pattern_ops for it (as the migration made it).
    if (postgres && index.name === 'persons_name_key') await sql`create index if not exists persons_name_key on persons (name_key text_pattern_ops)`.execute(trx);
    else await trx.schema.createIndex(index.name).ifNotExists().on('persons').columns([...index.columns]).execute();
  }
}
