import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { advanceChainHead, chainHash, lockChainHead } from '../../platform/audit/chain-head.js';
import type { Database, LedgerTable } from '../../platform/db/index.js';
import { FingerprintSet } from './fingerprint-set.js';
import { EXCHANGE_CHAIN, ledgerHashBody, payloadHash } from './ledger-hash.js';

/** A validated record ready for the ledger. */
export interface LedgerCandidate {
  row: number;
  type: string;
  recordId: string;
  action: 'create' | 'correct' | 'cancel';
  /** Canonical JSON of the field values without `action` (keys sorted): what the ledger stores. */
  payloadJson: string;
  /** SHA-256 of payloadJson, hex. */
  payloadHash: string;
  subject: string | null;
  eventDate: string | null;
}

/**
 * Makes a candidate from a validated record. The canonical JSON and its hash are computed here,
 * before the commit transaction, so the database is held only for deciding and appending.
 */
export function toLedgerCandidate(
  row: number,
  type: string,
  action: LedgerCandidate['action'],
  payload: Record<string, string | number>,
  subject: string | null,
  eventDate: string | null,
): LedgerCandidate {
  const payloadJson = flatCanonicalJson(payload);
  return { row, type, recordId: String(payload.record_id), action, payloadJson, payloadHash: payloadHash(payloadJson), subject, eventDate };
}

/** What became of a candidate: appended (as what), a counted duplicate, or refused (with a code). */
export type LedgerOutcome =
  | { kind: 'accepted' | 'corrected' | 'cancelled'; seq: number }
  | { kind: 'duplicate' }
  | { kind: 'refused'; code: 'RECORD_EXISTS' | 'RECORD_NOT_FOUND' | 'RECORD_CANCELLED' };

interface State {
  latestSeq: number;
  hash: string;
  status: 'active' | 'cancelled';
}

/** Record ids per state look-up query. */
const LOOKUP_ROWS = 500;
/** Rows appended per flush (a flush is one statement per table on PostgreSQL). */
const FLUSH_ROWS = 5000;
/** Record states kept in memory per submission before the cache is emptied. */
const STATE_CACHE_ENTRIES = 50_000;

/**
 * Appends one submission's records to the exchange ledger inside the caller's transaction:
 * takes the chain head lock first (so sequence numbers are gapless and in commit order),
 * decides per record whether it is new, a duplicate, a correction or a cancellation of what
 * the same organisation sent before under the same record id, and chains each entry's hash.
 */
export class LedgerWriter {
  private seq: number;
  private prevHash: string;
  private firstSeq: number | null = null;
  private readonly pending: LedgerTable[] = [];
  private readonly stateUpdates = new Map<string, { record_id: string; type: string; latest_seq: number; payload_hash: string; status: string }>();
  /** States read or written in this submission, keyed `type\0record_id` (a bounded cache). */
  private readonly known = new Map<string, State | null>();
  /** Every key appended in this submission, for types that had no record before it. */
  private readonly written = new FingerprintSet();

  private readonly fast: SqliteStatements | undefined;

  private constructor(
    private readonly trx: Kysely<Database>,
    private readonly submissionId: string,
    private readonly orgCode: string,
    private readonly committedAt: string,
    head: { seq: number; hash: string },
    sqlite?: SqliteDatabase.Database,
  ) {
    this.seq = head.seq;
    this.prevHash = head.hash;
    this.fast = sqlite ? sqliteStatements(sqlite) : undefined;
  }

  /** On PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per batch, far cheaper than thousands of bound values. */
  private async writePostgres(entries: readonly LedgerTable[], states: ReadonlyArray<Database['record_state']>): Promise<void> {
    const column = <K extends keyof LedgerTable>(key: K) => entries.map((e) => e[key]);
    if (entries.length > 0) {
      await sql`insert into ledger (seq, submission_id, org_code, type, record_id, action, refs_seq, subject, event_date, payload, payload_hash, committed_at, prev_hash, hash)
        select * from unnest(${column('seq')}::bigint[], ${column('submission_id')}::text[], ${column('org_code')}::text[], ${column('type')}::text[],
          ${column('record_id')}::text[], ${column('action')}::text[], ${column('refs_seq')}::bigint[], ${column('subject')}::text[],
          ${column('event_date')}::text[], ${column('payload')}::text[], ${column('payload_hash')}::text[], ${column('committed_at')}::text[],
          ${column('prev_hash')}::text[], ${column('hash')}::text[])`.execute(this.trx);
    }
    if (states.length > 0) {
      const pick = <K extends keyof Database['record_state']>(key: K) => states.map((st) => st[key]);
      await sql`insert into record_state (org_code, type, record_id, latest_seq, payload_hash, status)
        select * from unnest(${pick('org_code')}::text[], ${pick('type')}::text[], ${pick('record_id')}::text[], ${pick('latest_seq')}::bigint[],
          ${pick('payload_hash')}::text[], ${pick('status')}::text[])
        on conflict (org_code, type, record_id) do update set latest_seq = excluded.latest_seq, payload_hash = excluded.payload_hash, status = excluded.status`.execute(this.trx);
    }
  }

