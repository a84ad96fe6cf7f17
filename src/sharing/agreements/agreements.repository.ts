import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { toAgreement, type Agreement, type AgreementStatus } from './agreement.js';

export interface AgreementFilter {
  orgCode?: string;
  status?: AgreementStatus;
  offset: number;
  limit: number;
}

export async function findAgreements(db: Kysely<Database>, filter: AgreementFilter): Promise<{ items: (Agreement & { orgName: string })[]; total: number }> {
  let query = db.selectFrom('agreements as a').innerJoin('orgs as o', 'o.id', 'a.org_id');
  if (filter.orgCode) query = query.where('a.org_code', '=', filter.orgCode);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query.selectAll('a').select('o.name as org_name').orderBy('a.requested_at', 'desc').orderBy('a.id').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => ({ ...toAgreement(row), orgName: row.org_name })), total: Number(count.n) };
}

export async function findAgreement(db: Kysely<Database>, id: string): Promise<(Agreement & { orgName: string }) | undefined> {
  const row = await db.selectFrom('agreements as a').innerJoin('orgs as o', 'o.id', 'a.org_id').selectAll('a').select('o.name as org_name').where('a.id', '=', id).executeTakeFirst();
  return row ? { ...toAgreement(row), orgName: row.org_name } : undefined;
}

/** Writes the agreement's current state and a history entry of this version. */
export async function saveAgreement(trx: Kysely<Database>, agreement: Agreement, change: { action: string; actor: string; note: string | null; isNew: boolean }): Promise<void> {
  const row: Database['agreements'] = {
    id: agreement.id,
    org_id: agreement.orgId,
    org_code: agreement.orgCode,
    title: agreement.title,
    purpose: agreement.purpose,
    event_fields: JSON.stringify(agreement.eventFields),
    person_fields: JSON.stringify(agreement.personFields),
    area: JSON.stringify(agreement.area),
    valid_from: agreement.validFrom,
    valid_to: agreement.validTo,
    status: agreement.status,
    version: agreement.version,
    requested_by: agreement.requestedBy,
    requested_at: agreement.requestedAt,
    decided_by: agreement.decidedBy,
    decided_at: agreement.decidedAt,
    note: agreement.note,
    updated_at: agreement.updatedAt,
  };
  if (change.isNew) await trx.insertInto('agreements').values(row).execute();
  else {
    // Optimistic: the version read is the version replaced, or a concurrent decision won.
    const result = await trx
      .updateTable('agreements')
      .set(row)
      .where('id', '=', agreement.id)
      .where('version', '=', agreement.version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error('agreement changed concurrently');
  }
  await trx
    .insertInto('agreement_history')
    .values({ agreement_id: agreement.id, version: agreement.version, action: change.action, actor: change.actor, at: agreement.updatedAt, note: change.note, snapshot: JSON.stringify({ ...row, org_id: undefined }) })
    .execute();
}

export async function agreementHistory(db: Kysely<Database>, id: string) {
  return db.selectFrom('agreement_history').select(['version', 'action', 'actor', 'at', 'note']).where('agreement_id', '=', id).orderBy('version').execute();
}

/** Division codes recorded for an organisation. */
export async function orgDivisionCodes(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_divisions').select('division_code').where('org_id', '=', orgId).execute();
  return rows.map((r) => r.division_code);
}
