import { sql, type Kysely } from 'kysely';

/**
 * Cross-verification (互核): cases opened by the rules, one per rule and person while not
 * closed, with the conflicting ledger entries as evidence, and each case's history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_org_code', 'text')
    .addColumn('division_code', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  // Re-runs never duplicate: at most one case per rule and person that is not closed.
  await sql`create unique index cases_open_rule_person on cases (rule_id, person_id) where status in ('open', 'in_progress')`.execute(db);
  await db.schema.createIndex('cases_person').on('cases').columns(['person_id', 'rule_id']).execute();
  await db.schema.createIndex('cases_rule_status').on('cases').columns(['rule_id', 'status']).execute();
  await db.schema.createIndex('cases_owner').on('cases').columns(['owner_org_code', 'status']).execute();
  await db.schema.createIndex('cases_division').on('cases').columns(['division_code', 'status']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_events', 'cases']) await db.schema.dropTable(table).ifExists().execute();
}