  /**
   * Takes the chain head lock in `trx` and returns a writer. With `sqlite` (the connection the
   * transaction runs on) rows are written through prepared statements; without it the database
   * is PostgreSQL and each flush is one `INSERT … SELECT FROM unnest` per table. A million-row
   * submission spends most of its time here, and building each batch as a query was several
   * times slower.
   */
  static async open(
    trx: Kysely<Database>,
    submissionId: string,
    orgCode: string,
    sqlite?: SqliteDatabase.Database,
  ): Promise<LedgerWriter> {
    const head = await lockChainHead(trx, EXCHANGE_CHAIN);
    return new LedgerWriter(trx, submissionId, orgCode, new Date().toISOString(), head, sqlite);
  }

  /** Decides and appends a batch of candidates, in order; returns one outcome per candidate. */
  async apply(batch: readonly LedgerCandidate[]): Promise<LedgerOutcome[]> {
    await this.loadStates(batch);
    const outcomes: LedgerOutcome[] = [];
    for (const candidate of batch) {
      const key = `${candidate.type}\u0000${candidate.recordId}`;
      const state = this.known.get(key) ?? null;
      const { payloadJson, payloadHash: hash } = candidate;
      let refs: number | null = null;
      if (candidate.action === 'create') {
        if (state && state.status === 'active') {
          outcomes.push(state.hash === hash ? { kind: 'duplicate' } : { kind: 'refused', code: 'RECORD_EXISTS' });
          continue;
        }
        refs = state ? state.latestSeq : null;
      } else if (candidate.action === 'correct') {
        if (!state) {
          outcomes.push({ kind: 'refused', code: 'RECORD_NOT_FOUND' });
          continue;
        }
        if (state.status === 'cancelled') {
          outcomes.push({ kind: 'refused', code: 'RECORD_CANCELLED' });
          continue;
        }
        if (state.hash === hash) {
          outcomes.push({ kind: 'duplicate' });
          continue;
        }
        refs = state.latestSeq;
      } else {
        if (!state) {
          outcomes.push({ kind: 'refused', code: 'RECORD_NOT_FOUND' });
          continue;
        }
        if (state.status === 'cancelled') {
          outcomes.push({ kind: 'duplicate' });
          continue;
        }
        refs = state.latestSeq;
      }
      this.seq += 1;
      this.firstSeq ??= this.seq;
      const entry: LedgerTable = {
        seq: this.seq,
        submission_id: this.submissionId,
        org_code: this.orgCode,
        type: candidate.type,
        record_id: candidate.recordId,
        action: candidate.action,
        refs_seq: refs,
        subject: candidate.subject,
        event_date: candidate.eventDate,
        payload: payloadJson,
        payload_hash: hash,
        committed_at: this.committedAt,
        prev_hash: this.prevHash,
        hash: '',
      };
      const entryHash = chainHash(this.prevHash, ledgerHashBody(entry));
      entry.hash = entryHash;
      this.pending.push(entry);
      this.prevHash = entryHash;
      const status = candidate.action === 'cancel' ? 'cancelled' : 'active';
      // A cancellation keeps the hash of what it cancelled, so a resubmission of it is recognised.
      const stateHash = candidate.action === 'cancel' && state ? state.hash : hash;
      this.known.set(key, { latestSeq: this.seq, hash: stateHash, status });
      if (this.typeIsNew.get(candidate.type) === true) this.written.add(key);
      this.stateUpdates.set(key, { record_id: candidate.recordId, type: candidate.type, latest_seq: this.seq, payload_hash: stateHash, status });
      outcomes.push({
        kind: candidate.action === 'create' ? 'accepted' : candidate.action === 'correct' ? 'corrected' : 'cancelled',
        seq: this.seq,
      });
    }
    if (this.pending.length >= FLUSH_ROWS) await this.flush();
    return outcomes;
  }

  /** Writes what is pending and moves the chain head; returns the range appended. */
  async finish(): Promise<{ from: number | null; to: number | null; headHash: string }> {
    await this.flush();
    if (this.firstSeq !== null) await advanceChainHead(this.trx, EXCHANGE_CHAIN, this.seq, this.prevHash);
    return { from: this.firstSeq, to: this.firstSeq === null ? null : this.seq, headHash: this.prevHash };
  }

  private async flush(): Promise<void> {
    const states = [...this.stateUpdates.values()].map((u) => ({ ...u, org_code: this.orgCode }));
    if (this.fast) this.fast.writeBatch(this.pending, states);
    else await this.writePostgres(this.pending, states);
    this.pending.length = 0;
    this.stateUpdates.clear();
  }

