import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-log.js';
import type { AppContext } from '../../platform/context.js';
import type { Database, Db } from '../../platform/db/index.js';
import { getEventType } from '../catalog/index.js';
import { LedgerWriter } from '../ledger/ledger-writer.js';
import { INGEST_CODES, type IngestCode } from './ingest-codes.js';
import type { SubmissionCounts, SubmissionMode } from './submissions.repository.js';
import { validateFileInWorker } from './validate-file-in-worker.js';
import { validateFile, type FileError, type ValidateFileInput, type ValidationMessage } from './validate-file.js';

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

/** Where a file is validated: in a worker thread, in this one, or by size (a worker from WORKER_MIN_BYTES). */
export type ValidationThread = 'worker' | 'in-thread' | 'auto';

export interface IngestOptions {
  validation?: ValidationThread;
}

/** Files from this size are validated in a worker: below it, starting one costs more than it saves. */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/**
 * Batches the worker may run ahead. On SQLite this thread writes synchronously and is the slower
 * side: batches waiting only cost memory. On PostgreSQL it waits for the previous COPY every
 * two batches (the writer's flush), and the worker keeps validating meanwhile. Batches waiting
 * here are promoted to the old generation before they are used, and V8 lets that garbage pile up:
 * a 1M-row PostgreSQL import peaked at 372–694 MiB RSS with 8 ahead and 369–417 MiB with 3, at
 * the same CPU time (9 runs alternated on a loaded machine).
 */
const WORKER_AHEAD_SQLITE = 2;
const WORKER_AHEAD_POSTGRES = 3;

/**
 * Runs one submission through the pipeline: parse (streaming) → validate each row → append the
 * accepted rows to the exchange ledger in ONE transaction, together with the per-row issues,
 * the final counts and the audit entry — so a submission is either wholly visible or absent,
 * also if the process dies half-way. Parsing, validation and payload hashing run in a worker
 * thread for large files and stream batches to this thread, which appends them as they come
 * (the database works while the next rows are validated); memory stays bounded because the
 * worker waits for its batches to be taken. Whole-file problems found on opening the file are
 * recorded without opening the transaction.
 */
