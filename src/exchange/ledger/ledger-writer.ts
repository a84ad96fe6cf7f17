import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { advanceChainHead, chainHash, lockChainHead } from '../../platform/audit/chain-head.js';
import { CopyEncoder, copyRowsInto, copyTextInto, escapeCopyText, type Database, type Db, type LedgerTable } from '../../platform/db/index.js';
import { FingerprintSet } from './fingerprint-set.js';
import { EXCHANGE_CHAIN, jsonText, LedgerHashBodies, payloadHash } from './ledger-hash.js';

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

/**
 * A batch of validated records of one type in columns, as the validation worker posts them
 * (a handful of arrays cross threads faster than a thousand objects).
 */
export interface LedgerCandidates {
  rows: number[];
  recordIds: string[];
  actions: LedgerCandidate['action'][];
  /** Canonical payload JSON per record; empty when `copyText` carries the payloads instead. */
  payloads: string[];
  payloadHashes: string[];
  subjects: (string | null)[];
  eventDates: (string | null)[];
  /**
   * For PostgreSQL: each record's ledger COPY text from its type to its payload ({@link ledgerCopyTail}),
   * as UTF-8, one after another; record i's ends at `copyEnds[i]`. Made where the record is
   * validated (the worker), so the thread that appends copies bytes instead of escaping and
   * encoding every payload.
   */
  copyText?: Uint8Array;
  copyEnds?: number[];
}

/** The candidates of one type, in columns. */
export function candidateColumns(batch: readonly LedgerCandidate[]): LedgerCandidates {
  return {
    rows: batch.map((c) => c.row),
    recordIds: batch.map((c) => c.recordId),
    actions: batch.map((c) => c.action),
    payloads: batch.map((c) => c.payloadJson),
    payloadHashes: batch.map((c) => c.payloadHash),
    subjects: batch.map((c) => c.subject),
    eventDates: batch.map((c) => c.eventDate),
  };
}

/**
 * The end of a candidate's ledger COPY line, from its type to its payload and the newline (see
 * LEDGER_COPY_COLUMNS): everything of the line the writer does not decide.
 */
