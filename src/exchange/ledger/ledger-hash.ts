import { hash } from 'node:crypto';
import type { LedgerTable } from '../../platform/db/index.js';

/** SHA-256 of a record's canonical payload (keys sorted; the action is not part of it). */
export function payloadHash(payloadJson: string): string {
  return hash('sha256', payloadJson, 'hex');
}

/**
 * The fields of a ledger entry its chain hash covers, in one fixed shape: an array of strings,
 * numbers and nulls, whose plain JSON is already canonical (no keys to sort) — this runs once per
 * ingested row.
 */
export function ledgerHashBody(entry: Omit<LedgerTable, 'hash' | 'prev_hash' | 'payload'>): string {
  return JSON.stringify([
    entry.seq,
    entry.submission_id,
    entry.org_code,
    entry.type,
    entry.record_id,
    entry.action,
    entry.refs_seq,
    entry.subject,
    entry.event_date,
    entry.payload_hash,
    entry.committed_at,
  ]);
}

export const EXCHANGE_CHAIN = 'exchange';