export async function ingestSubmission(
  ctx: AppContext,
  job: IngestJob,
  onProgress?: (p: IngestProgress) => void,
  options: IngestOptions = {},
): Promise<void> {
  const eventType = getEventType(job.type);
  if (!eventType) throw new Error(`unknown event type ${job.type}`);
  if (!(eventType.submitters as readonly string[]).includes(job.org.type)) {
    await rejectFile(ctx, job, 'ORG_NOT_ALLOWED', { orgType: job.org.type, allowed: eventType.submitters });
    return;
  }
  const work = path.join(path.dirname(job.filePath), `${job.submissionId}.work`);
  fs.mkdirSync(work, { recursive: true });
  const input: ValidateFileInput = {
    filePath: job.filePath,
    filename: job.filename,
    type: job.type,
    orgType: job.org.type,
    today: new Date().toISOString().slice(0, 10),
    ownDivisions: ctx.tree.all().map((division) => division.code),
    // PostgreSQL appends COPY text: encoded with the rows, this thread only copies bytes.
    copyText: !ctx.db.sqlite,
  };
  // PostgreSQL appends while the next rows are decided, so the worker runs further ahead there.
  const ahead = ctx.db.sqlite ? WORKER_AHEAD_SQLITE : WORKER_AHEAD_POSTGRES;
  const messages = useWorker(job.filePath, options.validation ?? 'auto') ? validateFileInWorker(input, ahead) : validateFile(input);
  try {
    const first = (await messages.next()).value as ValidationMessage | undefined;
    if (first?.kind === 'file-error') {
      await rejectFile(ctx, job, undefined, first.error.details, first.error);
      return;
    }
    if (first?.kind !== 'open') throw new Error(`validation began with ${first?.kind ?? 'nothing'}`);
    if (first.problems.length > 0) {
      const problem = first.problems[0]!;
      await rejectFile(ctx, job, undefined, problem.details, problem);
      return;
    }
    if (first.missingRequiredColumns.length > 0) {
      await rejectFile(ctx, job, 'MISSING_COLUMNS', {
        columns: first.missingRequiredColumns.map((key) => {
          const field = eventType.fields.find((f) => f.key === key);
          return { key, labelZh: field?.labelZh, labelEn: field?.labelEn };
        }),
      });
      return;
    }
    const counts: SubmissionCounts = { received: 0, accepted: 0, duplicate: 0, corrected: 0, cancelled: 0, rejected: 0, warnings: 0 };
    const issuesFile = path.join(work, 'issues.ndjson');
    let encoding: string | null = null;
    const finishedAt = () => ({ format: first.format, encoding, finished_at: new Date().toISOString() });
    try {
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const outcome = await commitStream(trx, ctx.db, job, messages, counts, issuesFile, onProgress);
        encoding = outcome.encoding;
        await finalize(trx, job, counts, issuesFile, outcome, finishedAt());
      });
    } catch (error) {
      if (error instanceof FileUnreadable) {
        // The file became unreadable part-way: nothing of it is kept.
        const { details, ...problem } = error.problem;
        await rejectFile(ctx, job, undefined, { ...((details as object | undefined) ?? {}), afterRows: error.afterRows }, problem);
        return;
      }
      if (!(error instanceof WholeFileRejected)) throw error;
      // The appends were rolled back with the transaction; record the refusal on its own.
      encoding = error.encoding;
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await finalize(trx, job, error.counts, issuesFile, { range: null, refusals: error.refusals, encoding }, finishedAt());
      });
    }
    onProgress?.({ phase: 'done', rows: counts.received });
  } finally {
    await messages.return(undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function useWorker(filePath: string, choice: ValidationThread): boolean {
  if (choice !== 'auto') return choice === 'worker';
  try {
    return fs.statSync(filePath).size >= WORKER_MIN_BYTES;
  } catch {
    return false;
  }
}

interface CommitOutcome {
  /** The ledger range appended, or null when the whole file was rejected. */
  range: { from: number | null; to: number | null; headHash: string } | null;
  refusals: readonly Issue[];
  encoding: string | null;
}

/**
 * Appends the validated batches to the ledger as they arrive, writing the rows' issues to
 * `issuesFile` and summing `counts`. In reject-all mode a rejected row stops the appending (the
 * rest is still read for the report) and any rejection rolls everything back by throwing
 * WholeFileRejected; a file that turns unreadable throws FileUnreadable.
 */
async function commitStream(
  trx: Kysely<Database>,
  db: Db,
  job: IngestJob,
  messages: AsyncGenerator<ValidationMessage>,
  counts: SubmissionCounts,
  issuesFile: string,
  onProgress?: (p: IngestProgress) => void,
): Promise<CommitOutcome> {
  const issues = fs.createWriteStream(issuesFile);
  const writer = await LedgerWriter.open(trx, job.submissionId, job.org.code, db);
  // What appending made of the rows, kept apart: a reject-all file rejected in validation reports none of it.
  const applied = { accepted: 0, duplicate: 0, corrected: 0, cancelled: 0 };
  const refusals: Issue[] = [];
  let committed = 0;
  let encoding: string | null = null;
  try {
    for await (const message of messages) {
      if (message.kind === 'file-error') throw new FileUnreadable(message.error, counts.received);
      if (message.kind === 'end') encoding = message.encoding;
      if (message.kind !== 'batch') continue;
      const { batch } = message;
      counts.received += batch.received;
      counts.rejected += batch.rejected;
      counts.warnings += batch.warnings;
      if (batch.issues && !issues.write(batch.issues)) await new Promise<void>((resolve) => issues.once('drain', () => resolve()));
      onProgress?.({ phase: 'validating', rows: counts.received });
      if ((job.mode === 'reject_all' && counts.rejected > 0) || batch.rows.length === 0) continue;
      const outcomes = await writer.applyColumns(job.type, batch);
      outcomes.forEach((outcome, i) => {
        if (outcome.kind !== 'refused') {
          applied[outcome.kind] += 1;
          return;
        }
        const code: IngestCode = outcome.code;
        const row = batch.rows[i]!;
        const recordId = batch.recordIds[i]!;
        refusals.push({ row, severity: 'error', code, field: 'record_id', value: recordId, message: INGEST_CODES[code].en, messageZh: INGEST_CODES[code].zh });
      });
      committed += batch.rows.length;
      onProgress?.({ phase: 'committing', rows: committed });
    }
  } finally {
    await new Promise<void>((resolve) => issues.end(() => resolve()));
  }
  const none = { accepted: 0, corrected: 0, cancelled: 0, duplicate: 0 };
  if (job.mode === 'reject_all' && counts.rejected > 0) throw new WholeFileRejected({ ...counts, ...none }, [], encoding);
  counts.rejected += refusals.length;
  if (job.mode === 'reject_all' && refusals.length > 0) throw new WholeFileRejected({ ...counts, ...none }, refusals, encoding);
  Object.assign(counts, applied);
  return { range: await writer.finish(), refusals, encoding };
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

/** Raised inside the commit transaction to roll back a reject-all submission with a rejected row. */
export class WholeFileRejected extends Error {
  constructor(
    readonly counts: SubmissionCounts,
    readonly refusals: readonly Issue[],
    readonly encoding: string | null,
  ) {
    super('whole file rejected');
  }
}

/** Raised inside the commit transaction when the file turns out unreadable part-way. */
class FileUnreadable extends Error {
  constructor(
    readonly problem: FileError,
    readonly afterRows: number,
  ) {
    super(problem.message);
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