export function ledgerCopyTail(candidate: LedgerCandidate): string {
  const { type, action, recordId, subject, eventDate, payloadHash: hash, payloadJson } = candidate;
  return (
    `${escapeCopyText(type)}\t${action}\t${escapeCopyText(recordId)}\t${subject === null ? '\\N' : escapeCopyText(subject)}\t` +
    `${eventDate === null ? '\\N' : escapeCopyText(eventDate)}\t${escapeCopyText(hash)}\t${escapeCopyText(payloadJson)}\n`
  );
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
/**
 * Rows appended per flush on PostgreSQL (a flush is one COPY per table there). Entries wait for
 * their flush and for the one before it, long enough to be promoted out of the young generation:
 * a 1M-row import peaked at 354–360 MiB RSS with 2,000 (6 runs) and 370–391 MiB with 5,000, which
 * also reached 660–770 MiB in some runs, at the same CPU time.
 */
const FLUSH_ROWS = 2000;
/**
 * Rows appended per flush on SQLite, where a flush costs no round trip: written sooner, the
 * entries die young instead of filling the old generation (peak RSS of a 1M-row import).
 */
const SQLITE_FLUSH_ROWS = 1000;
/** Record states kept in memory per submission before the cache is emptied. */
const STATE_CACHE_ENTRIES = 2_000;

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
  /** Entries not yet written, on SQLite. */
  private readonly pending: LedgerTable[] = [];
  /** Entries not yet written, on PostgreSQL: their COPY lines, as bytes. */
  private readonly copy = new CopyEncoder();
  /** How many entries are pending, and the first one's sequence number. */
  private pendingCount = 0;
  private pendingFrom = 0;
  private readonly bodies: LedgerHashBodies;
  /** The COPY text of the columns every entry shares (see LEDGER_COPY_COLUMNS). */
  private readonly copyShared: string;
  private readonly stateUpdates = new Map<string, StateUpdate>();
  private pgClient: pg.PoolClient | undefined;
  /** The PostgreSQL write of the previous flush, still running. */
  private inflight: Promise<void> | null = null;
  private stagingReady = false;
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
    private readonly db: Pick<Db, 'sqlite' | 'postgresClientOf'>,
  ) {
    this.seq = head.seq;
    this.prevHash = head.hash;
    this.fast = db.sqlite ? sqliteStatements(db.sqlite) : undefined;
    this.bodies = new LedgerHashBodies(submissionId, orgCode, committedAt);
    this.copyShared = `${escapeCopyText(submissionId)}\t${escapeCopyText(orgCode)}\t${escapeCopyText(committedAt)}\t`;
  }

  /**
   * On PostgreSQL: COPY into the ledger, then the record states — derived from the rows just
   * copied when they are all first records (a first load), else copied into a temporary table
   * and upserted from there.
   */
  private async writePostgres(lines: readonly Buffer[], from: number, to: number, states: readonly StateUpdate[]): Promise<void> {
    const client = (this.pgClient ??= await this.db.postgresClientOf!(this.trx));
    await copyTextInto(client, 'ledger', LEDGER_COPY_COLUMNS, lines);
    if (states.length === 0) return;
    if (allFirstRecords(to - from + 1, states)) {
      await sql`insert into record_state (org_code, type, record_id, latest_seq, payload_hash, status)
        select org_code, type, record_id, seq, payload_hash, 'active' from ledger
        where seq between ${from} and ${to}`.execute(this.trx);
      return;
    }
    if (!this.stagingReady) {
      await sql`create temporary table record_state_incoming (like record_state) on commit drop`.execute(this.trx);
      this.stagingReady = true;
    }
    const rows = states.map((st) => [this.orgCode, st.type, st.record_id, st.latest_seq, st.payload_hash, st.status]);
    await copyRowsInto(client, 'record_state_incoming', STATE_COLUMNS, rows);
    await sql`insert into record_state select * from record_state_incoming
      on conflict (org_code, type, record_id) do update set latest_seq = excluded.latest_seq, payload_hash = excluded.payload_hash, status = excluded.status`.execute(this.trx);
    await sql`truncate record_state_incoming`.execute(this.trx);
  }

  /**
   * Takes the chain head lock in `trx` and returns a writer. On SQLite (`db.sqlite`, the
   * connection the transaction runs on) rows are written through prepared statements; on
   * PostgreSQL with COPY on the transaction's client. A million-row submission spends most of
   * its time here, and building each batch as a query was several times slower.
   */
  static async open(
    trx: Kysely<Database>,
    submissionId: string,
    orgCode: string,
    db: Pick<Db, 'sqlite' | 'postgresClientOf'>,
  ): Promise<LedgerWriter> {
    const head = await lockChainHead(trx, EXCHANGE_CHAIN);
    return new LedgerWriter(trx, submissionId, orgCode, new Date().toISOString(), head, db);
  }

  /** Decides and appends a batch of candidates, in order; returns one outcome per candidate. */
  async apply(batch: readonly LedgerCandidate[]): Promise<LedgerOutcome[]> {
    const type = batch[0]?.type;
    if (type === undefined) return [];
    if (batch.some((c) => c.type !== type)) throw new Error('a batch of candidates holds one type');
    return this.applyColumns(type, candidateColumns(batch));
  }

  /** Decides and appends a batch of candidates of `type` given in columns, in order; returns one outcome per candidate. */
  async applyColumns(type: string, batch: LedgerCandidates): Promise<LedgerOutcome[]> {
    await this.loadStates(type, batch.recordIds);
    const outcomes: LedgerOutcome[] = [];
    const { recordIds, actions, payloadHashes, subjects, eventDates, payloads, copyText, copyEnds } = batch;
    const isNew = this.typeIsNew.get(type) === true;
    for (let i = 0; i < recordIds.length; i += 1) {
      const recordId = recordIds[i]!;
      const action = actions[i]!;
      const hash = payloadHashes[i]!;
      const key = `${type}\u0000${recordId}`;
      const state = this.known.get(key) ?? null;
      let refs: number | null = null;
      if (action === 'create') {
        if (state && state.status === 'active') {
          outcomes.push(state.hash === hash ? { kind: 'duplicate' } : { kind: 'refused', code: 'RECORD_EXISTS' });
          continue;
        }
        refs = state ? state.latestSeq : null;
      } else if (action === 'correct') {
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
      const subject = subjects[i]!;
      const eventDate = eventDates[i]!;
      const entryHash = chainHash(this.prevHash, this.bodies.body(this.seq, type, recordId, action, refs, subject, eventDate, hash));
      if (this.pendingCount === 0) this.pendingFrom = this.seq;
      this.pendingCount += 1;
      if (this.fast) {
        this.pending.push({
          seq: this.seq,
          submission_id: this.submissionId,
          org_code: this.orgCode,
          type,
          record_id: recordId,
          action,
          refs_seq: refs,
          subject,
          event_date: eventDate,
          payload: payloads[i]!,
          payload_hash: hash,
          committed_at: this.committedAt,
          prev_hash: this.prevHash,
          hash: entryHash,
        });
      } else {
        // Written as COPY text at once: nothing of the row waits for the flush but its bytes.
        const head = `${this.seq}\t${refs === null ? '\\N' : refs}\t${this.prevHash}\t${entryHash}\t${this.copyShared}`;
        if (copyText !== undefined && copyEnds !== undefined) {
          this.copy.addLine(head, copyText.subarray(i === 0 ? 0 : copyEnds[i - 1]!, copyEnds[i]!));
        } else {
          const candidate = { row: batch.rows[i]!, type, recordId, action, payloadJson: payloads[i]!, payloadHash: hash, subject, eventDate };
          this.copy.addLine(head + ledgerCopyTail(candidate));
        }
      }
      this.prevHash = entryHash;
      const status = action === 'cancel' ? 'cancelled' : 'active';
      // A cancellation keeps the hash of what it cancelled, so a resubmission of it is recognised.
      const stateHash = action === 'cancel' && state ? state.hash : hash;
      this.known.set(key, { latestSeq: this.seq, hash: stateHash, status });
      if (isNew) this.written.add(key);
      // Whether record_state has a row for it by the time this batch is written.
      const existed = this.stateUpdates.get(key)?.existed ?? state !== null;
      this.stateUpdates.set(key, { record_id: recordId, type, latest_seq: this.seq, payload_hash: stateHash, status, existed });
      outcomes.push({ kind: action === 'create' ? 'accepted' : action === 'correct' ? 'corrected' : 'cancelled', seq: this.seq });
    }
    if (this.pendingCount >= (this.fast ? SQLITE_FLUSH_ROWS : FLUSH_ROWS)) await this.flush();
    return outcomes;
  }

  /** Writes what is pending and moves the chain head; returns the range appended. */
  async finish(): Promise<{ from: number | null; to: number | null; headHash: string }> {
    await this.flush();
    await this.settle();
    if (this.firstSeq !== null) await advanceChainHead(this.trx, EXCHANGE_CHAIN, this.seq, this.prevHash);
    return { from: this.firstSeq, to: this.firstSeq === null ? null : this.seq, headHash: this.prevHash };
  }

  /**
   * Hands what is pending to the database. On PostgreSQL the write runs while the next batch is
   * decided (the server works in its own process): `settle` waits for it before any other query
   * on the transaction and before the next flush.
   */
  private async flush(): Promise<void> {
    await this.settle();
    const count = this.pendingCount;
    const from = this.pendingFrom;
    this.pendingCount = 0;
    const states = [...this.stateUpdates.values()];
    this.stateUpdates.clear();
    if (count === 0 && states.length === 0) return;
    if (this.fast) {
      const entries = this.pending.splice(0);
      this.fast.writeBatch(entries, states, this.orgCode, allFirstRecords(count, states));
      return;
    }
    const write = this.writePostgres(this.copy.take(), from, from + count - 1, states);
    // Observed here so a failure is not reported as unhandled; it is rethrown by settle().
    write.catch(() => undefined);
    this.inflight = write;
  }

  private async settle(): Promise<void> {
    const write = this.inflight;
    this.inflight = null;
    if (write) await write;
  }

  /** Types for which this organisation has no record yet: nothing to look up (the common initial load). */
  private readonly typeIsNew = new Map<string, boolean>();

  private async isNewType(type: string): Promise<boolean> {
    let fresh = this.typeIsNew.get(type);
    if (fresh === undefined) {
      await this.settle();
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
  private async loadStates(type: string, recordIds: readonly string[]): Promise<void> {
    // Bound the memory of very large submissions: forget the states of earlier batches — only
    // right after a flush, so everything forgotten can be read back from record_state, and
    // before this batch's states are loaded (they must stay until apply has used them).
    if (this.known.size > STATE_CACHE_ENTRIES && this.stateUpdates.size === 0 && this.pendingCount === 0) this.known.clear();
    const ids: string[] = [];
    const fresh = this.typeIsNew.get(type) ?? (await this.isNewType(type));
    for (const recordId of recordIds) {
      const key = `${type}\u0000${recordId}`;
      // Not in the cache means no state (apply reads it so): a first load caches nothing here.
      if (fresh && !this.written.has(key)) continue;
      if (this.known.has(key)) continue;
      this.known.set(key, null);
      ids.push(recordId);
    }
    if (ids.length > 0) {
      await this.settle();
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
  }
}

interface KeySet {
  own: string[];
  keys: string[];
  prefixes: string[];
}

/** Per key set seen: the keys sorted, and each one's JSON with its separator and colon. */
const sortedKeysBySet = new Map<string, KeySet>();
/** The key set of the last record written. */
let lastKeySet: KeySet | undefined;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Canonical JSON of a flat record (string and number values): keys sorted, as canonicalJson
 * gives for field-like keys, written out directly (a replacer array made JSON.stringify several
 * times slower, and sorting the keys of every row cost as much again). Runs once per ingested
 * row: the keys' JSON is cached per key set, and plain strings are quoted without JSON.stringify.
 */
export function flatCanonicalJson(payload: Record<string, string | number>): string {
  const own = Object.keys(payload);
  // Rows of a file mostly have the keys of the row before: checked first, without joining the names.
  let cached = lastKeySet !== undefined && sameKeys(lastKeySet.own, own) ? lastKeySet : undefined;
  if (cached === undefined) {
    const set = own.join('\u0000');
    cached = sortedKeysBySet.get(set);
    // The joined names are only a hint (a name may contain the separator): check the keys match.
    if (!cached || !sameKeys(cached.own, own)) {
      const keys = [...own].sort();
      cached = { own, keys, prefixes: keys.map((key, i) => `${i === 0 ? '' : ','}${JSON.stringify(key)}:`) };
      if (sortedKeysBySet.size < 1000) sortedKeysBySet.set(set, cached);
    }
    lastKeySet = cached;
  }
  const { keys, prefixes } = cached;
  let json = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const value = payload[keys[i]!];
    json += prefixes[i]! + (typeof value === 'string' ? jsonText(value) : JSON.stringify(value));
  }
  return `${json}}`;
}

interface StateUpdate {
  record_id: string;
  type: string;
  latest_seq: number;
  payload_hash: string;
  status: string;
  /** Whether record_state had a row for the record before this batch. */
  existed: boolean;
}

/** The ledger's columns in the order of a COPY line: what the writer decides first, then what every entry shares, then the record's own. */
const LEDGER_COPY_COLUMNS = ['seq', 'refs_seq', 'prev_hash', 'hash', 'submission_id', 'org_code', 'committed_at', 'type', 'action', 'record_id', 'subject', 'event_date', 'payload_hash', 'payload'];
const STATE_COLUMNS = ['org_code', 'type', 'record_id', 'latest_seq', 'payload_hash', 'status'];

/**
 * Whether every entry is the first record of its id (a create with no earlier state, each id
 * once): then the record states are exactly the entries' keys, sequence numbers and hashes,
 * and the database can derive them from the ledger rows instead of receiving them again.
 */
function allFirstRecords(entries: number, states: readonly StateUpdate[]): boolean {
  return entries > 0 && entries === states.length && states.every((st) => !st.existed && st.status === 'active');
}

interface SqliteStatements {
  writeBatch(entries: readonly LedgerTable[], states: readonly StateUpdate[], orgCode: string, derivable: boolean): void;
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
  const deriveStates = sqlite.prepare(
    `insert into record_state (org_code, type, record_id, latest_seq, payload_hash, status)
     select org_code, type, record_id, seq, payload_hash, 'active' from ledger where seq between ? and ?`,
  );
  return {
    writeBatch(entries, states, orgCode, derivable) {
      for (const e of entries) {
        insertEntry.run(e.seq, e.submission_id, e.org_code, e.type, e.record_id, e.action, e.refs_seq, e.subject, e.event_date, e.payload, e.payload_hash, e.committed_at, e.prev_hash, e.hash);
      }
      if (derivable) {
        deriveStates.run(entries[0]!.seq, entries[entries.length - 1]!.seq);
        return;
      }
      for (const st of states) upsertState.run(orgCode, st.type, st.record_id, st.latest_seq, st.payload_hash, st.status);
    },
  };
}