  /** Types for which this organisation has no record yet: nothing to look up (the common initial load). */
  private readonly typeIsNew = new Map<string, boolean>();

  private async isNewType(type: string): Promise<boolean> {
    let fresh = this.typeIsNew.get(type);
    if (fresh === undefined) {
      // Safe under the chain head lock: no other submission can add states meanwhile.
      const any = await this.trx
        .selectFrom('record_state')
        .select('record_id')
        .where('org_code', '=', this.orgCode)
        .where('type', '=', type)
        .limit(1)
        .executeTakeFirst();
      fresh = any === undefined;
      this.typeIsNew.set(type, fresh);
    }
    return fresh;
  }

  /**
   * Reads the states of the batch's record ids not in the cache. For a type this organisation had
   * no record of before this submission, only ids already appended in it can have a state, and
   * the fingerprint set says which those may be — so a first load of a million rows looks up
   * (almost) nothing even after the cache has been emptied.
   */
  private async loadStates(batch: readonly LedgerCandidate[]): Promise<void> {
    const byType = new Map<string, string[]>();
    for (const c of batch) {
      const key = `${c.type}\u0000${c.recordId}`;
      if (this.known.has(key)) continue;
      this.known.set(key, null);
      if ((await this.isNewType(c.type)) && !this.written.has(key)) continue;
      const list = byType.get(c.type) ?? [];
      list.push(c.recordId);
      byType.set(c.type, list);
    }
    for (const [type, ids] of byType) {
      for (let i = 0; i < ids.length; i += LOOKUP_ROWS) {
        const chunk = ids.slice(i, i + LOOKUP_ROWS);
        const query = this.trx
          .selectFrom('record_state')
          .select(['record_id', 'latest_seq', 'payload_hash', 'status'])
          .where('org_code', '=', this.orgCode)
          .where('type', '=', type);
        // PostgreSQL plans `= any(array)` with one parameter; an IN list of 500 costs a plan each time.
        const rows = await (!this.fast
          ? query.where(sql<boolean>`record_id = any(${chunk}::text[])`)
          : query.where('record_id', 'in', chunk)
        ).execute();
        for (const row of rows) {
          this.known.set(`${type}\u0000${row.record_id}`, {
            latestSeq: Number(row.latest_seq),
            hash: row.payload_hash,
            status: row.status as State['status'],
          });
        }
      }
    }
    // Bound the memory of very large submissions: forget states of records not touched recently
    // (only right after a flush, so everything forgotten can be read back from record_state).
    if (this.known.size > STATE_CACHE_ENTRIES && this.stateUpdates.size === 0) this.known.clear();
  }
}

/** Sorted keys seen per key set, so that a million rows of one type sort their keys once. */
const sortedKeysBySet = new Map<string, string[]>();

/**
 * Canonical JSON of a flat record (string and number values): keys sorted, as canonicalJson
 * gives for field-like keys, written out directly (a replacer array made JSON.stringify several
 * times slower, and sorting the keys of every row cost as much again).
 */
export function flatCanonicalJson(payload: Record<string, string | number>): string {
  const own = Object.keys(payload);
  const set = own.join('\u0000');
  let keys = sortedKeysBySet.get(set);
  if (!keys) {
    keys = own.sort();
    if (sortedKeysBySet.size < 1000) sortedKeysBySet.set(set, keys);
  }
  let json = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    json += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(payload[key])}`;
  }
  return `${json}}`;
}

interface SqliteStatements {
  writeBatch(entries: readonly LedgerTable[], states: ReadonlyArray<Database['record_state']>): void;
}

function sqliteStatements(sqlite: SqliteDatabase.Database): SqliteStatements {
  // Positional parameters: binding by name from an object costs a property look-up per column.
  const insertEntry = sqlite.prepare(
    `insert into ledger (seq, submission_id, org_code, type, record_id, action, refs_seq, subject, event_date, payload, payload_hash, committed_at, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertState = sqlite.prepare(
    `insert into record_state (org_code, type, record_id, latest_seq, payload_hash, status)
     values (?, ?, ?, ?, ?, ?)
     on conflict (org_code, type, record_id) do update set latest_seq = excluded.latest_seq, payload_hash = excluded.payload_hash, status = excluded.status`,
  );
  return {
    writeBatch(entries, states) {
      for (const e of entries) {
        insertEntry.run(e.seq, e.submission_id, e.org_code, e.type, e.record_id, e.action, e.refs_seq, e.subject, e.event_date, e.payload, e.payload_hash, e.committed_at, e.prev_hash, e.hash);
      }
      for (const st of states) upsertState.run(st.org_code, st.type, st.record_id, st.latest_seq, st.payload_hash, st.status);
    },
  };
}
