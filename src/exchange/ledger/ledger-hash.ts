import { hash } from 'node:crypto';
import type { LedgerTable } from '../../platform/db/index.js';

/** SHA-256 of a record's canonical payload (keys sorted; the action is not part of it). */
export function payloadHash(payloadJson: string): string {
  return hash('sha256', payloadJson, 'hex');
}

/**
 * The fields of a ledger entry its chain hash covers, in one fixed shape: an array of strings,
 * numbers and nulls, whose plain JSON is already canonical (no keys to sort). Runs once per
 * ingested row, so the JSON is written out directly: exactly what JSON.stringify gives for the
 * array, without building it.
 */
export function ledgerHashBody(entry: Omit<LedgerTable, 'hash' | 'prev_hash' | 'payload'>): string {
  return (
    `[${jsonNumber(entry.seq)},${jsonText(entry.submission_id)},${jsonText(entry.org_code)},${jsonText(entry.type)},` +
    `${jsonText(entry.record_id)},${jsonText(entry.action)},${entry.refs_seq === null ? 'null' : jsonNumber(entry.refs_seq)},` +
    `${entry.subject === null ? 'null' : jsonText(entry.subject)},${entry.event_date === null ? 'null' : jsonText(entry.event_date)},` +
    `${jsonText(entry.payload_hash)},${jsonText(entry.committed_at)}]`
  );
}

/**
 * Hash bodies of one submission's entries: {@link ledgerHashBody} with the JSON of what every
 * entry shares (submission, organisation, commit time) and of each type and action written
 * once, not once per row.
 */
export class LedgerHashBodies {
  private readonly shared: string;
  private readonly committed: string;
  private readonly types = new Map<string, string>();
  private readonly actions = new Map<string, string>();

  constructor(submissionId: string, orgCode: string, committedAt: string) {
    this.shared = `,${jsonText(submissionId)},${jsonText(orgCode)},`;
    this.committed = `,${jsonText(committedAt)}]`;
  }

  /** An action's JSON and the comma after it, written once per submission. */
  private actionJson(action: string): string {
    let json = this.actions.get(action);
    if (json === undefined) {
      json = `${jsonText(action)},`;
      this.actions.set(action, json);
    }
    return json;
  }

  /** The body of one entry, the same text as ledgerHashBody gives for it. */
  body(
    seq: number,
    type: string,
    recordId: string,
    action: string,
    refsSeq: number | null,
    subject: string | null,
    eventDate: string | null,
    hash: string,
  ): string {
    let typed = this.types.get(type);
    if (typed === undefined) {
      typed = `${jsonText(type)},`;
      this.types.set(type, typed);
    }
    return (
      `[${jsonNumber(seq)}${this.shared}${typed}${jsonText(recordId)},${this.actionJson(action)}${refsSeq === null ? 'null' : jsonNumber(refsSeq)},` +
      `${subject === null ? 'null' : jsonText(subject)},${eventDate === null ? 'null' : jsonText(eventDate)},${jsonText(hash)}${this.committed}`
    );
  }
}

/** A string JSON.stringify writes as is between quotes: no quote, backslash, control character or surrogate. */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON, as JSON.stringify writes it (quoting a plain string directly is several times faster). */
export function jsonText(value: string): string {
  return NEEDS_JSON_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

function jsonNumber(value: number): string {
  // An integer's JSON is its decimal text (JSON.stringify, a generic call, cost more per entry).
  return Number.isInteger(value) ? String(value) : JSON.stringify(value);
}

export const EXCHANGE_CHAIN = 'exchange';
