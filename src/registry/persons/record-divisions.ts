import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { REGISTRY_CURSOR } from '../projection/registry.repository.js';

/** The ledger sequence up to which the registry has been projected (0 before the first projection). */
export async function registryWatermark(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('registry_cursor').select('seq').where('name', '=', REGISTRY_CURSOR).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/**
 * For each ledger entry among `seqs`, the divisions of the persons it is linked to (managing,
 * hukou and residence division), for deciding whether an entry concerns an area.
 */
export async function divisionsOfRecords(db: Kysely<Database>, seqs: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (seqs.length === 0) return out;
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const query = db
    .selectFrom('person_records as pr')
    .innerJoin('persons as p', 'p.id', 'pr.person_id')
    .select(['pr.seq', 'p.managing_division', 'p.hukou_division', 'p.residence_division']);
  const rows = isPostgres
    ? await query.where(sql<boolean>`pr.seq = any(${sql.val([...seqs])}::bigint[])`).execute()
    : await query.where('pr.seq', 'in', seqs).execute();
  for (const row of rows) {
    const seq = Number(row.seq);
    let list = out.get(seq);
    if (!list) out.set(seq, (list = []));
    for (const code of [row.managing_division, row.hukou_division, row.residence_division]) if (code) list.push(code);
  }
  return out;
}
