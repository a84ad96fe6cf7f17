import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

export interface QualityCaseRow {
  owner_org_code: string | null;
  rule_id: string;
  status: string;
  opened_at: string;
  resolved_at: string | null;
}

/**
 * The cases opened in [from, to), of one responsible unit or all, of one rule or all, in some
 * divisions or anywhere: what the data-quality summary counts.
 */
export async function casesOpenedBetween(db: Kysely<Database>, filter: { from: string; to: string; ownerOrgCode?: string; ruleId?: string; divisions?: readonly string[] }): Promise<QualityCaseRow[]> {
  let query = db.selectFrom('cases').select(['owner_org_code', 'rule_id', 'status', 'opened_at', 'resolved_at']).where('opened_at', '>=', filter.from).where('opened_at', '<', filter.to);
  if (filter.ownerOrgCode) query = query.where('owner_org_code', '=', filter.ownerOrgCode);
  if (filter.divisions) {
    if (filter.divisions.length === 0) return [];
    query = query.where('division_code', 'in', [...filter.divisions]);
  }
  if (filter.ruleId) query = query.where('rule_id', '=', filter.ruleId);
  return query.execute();
}

/** Organisation names by code (the units of the summary). */
export async function orgNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, { name: string; type: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('orgs').select(['code', 'name', 'type']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, type: r.type }]));
}
