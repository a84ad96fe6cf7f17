import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-log.js';
import type { AppContext } from '../../platform/context.js';
import type { Database, Db } from '../../platform/db/index.js';
import { getEventType } from '../catalog/index.js';
import type { EventType } from '../catalog/event-type.js';
import { LedgerWriter, toLedgerCandidate, type LedgerCandidate } from '../ledger/ledger-writer.js';
import { INGEST_CODES, type IngestCode } from './ingest-codes.js';
import { ParseError, parseSubmission } from './parse/index.js';
import type { SubmissionCounts, SubmissionMode } from './submissions.repository.js';
import { validateRecord, type ValidationContext } from './validate/index.js';

export interface IngestJob {
  submissionId: string;
  org: { id: string; code: string; type: string };
  type: string;
  filePath: string;
  filename: string | null;
  mode: SubmissionMode;
  actor: AuditActor;
}

export interface IngestProgress {
  phase: 'validating' | 'committing' | 'done';
  rows: number;
  bytesRead?: number;
}

interface Issue {
  row: number;
  severity: 'error' | 'warning';
  code: string;
  field?: string;
  value?: string;
  message: string;
  messageZh: string;
}

const BATCH = 1000;

/**
 * Runs one submission through the pipeline: parse (streaming) → validate each row → append the
 * accepted rows to the exchange ledger in ONE transaction, together with the per-row issues,
 * the final counts and the audit entry — so a submission is either wholly visible or absent,
 * also if the process dies half-way. Parsing and validation happen before the transaction
 * (candidates go to a temporary file), so the database is held only for the append.
 */
export async function ingestSubmission(ctx: AppContext, job: IngestJob, onProgress?: (p: IngestProgress) => void): Promise<void> {
  const eventType = getEventType(job.type);
  if (!eventType) throw new Error(`unknown event type ${job.type}`);
  if (!(eventType.submitters as readonly string[]).includes(job.org.type)) {
    await rejectFile(ctx, job, 'ORG_NOT_ALLOWED', { orgType: job.org.type, allowed: eventType.submitters });
    return;
  }
  const work = path.join(path.dirname(job.filePath), `${job.submissionId}.work`);
  fs.mkdirSync(work, { recursive: true });
  try {
    let parsed;
    try {
      parsed = await parseSubmission(job.filePath, { eventType, filename: job.filename ?? undefined });
    } catch (error) {
      if (error instanceof ParseError) {
        await rejectFile(ctx, job, undefined, error.details, { code: error.code, message: error.message, messageZh: error.messageZh });
        return;
      }
      throw error;
    }
    if (parsed.problems.length > 0) {
      await parsed.close();
      const problem = parsed.problems[0]!;
      await rejectFile(ctx, job, undefined, problem.details, problem);
      return;
    }
    if (parsed.missingRequiredColumns.length > 0) {
      await parsed.close();
      await rejectFile(ctx, job, 'MISSING_COLUMNS', {
        columns: parsed.missingRequiredColumns.map((key) => {
          const field = eventType.fields.find((f) => f.key === key);
          return { key, labelZh: field?.labelZh, labelEn: field?.labelEn };
        }),
      });
      return;
    }
    const counts: SubmissionCounts = { received: 0, accepted: 0, duplicate: 0, corrected: 0, cancelled: 0, rejected: 0, warnings: 0 };
    const candidatesFile = path.join(work, 'candidates.ndjson');
    const issuesFile = path.join(work, 'issues.ndjson');
    try {
      await validateAll(ctx, job, eventType, parsed.rows, counts, candidatesFile, issuesFile, onProgress);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      // The file became unreadable part-way: nothing of it is kept.
      await rejectFile(ctx, job, undefined, { ...((error.details as object | undefined) ?? {}), afterRows: counts.received }, { code: error.code, message: error.message, messageZh: error.messageZh });
      return;
    }
    const finishedAt = () => ({ format: parsed.format, encoding: parsed.encoding ?? null, finished_at: new Date().toISOString() });
    try {
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const outcome = await commitAll(trx, ctx.db, job, counts, candidatesFile, (rows) => onProgress?.({ phase: 'committing', rows }));
        await finalize(trx, job, counts, issuesFile, outcome, finishedAt());
      });
    } catch (error) {
      if (!(error instanceof WholeFileRejected)) throw error;
      // The appends were rolled back with the transaction; record the refusal on its own.
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await finalize(trx, job, error.counts, issuesFile, { range: null, refusals: error.refusals }, finishedAt());
      });
    }
    onProgress?.({ phase: 'done', rows: counts.received });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function validateAll(
  ctx: AppContext,
  job: IngestJob,
  eventType: EventType,
  rows: AsyncIterable<{ row: number; values: Record<string, string>; problem?: { code: string; message: string; messageZh: string } }>,
  counts: SubmissionCounts,
  candidatesFile: string,
  issuesFile: string,
  onProgress?: (p: IngestProgress) => void,
): Promise<void> {
  const candidates = fs.createWriteStream(candidatesFile);
  const issues = fs.createWriteStream(issuesFile);
  const context: ValidationContext = {
    today: new Date().toISOString().slice(0, 10),
    orgType: job.org.type,
    isOwnDivision: (code) => ctx.tree.has(code),
  };
  let candidateChunk = '';
  let issueChunk = '';
  const flush = async (force: boolean) => {
    if (candidateChunk.length > 65536 || (force && candidateChunk)) {
      if (!candidates.write(candidateChunk)) await new Promise<void>((resolve) => candidates.once('drain', () => resolve()));
      candidateChunk = '';
    }
    if (issueChunk.length > 65536 || (force && issueChunk)) {
      if (!issues.write(issueChunk)) await new Promise<void>((resolve) => issues.once('drain', () => resolve()));
      issueChunk = '';
    }
  };
  for await (const source of rows) {
    counts.received += 1;
    if (source.problem) {
      counts.rejected += 1;
      issueChunk += `${JSON.stringify({ row: source.row, severity: 'error', code: source.problem.code, message: source.problem.message, messageZh: source.problem.messageZh } satisfies Issue)}\n`;
    } else {
      const result = validateRecord(eventType, source.values, context);
      for (const issue of result.issues) issueChunk += `${JSON.stringify({ row: source.row, ...issue })}\n`;
      if (!result.ok) counts.rejected += 1;
      else {
        if (result.issues.length > 0) counts.warnings += 1;
        const { action, ...payload } = result.record;
        const candidate = toLedgerCandidate(
          source.row,
          eventType.key,
          (action ?? 'create') as LedgerCandidate['action'],
          payload,
          subjectOf(eventType, payload),
          // A profile without its own date is dated the day it was received.
          payload[eventType.eventDateField] === undefined ? context.today : String(payload[eventType.eventDateField]),
        );
        candidateChunk += spoolLine(candidate);
      }
    }
    if (counts.received % 1000 === 0) onProgress?.({ phase: 'validating', rows: counts.received });
    await flush(false);
  }
  await flush(true);
  await Promise.all([new Promise<void>((r) => candidates.end(() => r())), new Promise<void>((r) => issues.end(() => r()))]);
}

