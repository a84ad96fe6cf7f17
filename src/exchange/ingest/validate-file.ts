import { getEventType } from '../catalog/index.js';
import type { EventType } from '../catalog/event-type.js';
import { toLedgerCandidate, type LedgerCandidate } from '../ledger/ledger-writer.js';
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
}

/**
 * Rows of a file after validation, in columns (a worker posts a handful of arrays faster than
 * a thousand objects): the accepted rows as ledger candidates, the issues of every row as
 * NDJSON lines, and the counts.
 */
export interface ValidatedBatch {
  received: number;
  rejected: number;
  /** Accepted rows that carry a warning. */
  warnings: number;
  /** One JSON line per issue, `{row, severity, code, field?, value?, message, messageZh}`. */
  issues: string;
  rows: number[];
  recordIds: string[];
  actions: LedgerCandidate['action'][];
  payloads: string[];
  payloadHashes: string[];
  subjects: (string | null)[];
  eventDates: (string | null)[];
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
    let batch = emptyBatch();
    try {
      for await (const source of parsed.rows) {
        addRow(batch, source, eventType, context);
        if (batch.received >= BATCH_ROWS) {
          yield { kind: 'batch', batch };
          batch = emptyBatch();
        }
      }
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      // The file became unreadable part-way: the caller keeps nothing of it, but counts the rows read.
      if (batch.received > 0) yield { kind: 'batch', batch };
      yield { kind: 'file-error', error: fileErrorOf(error) };
      return;
    }
    if (batch.received > 0) yield { kind: 'batch', batch };
    yield { kind: 'end', encoding: parsed.encoding ?? null };
  } finally {
    await parsed.close();
  }
}

/** The batch's accepted rows as ledger candidates of `type`. */
export function candidatesOf(batch: ValidatedBatch, type: string): LedgerCandidate[] {
  const out = new Array<LedgerCandidate>(batch.rows.length);
  for (let i = 0; i < out.length; i += 1) {
    out[i] = {
      row: batch.rows[i]!,
      type,
      recordId: batch.recordIds[i]!,
      action: batch.actions[i]!,
      payloadJson: batch.payloads[i]!,
      payloadHash: batch.payloadHashes[i]!,
      subject: batch.subjects[i]!,
      eventDate: batch.eventDates[i]!,
    };
  }
  return out;
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

function addRow(batch: ValidatedBatch, source: SourceRow, eventType: EventType, context: ValidationContext): void {
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
  const { action, ...payload } = result.record;
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
  batch.payloads.push(candidate.payloadJson);
  batch.payloadHashes.push(candidate.payloadHash);
  batch.subjects.push(candidate.subject);
  batch.eventDates.push(candidate.eventDate);
}

function fileErrorOf(error: ParseError): FileError {
  return { code: error.code, message: error.message, messageZh: error.messageZh, details: error.details };
}
