import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { LinkRecord } from '../linkage/index.js';
import type { Golden } from '../persons/survivorship.js';
import { keyHolders, storedKey, type KeyHolder } from './blocking-keys.repository.js';
import { idSignature, isSignatureCompatible, linkKeyHashes, linkRecordOfGolden } from './person-link-record.js';
import type { PersonCandidate } from './person-matcher.js';
import type { StoredKeyFilter } from './stored-key-filter.js';

interface PersonNow {
  golden: Golden;
  record: LinkRecord;
  keys: Set<number>;
  keyList: readonly number[];
  idSig: number;
}

/** What a record looks up: its blocking keys and the signature of its valid ID number (0 without). */
export interface CandidateQuery {
  keys: readonly number[];
  idSig: number;
}

/**
 * The persons a record without a found ID number may be, as the registry stands just before
 * that record: those whose golden record *now* shares a blocking key with it (and, for a record
 * with a valid ID number, who have no valid number or one with the same digits). Persons
 * untouched in this chunk are found through the stored key table; persons this chunk touched
 * are indexed in memory by the keys of their golden record so far (recomputed lazily, when a
 * look-up comes). Every candidate's keys are recomputed from its current golden record and
 * must meet the record's, so a stale stored key never adds a candidate: the outcome is the same
 * wherever the chunk boundaries fall, which keeps rebuilds equal to incremental projection.
 */
export class ChunkCandidates {
  /** Stored holders by stored key read as a point, and valid-number holders by plain key read as a range. */
  private readonly points = new Map<number, KeyHolder[]>();
  private readonly ranges = new Map<number, KeyHolder[]>();
  private readonly inChunk = new Map<number, Set<number>>();
  private readonly dirty = new Set<number>();
  private readonly now = new Map<number, PersonNow>();

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly goldenNow: (personId: number) => Promise<Golden>,
    /** What the key table may hold, when the run knows (a stored key it says no to is not read). */
    private readonly filter?: StoredKeyFilter,
  ) {}

  /** Reads the stored holders of many records' keys at once (a chunk's worth); returns the persons the records may be. */
  async prefetch(queries: readonly CandidateQuery[]): Promise<number[]> {
    const points = new Set<number>();
    const ranges = new Set<number>();
    // A point the filter rules out is neither read nor remembered: it has no holders.
    const wantPoint = (point: number) => {
      if (!this.points.has(point) && (!this.filter || this.filter.mayHold(point))) points.add(point);
    };
    for (const { keys, idSig } of queries) {
      for (const key of keys) {
        wantPoint(key);
        if (idSig !== 0) wantPoint(storedKey(key, idSig));
        else if (!this.ranges.has(key)) ranges.add(key);
      }
    }
    if (points.size > 0 || ranges.size > 0) {
      const found = await keyHolders(this.trx, { points: [...points], ranges: [...ranges] });
      for (const [key, holders] of found.points) this.points.set(key, holders);
      for (const [key, holders] of found.ranges) this.ranges.set(key, holders);
    }
    const persons = new Set<number>();
    for (const q of queries) for (const key of q.keys) this.storedHolders(q, key, persons);
    return [...persons];
  }

  /**
   * Adds the stored holders of one of the query's keys that may be the record's person: without
   * a valid number (the plain key; rows there with a signature were written before valid holders
   * moved above 2³² and are filtered), or — for a query with a valid number — with its own
   * signature (their bucket; filtered, buckets being shared), else every valid holder (the range).
   */
  private storedHolders({ idSig }: CandidateQuery, key: number, into: Set<number>): void {
    for (const h of this.points.get(key) ?? []) if (isSignatureCompatible(idSig, h.idSig)) into.add(h.personId);
    const valid = idSig === 0 ? this.ranges.get(key) : this.points.get(storedKey(key, idSig));
    for (const h of valid ?? []) if (isSignatureCompatible(idSig, h.idSig)) into.add(h.personId);
  }

  /** The person gained or lost a record in this chunk: their golden record (and keys) may have changed. */
  touch(personId: number): void {
    this.dirty.add(personId);
    this.now.delete(personId);
  }

  /** Candidates for the query, in person id order, minus those `skip` rules out. */
  async find(query: CandidateQuery, skip: (personId: number) => Promise<boolean>): Promise<PersonCandidate[]> {
    const { keys, idSig } = query;
    if (keys.length === 0) return [];
    for (const personId of this.dirty) {
      for (const key of (await this.personNow(personId)).keys) {
        const set = this.inChunk.get(key) ?? new Set<number>();
        set.add(personId);
        this.inChunk.set(key, set);
      }
    }
    this.dirty.clear();
    const persons = new Set<number>(await this.prefetch([query]));
    // The stored signature is current for persons this chunk left alone; those it touched are in inChunk.
    for (const key of keys) for (const id of this.inChunk.get(key) ?? []) persons.add(id);
    const candidates: PersonCandidate[] = [];
    for (const personId of [...persons].sort((a, b) => a - b)) {
      const now = await this.personNow(personId);
      if (!now.record.name || !isSignatureCompatible(idSig, now.idSig) || !keys.some((k) => now.keys.has(k))) continue;
      if (await skip(personId)) continue;
      candidates.push({ personId, record: now.record });
    }
    return candidates;
  }

  /**
   * The person's golden record as it stands now and its keys, if a look-up worked them out since
   * the person last changed (the chunk's write would work out the same from the same claims).
   */
  knownNow(personId: number): { golden: Golden; keys: readonly number[] } | undefined {
    if (this.dirty.has(personId)) return undefined;
    const hit = this.now.get(personId);
    return hit && { golden: hit.golden, keys: hit.keyList };
  }

  private async personNow(personId: number): Promise<PersonNow> {
    let hit = this.now.get(personId);
    if (!hit) {
      const golden = await this.goldenNow(personId);
      const record = linkRecordOfGolden(personId, golden);
      const keyList = linkKeyHashes(record);
      hit = { golden, record, keys: new Set(keyList), keyList, idSig: idSignature(record.idNumber) };
      this.now.set(personId, hit);
    }
    return hit;
  }
}
