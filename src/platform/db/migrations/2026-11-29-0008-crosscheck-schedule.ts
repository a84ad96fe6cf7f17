import type { Kysely } from 'kysely';

/**
 * Cross-verification, second slice: when an open case was escalated to the bureau for being
 * past its due date, and the daily full runs (one row per district day: the row is the lock
 * that keeps two server processes from both running it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('escalated_at', 'text').execute();
  await db.schema.createIndex('cases_due').on('cases').columns(['status', 'due_on']).execute();
  await db.schema
    .createTable('crosscheck_runs')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('runner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('result', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crosscheck_runs').ifExists().execute();
  await db.schema.dropIndex('cases_due').ifExists().execute();
  await db.schema.alterTable('cases').dropColumn('escalated_at').execute();
}
