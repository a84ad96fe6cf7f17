import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../../platform/db/index.js';
import { ChunkProjector, type LedgerEntry, type LinkDecision, type ProjectionRun } from './chunk-projector.js';
import { deleteBlockingKeys } from './blocking-keys.repository.js';
import { storedBlockingKeys } from './stored-blocking-keys.js';
import { dropPersonSearchIndexes, ensurePersonIdNumberIndex, ensurePersonSearchIndexes } from './person-search-indexes.js';
import { cursorStamp, lockRegistryCursor, relockRegistryCursor, saveRegistryCursor } from './registry.repository.js';
import { RunIdNumbers } from './run-id-numbers.js';
import { StoredKeyFilter } from './stored-key-filter.js';

/** Ledger entries projected per transaction: small enough not to hold the database for long. */
const CHUNK_ENTRIES = 5000;

export interface ProjectionProgress {
  /** The last ledger sequence number projected. */
  seq: number;
  /** Entries projected in this run so far. */
  entries: number;
}

/**
 * Called in each projection transaction, after the chunk is written, with every person it
 * changed: what depends on persons (cross-verification) follows them in the same commit.
 * `position` is the ledger seq the registry reflects once the transaction commits (the chunk's
 * last entry; the unchanged cursor for a re-projection), so a follower can record how far it is.
 */
export type ProjectedPersonsHook = (trx: Kysely<Database>, personIds: readonly number[], position: number) => Promise<void>;

/** What follows the registry: a hook in each projection chunk's transaction, and a step after each projection run. */
export interface ProjectionFollower {
  afterChunk: ProjectedPersonsHook;
  afterRun(): Promise<void>;
}

/** Sizes a run works in (tests make them small to cross chunk boundaries). */
export interface ProjectionOptions {
  /** Ledger entries per transaction (default 5,000). */
  chunkEntries?: number;
  /** Entries to project from which a run filters its key look-ups (default 20,000). */
  keyFilterMinEntries?: number;
  /** Entries to project from which a run at least doubling the projected ledger builds the persons' search indexes after it (default 20,000). */
  deferIndexesMinEntries?: number;
}

export interface ProjectionResult {
  entries: number;
  seq: number;
  reviews: number;
}

/**
 * Brings the registry up to date with the exchange ledger: projects every entry after the
 * registry's cursor, a chunk per transaction (the chunk and the cursor commit together, so a
 * crash resumes where it stopped). One projector at a time: the cursor row is the lock.
 */
export async function projectLedger(
  db: Db,
  districtCode: string,
  /** Called between chunks, outside their transactions (the next chunk waits for a promise it returns). */
  onProgress?: (p: ProjectionProgress) => void | Promise<void>,
  afterChunk?: ProjectedPersonsHook,
  options: ProjectionOptions = {},
): Promise<ProjectionResult> {
  const chunkEntries = options.chunkEntries ?? CHUNK_ENTRIES;
  const orgTypes = await orgTypesOf(db);
  const result: ProjectionResult = { entries: 0, seq: 0, reviews: 0 };
  let chunks = 0;
  let keyFilter: StoredKeyFilter | undefined;
  let idNumbers: RunIdNumbers | undefined;
  let stamp = '';
  let indexesDeferred = false;
  try {
    for (;;) {
      const done = await db.kysely.transaction().execute(async (trx) => {
        // The key filter knows what this run wrote: it holds only while nobody else took the lock.
        const undisturbed = keyFilter !== undefined && (await relockRegistryCursor(trx, stamp));
        const cursor = await lockRegistryCursor(trx);
        if (chunks === 0) {
          const pending = await pendingEntries(trx, cursor);
          keyFilter = await keyFilterFor(trx, cursor, pending, options.keyFilterMinEntries ?? FILTER_MIN_ENTRIES);
          // A first load, a rebuild, or one that resumes them after a kill (which left the indexes out).
          indexesDeferred = pending >= (options.deferIndexesMinEntries ?? DEFER_INDEXES_MIN_ENTRIES) && pending >= cursor;
          // On an empty registry the run knows every person it will look up by ID number: it keeps them, not the index.
          if (indexesDeferred && !(await trx.selectFrom('persons').select('id').limit(1).executeTakeFirst())) idNumbers = new RunIdNumbers();
          if (indexesDeferred) await dropPersonSearchIndexes(trx, idNumbers !== undefined);
          else await ensurePersonSearchIndexes(trx);
        } else if (!undisturbed) {
          keyFilter = undefined;
          if (idNumbers) await ensurePersonIdNumberIndex(trx);
          idNumbers = undefined;
        }
        result.seq = cursor;
        const entries = (
          await trx
            .selectFrom('ledger')
            .select(['seq', 'org_code', 'type', 'record_id', 'action', 'event_date', 'payload'])
            .where('seq', '>', cursor)
            .orderBy('seq')
            .limit(chunkEntries)
            .execute()
        ).map((e) => ({ ...e, seq: Number(e.seq) })) as LedgerEntry[];
        if (entries.length === 0) return true;
        const last = entries[entries.length - 1]!.seq;
        const postgresClient = db.postgresClientOf && (() => db.postgresClientOf!(trx));
        result.reviews += await projectEntries(trx, entries, orgTypes, districtCode, afterChunk, { keyFilter, idNumbers, sqlite: db.sqlite, postgresClient });
        stamp = cursorStamp();
        await saveRegistryCursor(trx, last, stamp);
        result.entries += entries.length;
        result.seq = last;
        return false;
      });
      if (done) return result;
      chunks += 1;
      // PostgreSQL plans from table statistics, which lag a bulk load: a planner that believes the
      // registry is still small scans it for every look-up. Refresh them as the tables double.
      if (db.dialect === 'postgres' && (chunks & (chunks - 1)) === 0) await sql`analyze persons, person_records, person_relations, person_blocking_keys`.execute(db.kysely);
      await onProgress?.({ seq: result.seq, entries: result.entries });
    }
  } finally {
    // Also when a chunk failed: the registry stays searchable (a kill leaves it to the next run).
    if (indexesDeferred) await db.kysely.transaction().execute((trx) => ensurePersonSearchIndexes(trx));
  }
}

