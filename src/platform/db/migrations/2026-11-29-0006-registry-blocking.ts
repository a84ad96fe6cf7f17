import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * The registry's blocking keys: for every active person, the 32-bit hashes of the linkage
 * engine's blocking keys of their golden record (name sound + year, name + village, name
 * part + birth date, birth date + place). A record without a usable ID number looks up the
 * persons sharing any of its keys and scores them (registry/projection/person-matcher.ts).
 * `id_sig` is a hash of the sorted digits of the person's valid ID number (0 without one): a
 * record with a valid ID number only needs persons without one, or whose number may be its own
 * with two digits swapped (same digits), so the rest are left out before anything is read.
 *
 * A registry projected before this table existed has no keys, so the projection is reset
 * (persons, links, relations and open reviews dropped, cursor back to 0) and the projector
 * rebuilds it from the ledger at the next run; reviewer decisions are kept and applied again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let table = db.schema
    .createTable('person_blocking_keys')
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('id_sig', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_blocking_keys_pk', ['key', 'person_id']);
  // Two B-trees instead of three on SQLite: the key is the row.
  if (sqlite) table = table.modifyEnd(sql`without rowid`);
  // No index by person: a person's keys are deleted by (key, person) from their previous golden record.
  await table.execute();

  await sql`delete from person_records`.execute(db);
  await sql`delete from person_relations`.execute(db);
  await sql`delete from persons`.execute(db);
  await sql`delete from link_reviews where status = 'open'`.execute(db);
  await sql`update registry_cursor set seq = 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_blocking_keys').ifExists().execute();
}
