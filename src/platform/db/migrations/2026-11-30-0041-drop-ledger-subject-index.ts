import type { Kysely } from 'kysely';

/**
 * Drops the ledger's index on `subject`: no query reads the ledger by subject (the registry
 * finds a person's records through person_records), and every accepted row paid a random-key
 * B-tree insert for it. On PostgreSQL it was a third of the backend's CPU in the COPY of a
 * first load (docs/PERFORMANCE.md, "Ingestion in sessions 5 and 6"); on SQLite one of the
 * three B-tree inserts per row left by migration 0003.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('ledger_subject').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('ledger_subject').ifNotExists().on('ledger').column('subject').execute();
}