/** Ledger entries after the cursor. */
async function pendingEntries(trx: Kysely<Database>, cursor: number): Promise<number> {
  const head = await trx.selectFrom('ledger').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return Number(head?.seq ?? 0) - cursor;
}

/** Below this many entries to project, a run keeps the persons' search indexes up as it goes. */
const DEFER_INDEXES_MIN_ENTRIES = 20_000;
/** Below this many entries to project, a run looks every stored key up rather than build a filter. */
const FILTER_MIN_ENTRIES = 20_000;
/** Blocking keys per ledger entry, about (a person holds ~6; most entries bring one person). */
const KEYS_PER_ENTRY = 7;

/**
 * A filter of every stored blocking key, for a run with many entries to project: built empty
 * when the key table is (a first load, a rebuild), read from the table when the run brings at
 * least as many entries as are projected already; else none (each look-up reads the table).
 */
async function keyFilterFor(trx: Kysely<Database>, cursor: number, pending: number, minEntries: number): Promise<StoredKeyFilter | undefined> {
  if (pending < minEntries) return undefined;
  const stored = await trx.selectFrom('person_blocking_keys').select('key').limit(1).executeTakeFirst();
  if (!stored) return new StoredKeyFilter(pending * KEYS_PER_ENTRY);
  if (pending < cursor) return undefined;
  const filter = new StoredKeyFilter((cursor + pending) * KEYS_PER_ENTRY);
  // In key order, a page at a time; a key whose holders a page boundary splits is in the filter already.
  for (let after = -1; ; ) {
    const page = await trx.selectFrom('person_blocking_keys').select('key').where('key', '>', after).orderBy('key').limit(50_000).execute();
    for (const row of page) filter.add(Number(row.key));
    if (page.length < 50_000) return filter;
    after = Number(page[page.length - 1]!.key);
  }
}

/** Each organisation's type, for survivorship ranks. */
async function orgTypesOf(db: Db): Promise<Map<string, string>> {
  return new Map((await db.kysely.selectFrom('orgs').select(['code', 'type']).execute()).map((o) => [o.code, o.type]));
}

/** Projects entries (in sequence order) in the caller's transaction; returns the review tasks made. */
async function projectEntries(
  trx: Kysely<Database>,
  entries: readonly LedgerEntry[],
  orgTypes: ReadonlyMap<string, string>,
  districtCode: string,
  afterChunk?: ProjectedPersonsHook,
  run?: ProjectionRun,
): Promise<number> {
  const decisions = await decisionsFor(trx, entries[0]!.seq, entries[entries.length - 1]!.seq);
  const projector = new ChunkProjector(trx, orgTypes, districtCode, decisions, run);
  await projector.prefetch(entries);
  for (const entry of entries) await projector.apply(entry);
  await projector.write();
  await saveReviews(trx, projector);
  if (afterChunk) await afterChunk(trx, projector.touchedPersons, entries[entries.length - 1]!.seq);
  return projector.reviews.length;
}

