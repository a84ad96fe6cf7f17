import type { Kysely } from 'kysely';
import type { Database, SubmissionTable } from '../../platform/db/index.js';

export type SubmissionStatus = 'processing' | 'committed' | 'rejected' | 'failed';
export type SubmissionMode = 'accept_valid' | 'reject_all';

export interface SubmissionCounts {
  received: number;
  accepted: number;
  duplicate: number;
  corrected: number;
  cancelled: number;
  rejected: number;
  warnings: number;
}

export interface SubmissionView extends SubmissionCounts {
  id: string;
  orgCode: string;
  orgName: string | null;
  type: string;
  channel: string;
  filename: string | null;
  format: string | null;
  encoding: string | null;
  mode: SubmissionMode;
  status: SubmissionStatus;
  idempotencyKey: string | null;
  submittedBy: string | null;
  receivedAt: string;
  finishedAt: string | null;
  fileSha256: string | null;
  bytes: number | null;
  receipt: { ledgerFrom: number | null; ledgerTo: number | null; headHash: string | null } | null;
  fileProblem: { code: string; message: string; messageZh: string; details?: unknown } | null;
}

export function toSubmissionView(row: SubmissionTable & { org_name?: string | null }): SubmissionView {
  return {
    id: row.id,
    orgCode: row.org_code,
    orgName: row.org_name ?? null,
    type: row.type,
    channel: row.channel,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    mode: row.mode as SubmissionMode,
    status: row.status as SubmissionStatus,
    idempotencyKey: row.idempotency_key,
    submittedBy: row.submitted_by,
    receivedAt: row.received_at,
    finishedAt: row.finished_at,
    fileSha256: row.file_sha256,
    bytes: row.bytes === null ? null : Number(row.bytes),
    received: row.received,
    accepted: row.accepted,
    duplicate: row.duplicate,
    corrected: row.corrected,
    cancelled: row.cancelled,
    rejected: row.rejected,
    warnings: row.warnings,
    receipt:
      row.status === 'committed'
        ? {
            ledgerFrom: row.ledger_from === null ? null : Number(row.ledger_from),
            ledgerTo: row.ledger_to === null ? null : Number(row.ledger_to),
            headHash: row.head_hash,
          }
        : null,
    fileProblem: row.file_problem ? (JSON.parse(row.file_problem) as SubmissionView['fileProblem']) : null,
  };
}

export async function insertSubmission(db: Kysely<Database>, row: SubmissionTable): Promise<void> {
  await db.insertInto('submissions').values(row).execute();
}

export async function findSubmission(db: Kysely<Database>, id: string): Promise<(SubmissionTable & { org_name: string }) | undefined> {
  return db
    .selectFrom('submissions as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function findSubmissionByKey(db: Kysely<Database>, orgId: string, key: string): Promise<SubmissionTable | undefined> {
  return db.selectFrom('submissions').selectAll().where('org_id', '=', orgId).where('idempotency_key', '=', key).executeTakeFirst();
}

export interface SubmissionFilter {
  orgCodes?: readonly string[];
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

/** Submissions newest first, with the total matching the filter. */
export async function findSubmissions(db: Kysely<Database>, filter: SubmissionFilter): Promise<{ items: SubmissionView[]; total: number }> {
  const filtered = () => {
    let q = db.selectFrom('submissions as s').innerJoin('orgs as o', 'o.id', 's.org_id');
    if (filter.orgCodes) q = q.where('s.org_code', 'in', filter.orgCodes.length > 0 ? [...filter.orgCodes] : ['-']);
    if (filter.type) q = q.where('s.type', '=', filter.type);
    if (filter.status) q = q.where('s.status', '=', filter.status);
    if (filter.from) q = q.where('s.received_at', '>=', filter.from);
    if (filter.to) q = q.where('s.received_at', '<=', `${filter.to}\uffff`);
    return q;
  };
  const rows = await filtered()
    .selectAll('s')
    .select('o.name as org_name')
    .orderBy('s.received_at', 'desc')
    .orderBy('s.id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  const count = await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toSubmissionView), total: Number(count.n) };
}

export interface IssueView {
  row: number;
  severity: string;
  code: string;
  field: string | null;
  value: string | null;
  message: string;
  messageZh: string;
}

/** A page of a submission's per-row issues, in row order. */
export async function findIssues(
  db: Kysely<Database>,
  submissionId: string,
  filter: { severity?: string; offset: number; limit: number },
): Promise<{ items: IssueView[]; total: number }> {
  const filtered = () => {
    let q = db.selectFrom('submission_issues').where('submission_id', '=', submissionId);
    if (filter.severity) q = q.where('severity', '=', filter.severity);
    return q;
  };
  const rows = await filtered().selectAll().orderBy('row').orderBy('ordinal').offset(filter.offset).limit(filter.limit).execute();
  const count = await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({ row: r.row, severity: r.severity, code: r.code, field: r.field, value: r.value, message: r.message, messageZh: r.message_zh })),
    total: Number(count.n),
  };
}
