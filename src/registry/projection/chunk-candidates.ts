import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { LinkRecord } from '../linkage/index.js';
import type { Golden } from '../persons/survivorship.js';
import { personsByBlockingKeys, type KeyHolder } from './blocking-keys.repository.js';
import { idSignature, isSignatureCompatible, linkKeyHashes, linkRecordOfGolden } from './person-link-record.js';
import type { PersonCandidate } from './person-matcher.js';

interface PersonNow {
  record: LinkRecord;
  keys: Set<number>;
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
  private readonly stored = new Map<number, KeyHolder[]>();
  private readonly inChunk = new Map<number, Set<number>>();
  private readonly dirty = new Set<number>();
  private readonly now = new Map<number, PersonNow>();

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly goldenNow: (personId: number) => Promise<Golden>,
  ) {}

  /** Reads the stored holders of many records' keys at once (a chunk's worth); returns the persons the records may be. */
  async prefetch(queries: readonly CandidateQuery[]): Promise<number[]> {
    const wanted = [...new Set(queries.flatMap((q) => q.keys))].filter((k) => !this.stored.has(k));
    for (const [key, holders] of await personsByBlockingKeys(this.trx, wanted)) this.stored.set(key, holders);
    const persons = new Set<number>();
    for (const q of queries) {
      for (const key of q.keys) for (const h of this.stored.get(key) ?? []) if (isSignatureCompatible(q.idSig, h.idSig)) persons.add(h.personId);
    }
    return [...persons];
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
    if (keys.some((k) => !this.stored.has(k))) await this.prefetch([query]);
    const persons = new Set<number>();
    for (const key of keys) {
      // The stored signature is current for persons this chunk left alone; those it touched are in inChunk.
      for (const h of this.stored.get(key) ?? []) if (isSignatureCompatible(idSig, h.idSig)) persons.add(h.personId);
      for (const id of this.inChunk.get(key) ?? []) persons.add(id);
    }
    const candidates: PersonCandidate[] = [];
    for (const personId of [...persons].sort((a, b) => a - b)) {
      const now = await this.personNow(personId);
      if (!now.record.name || !isSignatureCompatible(idSig, now.idSig) || !keys.some((k) => now.keys.has(k))) continue;
      if (await skip(personId)) continue;
      candidates.push({ personId, record: now.record });
    }
    return candidates;
  }

  private async personNow(personId: number): Promise<PersonNow> {
    let hit = this.now.get(personId);
    if (!hit) {
      const record = linkRecordOfGolden(personId, await this.goldenNow(personId));
      hit = { record, keys: new Set(linkKeyHashes(record)), idSig: idSignature(record.idNumber) };
      this.now.set(personId, hit);
    }
    return hit;
  }
}
