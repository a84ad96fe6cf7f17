import type { Kysely } from 'kysely';

/**
 * Persons a registry projection changed and cross-verification has not yet re-evaluated: marked
 * in each projection chunk's transaction, evaluated once after the projection run (a person
 * touched by many chunks of a bulk load is evaluated once), removed with their case changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('crosscheck_pending').addColumn('person_id', 'bigint', (c) => c.primaryKey()).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crosscheck_pending').ifExists().execute();
}
