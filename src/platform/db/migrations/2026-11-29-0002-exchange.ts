import type { Kysely } from 'kysely';

/** The exchange: submissions, their per-row issues, the hash-chained ledger, each record's current state. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('format', 'text')
    .addColumn('encoding', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('bytes', 'bigint')
    .addColumn('idempotency_key', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ledger_from', 'bigint')
    .addColumn('ledger_to', 'bigint')
    .addColumn('head_hash', 'text')
    .addColumn('file_problem', 'text')
    .execute();
  await db.schema
    .createIndex('submissions_org_key')
    .on('submissions')
    .columns(['org_id', 'idempotency_key'])
    .unique()
    .where('idempotency_key', 'is not', null)
    .execute();
  await db.schema.createIndex('submissions_org_received').on('submissions').columns(['org_code', 'received_at']).execute();

  await db.schema
    .createTable('submission_issues')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('value', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_issues_pk', ['submission_id', 'row', 'ordinal'])
    .execute();

  await db.schema
    .createTable('ledger')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('refs_seq', 'bigint')
    .addColumn('subject', 'text')
    .addColumn('event_date', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_subject').on('ledger').column('subject').execute();
  // Only the subject index: a submission's entries are its recorded sequence range, and each
  // secondary index costs ingestion a random-key insert per row (docs/PERFORMANCE.md).

  await db.schema
    .createTable('record_state')
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('latest_seq', 'bigint', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_state_pk', ['org_code', 'type', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['record_state', 'ledger', 'submission_issues', 'submissions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
