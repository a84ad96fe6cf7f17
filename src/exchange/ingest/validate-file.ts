import { getEventType } from '../catalog/index.js';
import type { EventType } from '../catalog/event-type.js';
import { ledgerCopyTail, toLedgerCandidate, type LedgerCandidate, type LedgerCandidates } from '../ledger/ledger-writer.js';
import { ParseError, parseSubmission, type FileProblem, type SourceRow } from './parse/index.js';
import { validateRecord, type ValidationContext } from './validate/index.js';

/** What validating a file needs: plain data, so that it can be posted to a worker thread. */
export interface ValidateFileInput {
  filePath: string;
  filename: string | null;
  /** The event type's catalog key. */
  type: string;
  orgType: string;
  /** `YYYY-MM-DD`: the day of import (also the event date of a profile without one). */
  today: string;
  /** The district's division codes (what `isOwnDivision` accepts). */
  ownDivisions: readonly string[];
  /**
   * PostgreSQL: give the accepted rows' ledger COPY text (`copyText`) instead of their payloads,
   * encoded here so that the thread appending to the ledger only copies bytes.
   */
  copyText?: boolean;
}

/**
 * Rows of a file after validation, in columns (a worker posts a handful of arrays faster than
 * a thousand objects): the accepted rows as ledger candidates, the issues of every row as
 * NDJSON lines, and the counts.
 */
export interface ValidatedBatch extends LedgerCandidates {
  received: number;
  rejected: number;
  /** Accepted rows that carry a warning. */
  warnings: number;
  /** One JSON line per issue, `{row, severity, code, field?, value?, message, messageZh}`. */
  issues: string;
}

/** A whole-file problem as data (a ParseError does not survive a trip between threads). */
export interface FileError {
  code: string;
  message: string;
  messageZh: string;
  details: unknown;
}

/**
 * What validating a file yields, in this order: `open` (or a `file-error`), the batches, then `end`
 * or a `file-error`. After an `open` with problems or missing columns, `end` follows at once.
 */
export type ValidationMessage =
  | { kind: 'open'; format: string; problems: FileProblem[]; missingRequiredColumns: string[] }
  | { kind: 'batch'; batch: ValidatedBatch }
  | { kind: 'end'; encoding: string | null }
  | { kind: 'file-error'; error: FileError };

/** Rows per batch: the unit of hand-over to the ledger and of progress. */
export const BATCH_ROWS = 1000;

/**
 * Parses and validates a submitted file as a stream of batches: per row the validation issues,
 * and for an accepted row its canonical payload JSON and hash. Touches no database, so it runs
 * in a worker thread as well as in the caller's. When the file cannot be read as a whole it
 * yields a `file-error` (mid-way: after the batch of the rows read before it) and stops; after
 * an `open` with problems or missing columns it ends at once (the caller rejects the file).
 */
export async function* validateFile(input: ValidateFileInput): AsyncGenerator<ValidationMessage> {
  const eventType = getEventType(input.type);
  if (!eventType) throw new Error(`unknown event type ${input.type}`);
  let parsed;
  try {
    parsed = await parseSubmission(input.filePath, { eventType, filename: input.filename ?? undefined });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    yield { kind: 'file-error', error: fileErrorOf(error) };
    return;
  }
  try {
    const { problems, missingRequiredColumns } = parsed;
    yield { kind: 'open', format: parsed.format, problems, missingRequiredColumns };
    if (problems.length > 0 || missingRequiredColumns.length > 0) {
      yield { kind: 'end', encoding: parsed.encoding ?? null };
      return;
    }
    const own = new Set(input.ownDivisions);
    const context: ValidationContext = {
      today: input.today,
      orgType: input.orgType,
      isOwnDivision: (code) => own.has(code),
    };
    const copy = input.copyText ? new CopyTextWriter() : undefined;
    let batch = emptyBatch();
    const done = (): { kind: 'batch'; batch: ValidatedBatch } => {
      if (copy) Object.assign(batch, copy.take());
      return { kind: 'batch', batch };
    };
    try {
      for await (const sources of parsed.rowBatches) {
        for (const source of sources) {
          addRow(batch, source, eventType, context, copy);
          if (batch.received >= BATCH_ROWS) {
            yield done();
            batch = emptyBatch();
          }
        }
      }
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      // The file became unreadable part-way: the caller keeps nothing of it, but counts the rows read.
      if (batch.received > 0) yield done();
      yield { kind: 'file-error', error: fileErrorOf(error) };
      return;
    }
    if (batch.received > 0) yield done();
    yield { kind: 'end', encoding: parsed.encoding ?? null };
  } finally {
    await parsed.close();
  }
}

