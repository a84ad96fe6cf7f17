import type { Kysely } from 'kysely';

/**
 * Pre-aggregated demographic indicators, kept by the registry projection: monthly cells per area
 * (district, town and village code prefixes) and, per person, the facts their contribution was
 * computed from (so a change subtracts exactly what was added). `analysis_meta` holds the months
 * the cells cover and the district they were built for; without it reports scan the registry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analysis_cells')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('kind', 'integer', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('analysis_cells_pk', ['area', 'month', 'kind'])
    .execute();
  await db.schema
    .createTable('analysis_person_facts')
    .addColumn('person_id', 'bigint', (c) => c.primaryKey())
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('analysis_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('first_month', 'integer', (c) => c.notNull())
    .addColumn('last_month', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analysis_meta').ifExists().execute();
  await db.schema.dropTable('analysis_person_facts').ifExists().execute();
  await db.schema.dropTable('analysis_cells').ifExists().execute();
}
