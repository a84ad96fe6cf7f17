import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The population registry: a projection of the exchange ledger (persons with their golden
 * record, the ledger records linked to each, relations), the link review queue and the record-
 * level link decisions that survive a rebuild, and the projection's cursor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'bigint')
    .addColumn('id_number', 'text')
    .addColumn('name', 'text')
    .addColumn('name_key', 'text')
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('died_on', 'text')
    .addColumn('hukou_division', 'text')
    .addColumn('residence_division', 'text')
    .addColumn('managing_division', 'text')
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('marital_status', 'text')
    .addColumn('expected_delivery_on', 'text')
    .addColumn('contraception_method', 'text')
    .addColumn('household_number', 'text')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('golden', 'text', (c) => c.notNull())
    .addColumn('created_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_id_number').on('persons').column('id_number').execute();
  await db.schema.createIndex('persons_birth_date').on('persons').columns(['birth_date', 'sex']).execute();
  // Name search is a prefix LIKE on the pinyin key: PostgreSQL needs text_pattern_ops for it.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`create index persons_name_key on persons (name_key text_pattern_ops)`.execute(db);
  else await db.schema.createIndex('persons_name_key').on('persons').column('name_key').execute();
  await db.schema.createIndex('persons_household').on('persons').column('household_number').execute();
  await db.schema.createIndex('persons_managing').on('persons').columns(['managing_division', 'status']).execute();

  await db.schema
    .createTable('person_records')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addPrimaryKeyConstraint('person_records_pk', ['seq', 'role'])
    .execute();
  await db.schema.createIndex('person_records_person').on('person_records').column('person_id').execute();
  await db.schema.createIndex('person_records_record').on('person_records').columns(['org_code', 'type', 'record_id']).execute();

  await db.schema
    .createTable('person_relations')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('other_id', 'bigint', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('until', 'text')
    .addPrimaryKeyConstraint('person_relations_pk', ['seq', 'person_id', 'kind', 'other_id'])
    .execute();
  await db.schema.createIndex('person_relations_person').on('person_relations').column('person_id').execute();
  await db.schema.createIndex('person_relations_other').on('person_relations').column('other_id').execute();

  await db.schema
    .createTable('link_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('candidate_id', 'bigint', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('link_reviews_status').on('link_reviews').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('link_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq_a', 'bigint', (c) => c.notNull())
    .addColumn('role_a', 'text', (c) => c.notNull())
    .addColumn('seq_b', 'bigint', (c) => c.notNull())
    .addColumn('role_b', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('link_decisions_a').on('link_decisions').columns(['seq_a', 'role_a']).execute();
  await db.schema.createIndex('link_decisions_b').on('link_decisions').columns(['seq_b', 'role_b']).execute();

  await db.schema
    .createTable('registry_cursor')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['registry_cursor', 'link_decisions', 'link_reviews', 'person_relations', 'person_records', 'persons']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