function emptyBatch(): ValidatedBatch {
  return {
    received: 0,
    rejected: 0,
    warnings: 0,
    issues: '',
    rows: [],
    recordIds: [],
    actions: [],
    payloads: [],
    payloadHashes: [],
    subjects: [],
    eventDates: [],
  };
}

function addRow(batch: ValidatedBatch, source: SourceRow, eventType: EventType, context: ValidationContext, copy?: CopyTextWriter): void {
  batch.received += 1;
  if (source.problem) {
    batch.rejected += 1;
    const { code, message, messageZh } = source.problem;
    batch.issues += `${JSON.stringify({ row: source.row, severity: 'error', code, message, messageZh })}\n`;
    return;
  }
  const result = validateRecord(eventType, source.values, context);
  for (const issue of result.issues) batch.issues += `${JSON.stringify({ row: source.row, ...issue })}\n`;
  if (!result.ok) {
    batch.rejected += 1;
    return;
  }
  if (result.issues.length > 0) batch.warnings += 1;
  // The payload is the record without its action (most rows have none: no copy then).
  const { record } = result;
  const action = record.action;
  const payload = action === undefined ? record : withoutAction(record);
  const dated = payload[eventType.eventDateField];
  const subject = payload[eventType.subjectField];
  const candidate = toLedgerCandidate(
    source.row,
    eventType.key,
    (action ?? 'create') as LedgerCandidate['action'],
    payload,
    subject === undefined ? null : String(subject),
    // A profile without its own date is dated the day it was received.
    dated === undefined ? context.today : String(dated),
  );
  batch.rows.push(candidate.row);
  batch.recordIds.push(candidate.recordId);
  batch.actions.push(candidate.action);
  if (copy) copy.add(ledgerCopyTail(candidate));
  else batch.payloads.push(candidate.payloadJson);
  batch.payloadHashes.push(candidate.payloadHash);
  batch.subjects.push(candidate.subject);
  batch.eventDates.push(candidate.eventDate);
}

function withoutAction(record: Record<string, string | number>): Record<string, string | number> {
  const payload: Record<string, string | number> = {};
  for (const key of Object.keys(record)) if (key !== 'action') payload[key] = record[key]!;
  return payload;
}

function fileErrorOf(error: ParseError): FileError {
  return { code: error.code, message: error.message, messageZh: error.messageZh, details: error.details };
}

/** Collects the accepted rows' COPY text of a batch as UTF-8 bytes, one row after another. */
class CopyTextWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  private ends: number[] = [];

  add(text: string): void {
    // Room for the text as UTF-8: at most 3 bytes per UTF-16 unit.
    const room = text.length * 3;
    if (this.at + room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + room));
      this.buffer.copy(grown, 0, 0, this.at);
      this.buffer = grown;
    }
    this.at += this.buffer.write(text, this.at);
    this.ends.push(this.at);
  }

  /** The text added since the last take, as a batch's `copyText` and `copyEnds`. */
  take(): { copyText: Uint8Array; copyEnds: number[] } {
    const copyText = new Uint8Array(this.at);
    copyText.set(this.buffer.subarray(0, this.at));
    const copyEnds = this.ends;
    this.at = 0;
    this.ends = [];
    return { copyText, copyEnds };
  }
}
