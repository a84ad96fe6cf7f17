import type { Db } from '../db/index.js';

export interface AuditFilter {
  actor?: string;
  action?: string;
  org?: string;
  result?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string | null;
  actorType: string;
  actorRole: string | null;
  orgCode: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[];
  purpose: string | null;
  result: string;
  ip: string | null;
  details: unknown;
  hash: string;
  prevHash: string;
}

/** A page of audit entries, newest first. `to` is inclusive of its whole day when a date. */
export async function findAuditEntries(db: Db, filter: AuditFilter): Promise<{ items: AuditEntryView[]; total: number }> {
  const filtered = () => {
    let q = db.kysely.selectFrom('audit_log');
    if (filter.actor) q = q.where('actor_name', '=', filter.actor);
    if (filter.action) {
      q = filter.action.endsWith('.*')
        ? q.where('action', 'like', `${filter.action.slice(0, -1)}%`)
        : q.where('action', '=', filter.action);
    }
    if (filter.org) q = q.where('org_code', '=', filter.org);
    if (filter.result) q = q.where('result', '=', filter.result);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', endOf(filter.to));
    return q;
  };
  const rows = await filtered()
    .selectAll()
    .orderBy('seq', 'desc')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  const count = await filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      actor: row.actor_name,
      actorType: row.actor_type,
      actorRole: row.actor_role,
      orgCode: row.org_code,
      action: row.action,
      targetType: row.target_type,
      targetIds: JSON.parse(row.target_ids) as string[],
      purpose: row.purpose,
      result: row.result,
      ip: row.ip,
      details: JSON.parse(row.details) as unknown,
      hash: row.hash,
      prevHash: row.prev_hash,
    })),
    total: Number(count.n),
  };
}

/** The exclusive upper bound for a `to` filter: the next day for a bare date. */
function endOf(to: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const next = new Date(`${to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString();
  }
  return to;
}
