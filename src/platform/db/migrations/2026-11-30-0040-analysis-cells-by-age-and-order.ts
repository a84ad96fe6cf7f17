import { sql, type Kysely } from 'kysely';

/**
 * The analysis cells gain births by the mother's age and order (kinds 800–904, for the census
 * table's 分孩次 columns), and `analysis_meta.registry_seq`: the registry cursor (ledger seq) the
 * cells reflect, so a projection that did not keep them (projectLedger without the hook) is
 * noticed. Cells built before hold neither, so they are dropped with their facts: reports scan
 * the registry until the end of the next projection run builds them again
 * (`ensureAnalysisAggregatesOf`), or `popx registry rebuild`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('analysis_meta').addColumn('registry_seq', 'bigint').execute();
  await sql`delete from analysis_meta`.execute(db);
  await sql`delete from analysis_cells`.execute(db);
  await sql`delete from analysis_person_facts`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('analysis_meta').dropColumn('registry_seq').execute();
}