/**
 * One candidate as a spool line: a small JSON array of its scalars, a tab, then the payload JSON
 * as is (JSON text never contains a raw tab), so reading it back parses only the scalars.
 */
function spoolLine(c: LedgerCandidate): string {
  return `${JSON.stringify([c.row, c.recordId, c.action, c.subject, c.eventDate, c.payloadHash])}\t${c.payloadJson}\n`;
}

function readSpoolLine(line: string, type: string): LedgerCandidate {
  const tab = line.indexOf('\t');
  const [row, recordId, action, subject, eventDate, payloadHash] = JSON.parse(line.slice(0, tab)) as [
    number,
    string,
    LedgerCandidate['action'],
    string | null,
    string | null,
    string,
  ];
  return { row, type, recordId, action, subject, eventDate, payloadHash, payloadJson: line.slice(tab + 1) };
}

function subjectOf(eventType: EventType, payload: Record<string, string | number>): string | null {
  const value = payload[eventType.subjectField];
  return value === undefined ? null : String(value);
}

interface CommitOutcome {
  /** The ledger range appended, or null when the whole file was rejected. */
  range: { from: number | null; to: number | null; headHash: string } | null;
  refusals: readonly Issue[];
}

/** Appends the candidates to the ledger; in reject-all mode any refusal rolls everything back. */
async function commitAll(
  trx: Kysely<Database>,
  db: Db,
  job: IngestJob,
  counts: SubmissionCounts,
  candidatesFile: string,
  onProgress: (rows: number) => void,
): Promise<CommitOutcome> {
  if (job.mode === 'reject_all' && counts.rejected > 0) return { range: null, refusals: [] };
  const refusals: Issue[] = [];
  const writer = await LedgerWriter.open(trx, job.submissionId, job.org.code, db);
  let batch: LedgerCandidate[] = [];
  let done = 0;
  const applyBatch = async () => {
    const outcomes = await writer.apply(batch);
    outcomes.forEach((outcome, i) => {
      if (outcome.kind === 'refused') {
        counts.rejected += 1;
        const code: IngestCode = outcome.code;
        refusals.push({ row: batch[i]!.row, severity: 'error', code, field: 'record_id', value: batch[i]!.recordId, message: INGEST_CODES[code].en, messageZh: INGEST_CODES[code].zh });
      } else if (outcome.kind === 'duplicate') counts.duplicate += 1;
      else counts[outcome.kind] += 1;
    });
    done += batch.length;
    onProgress(done);
    batch = [];
  };
  for await (const line of readline.createInterface({ input: fs.createReadStream(candidatesFile), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(readSpoolLine(line, job.type));
    if (batch.length >= BATCH) await applyBatch();
  }
  if (batch.length > 0) await applyBatch();
  if (job.mode === 'reject_all' && refusals.length > 0) throw new WholeFileRejected({ ...counts, accepted: 0, corrected: 0, cancelled: 0, duplicate: 0 }, refusals);
  return { range: await writer.finish(), refusals };
}

/** Stores the issues, the final counts and status, and the audit entry, in the caller's transaction. */
async function finalize(
  trx: Kysely<Database>,
  job: IngestJob,
  counts: SubmissionCounts,
  issuesFile: string,
  outcome: CommitOutcome,
  finished: { format: string; encoding: string | null; finished_at: string },
): Promise<void> {
  await insertIssues(trx, job.submissionId, issuesFile, outcome.refusals);
  const committed = outcome.range !== null;
  const rejectedWhole = !committed;
  const shown = rejectedWhole ? { ...counts, accepted: 0, corrected: 0, cancelled: 0, duplicate: 0 } : counts;
  await trx
    .updateTable('submissions')
    .set({
      ...finished,
      ...shown,
      status: committed ? 'committed' : 'rejected',
      ledger_from: outcome.range?.from ?? null,
      ledger_to: outcome.range?.to ?? null,
      head_hash: outcome.range?.headHash ?? null,
      file_problem: rejectedWhole
        ? JSON.stringify({ code: 'WHOLE_FILE_REJECTED', message: INGEST_CODES.WHOLE_FILE_REJECTED.en, messageZh: INGEST_CODES.WHOLE_FILE_REJECTED.zh })
        : null,
    })
    .where('id', '=', job.submissionId)
    .execute();
  await appendAudit(trx, {
    actor: job.actor,
    action: committed ? 'submission.commit' : 'submission.reject',
    targetType: 'submission',
    targetIds: [job.submissionId],
    result: committed ? 'ok' : 'denied',
    details: { org: job.org.code, type: job.type, ...shown, ledgerFrom: outcome.range?.from ?? null, ledgerTo: outcome.range?.to ?? null },
  });
}

/** Raised inside the commit transaction to roll back a reject-all submission refused while appending. */
export class WholeFileRejected extends Error {
  constructor(
    readonly counts: SubmissionCounts,
    readonly refusals: readonly Issue[],
  ) {
    super('whole file rejected');
  }
}

async function insertIssues(trx: Kysely<Database>, submissionId: string, issuesFile: string, extra: readonly Issue[]): Promise<void> {
  let batch: Database['submission_issues'][] = [];
  const ordinals = new Map<number, number>();
  const add = async (issue: Issue) => {
    const ordinal = ordinals.get(issue.row) ?? 0;
    ordinals.set(issue.row, ordinal + 1);
    batch.push({
      submission_id: submissionId,
      row: issue.row,
      ordinal,
      severity: issue.severity,
      code: issue.code,
      field: issue.field ?? null,
      value: issue.value === undefined ? null : String(issue.value).slice(0, 200),
      message: issue.message,
      message_zh: issue.messageZh,
    });
    if (batch.length >= 500) {
      await trx.insertInto('submission_issues').values(batch).execute();
      batch = [];
    }
  };
  if (fs.existsSync(issuesFile)) {
    for await (const line of readline.createInterface({ input: fs.createReadStream(issuesFile), crlfDelay: Infinity })) {
      if (line) await add(JSON.parse(line) as Issue);
    }
  }
  for (const issue of extra) await add(issue);
  if (batch.length > 0) await trx.insertInto('submission_issues').values(batch).execute();
}

/** Refuses a whole file with a file-level problem (bilingual), auditing it. */
async function rejectFile(
  ctx: AppContext,
  job: IngestJob,
  code: IngestCode | undefined,
  details: unknown,
  problem?: { code: string; message: string; messageZh: string },
): Promise<void> {
  const body = problem ?? { code: code!, message: INGEST_CODES[code!].en, messageZh: INGEST_CODES[code!].zh };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('submissions')
      .set({ status: 'rejected', finished_at: new Date().toISOString(), file_problem: JSON.stringify({ ...body, details }) })
      .where('id', '=', job.submissionId)
      .execute();
    await appendAudit(trx, {
      actor: job.actor,
      action: 'submission.reject',
      targetType: 'submission',
      targetIds: [job.submissionId],
      result: 'denied',
      details: { org: job.org.code, type: job.type, problem: body.code },
    });
  });
}
