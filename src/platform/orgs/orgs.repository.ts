import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';

export interface OrgView {
  id: string;
  code: string;
  type: string;
  name: string;
  parentCode: string | null;
  parentName: string | null;
  divisions: string[];
  liaisonName: string | null;
  liaisonPhone: string | null;
  active: boolean;
  createdAt: string;
}

export interface OrgFilter {
  q?: string;
  type?: string;
  parent?: string;
  /** Only organisations serving one of these divisions (jurisdiction scoping). */
  divisions?: readonly string[];
  /** Always include these organisation ids (the caller's own). */
  includeIds?: readonly string[];
  offset: number;
  limit: number;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.code',
      'o.type',
      'o.name',
      'o.liaison_name',
      'o.liaison_phone',
      'o.active',
      'o.created_at',
      'p.code as parent_code',
      'p.name as parent_name',
    ]);
}

function applyFilter<Q extends ReturnType<typeof baseQuery>>(query: Q, filter: Omit<OrgFilter, 'offset' | 'limit'>): Q {
  let q = query;
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('o.code', 'like', sql<string>`${like.toUpperCase()} escape '\\'`),
        eb('o.name', 'like', sql<string>`${like} escape '\\'`),
      ]),
    ) as Q;
  }
  if (filter.type) q = q.where('o.type', '=', filter.type) as Q;
  if (filter.parent) q = q.where('p.code', '=', filter.parent) as Q;
  if (filter.divisions) {
    const divisions = filter.divisions;
    const ids = filter.includeIds ?? [];
    q = q.where((eb) =>
      eb.or([
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('org_divisions')
            .select('org_id')
            .where('division_code', 'in', divisions.length > 0 ? [...divisions] : ['-']),
        ),
        ...(ids.length > 0 ? [eb('o.id', 'in', [...ids])] : []),
      ]),
    ) as Q;
  }
  return q;
}

/** A page of organisations with their divisions, and the total matching the filter. */
export async function findOrgs(db: Kysely<Database>, filter: OrgFilter): Promise<{ items: OrgView[]; total: number }> {
  const rows = await applyFilter(baseQuery(db), filter)
    .orderBy('o.code')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  const countRow = await applyFilter(baseQuery(db), filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const divisions = await divisionsOf(db, rows.map((row) => row.id));
  return {
    items: rows.map((row) => toOrgView(row, divisions.get(row.id) ?? [])),
    total: Number(countRow.n),
  };
}

/** One organisation by code, or undefined. */
export async function findOrgByCode(db: Kysely<Database>, code: string): Promise<OrgView | undefined> {
  const row = await baseQuery(db).where('o.code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const divisions = await divisionsOf(db, [row.id]);
  return toOrgView(row, divisions.get(row.id) ?? []);
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toOrgView(row: OrgRow, divisions: string[]): OrgView {
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    name: row.name,
    parentCode: row.parent_code,
    parentName: row.parent_name,
    divisions,
    liaisonName: row.liaison_name,
    liaisonPhone: row.liaison_phone,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

async function divisionsOf(db: Kysely<Database>, orgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectFrom('org_divisions')
    .select(['org_id', 'division_code'])
    .where('org_id', 'in', orgIds)
    .orderBy('division_code')
    .execute();
  for (const row of rows) {
    const list = out.get(row.org_id) ?? [];
    list.push(row.division_code);
    out.set(row.org_id, list);
  }
  return out;
}

/** Replaces the divisions an organisation serves. */
export async function setOrgDivisions(db: Kysely<Database>, orgId: string, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('org_divisions').where('org_id', '=', orgId).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('org_divisions')
    .values([...new Set(codes)].map((division_code) => ({ org_id: orgId, division_code })))
    .execute();
}

/** The chain of ancestor ids of an organisation, nearest first (for cycle checks). */
export async function ancestorIds(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = orgId;
  while (current && out.length < 64) {
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('orgs')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current) out.push(current);
  }
  return out;
}