/** Active reviewer decisions about any record of the chunk's sequence range. */
async function decisionsFor(trx: Kysely<Database>, from: number, to: number): Promise<LinkDecision[]> {
  const rows = await trx
    .selectFrom('link_decisions')
    .select(['kind', 'seq_a', 'role_a', 'seq_b', 'role_b'])
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('seq_a', '>=', from).and('seq_a', '<=', to), eb('seq_b', '>=', from).and('seq_b', '<=', to)]))
    .orderBy('decided_at')
    .execute();
  return rows.map((r) => ({ kind: r.kind, seqA: Number(r.seq_a), roleA: r.role_a, seqB: Number(r.seq_b), roleB: r.role_b }));
}

async function saveReviews(trx: Kysely<Database>, projector: ChunkProjector): Promise<void> {
  const now = new Date().toISOString();
  for (const r of projector.reviews) {
    await trx
      .insertInto('link_reviews')
      .values({
        id: `${r.seq}-${r.role}-${r.candidateId}`,
        seq: r.seq,
        role: r.role,
        person_id: r.personId,
        candidate_id: r.candidateId,
        score: r.score,
        evidence: JSON.stringify(r.evidence),
        status: 'open',
        created_at: now,
        decided_by: null,
        decided_at: null,
        note: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/**
 * Drops the projection and projects the whole ledger again (reviewer decisions are kept and
 * applied). Gives exactly the registry that incremental projection built: a test checks.
 */
export async function rebuildRegistry(db: Db, districtCode: string, onProgress?: (p: ProjectionProgress) => void | Promise<void>, options?: ProjectionOptions): Promise<ProjectionResult> {
  await db.kysely.transaction().execute(async (trx) => {
    await lockRegistryCursor(trx);
    await trx.deleteFrom('person_records').execute();
    await trx.deleteFrom('person_relations').execute();
    await trx.deleteFrom('persons').execute();
    await trx.deleteFrom('person_blocking_keys').execute();
    await trx.deleteFrom('link_reviews').where('status', '=', 'open').execute();
    await saveRegistryCursor(trx, 0);
  });
  return projectLedger(db, districtCode, onProgress, undefined, options);
}

/**
 * Projects again, in one transaction, every ledger entry linked to the given persons — after a
 * reviewer's decision (link, not a match, merge, unmerge) changes how they link. The persons
 * are dropped and rebuilt from their records with every active decision applied, which gives
 * what a full rebuild would give for them (person ids come from the records that first
 * mention them).
 */
export async function reprojectPersons(db: Db, districtCode: string, personIds: readonly number[], afterChunk?: ProjectedPersonsHook): Promise<{ entries: number; reviews: number }> {
  const orgTypes = await orgTypesOf(db);
  return db.kysely.transaction().execute(async (trx) => {
    const cursor = await lockRegistryCursor(trx);
    const seqs = new Set<number>();
    for (let i = 0; i < personIds.length; i += 500) {
      const rows = await trx.selectFrom('person_records').select('seq').where('person_id', 'in', personIds.slice(i, i + 500)).execute();
      for (const r of rows) seqs.add(Number(r.seq));
    }
    const ordered = [...seqs].sort((a, b) => a - b);
    const entries: LedgerEntry[] = [];
    for (let i = 0; i < ordered.length; i += 500) {
      const chunk = ordered.slice(i, i + 500);
      await trx.deleteFrom('person_records').where('seq', 'in', chunk).execute();
      await trx.deleteFrom('person_relations').where('seq', 'in', chunk).execute();
      await trx.deleteFrom('link_reviews').where('seq', 'in', chunk).where('status', '=', 'open').execute();
      const rows = await trx.selectFrom('ledger').select(['seq', 'org_code', 'type', 'record_id', 'action', 'event_date', 'payload']).where('seq', 'in', chunk).execute();
      entries.push(...rows.map((e) => ({ ...e, seq: Number(e.seq) })));
    }
    await deleteBlockingKeys(trx, await storedBlockingKeys(trx, personIds));
    for (let i = 0; i < personIds.length; i += 500) await trx.deleteFrom('persons').where('id', 'in', personIds.slice(i, i + 500)).execute();
    entries.sort((a, b) => a.seq - b.seq);
    if (entries.length === 0) {
      await afterChunk?.(trx, personIds, cursor);
      return { entries: 0, reviews: 0 };
    }
    // The persons asked for may be gone (merged away): the hook hears of them too. The cursor does not move.
    const hook: ProjectedPersonsHook | undefined = afterChunk && ((t, touched) => afterChunk(t, [...new Set([...personIds, ...touched])], cursor));
    return { entries: entries.length, reviews: await projectEntries(trx, entries, orgTypes, districtCode, hook) };
  });
}
