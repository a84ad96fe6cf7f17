import type { Kysely } from 'kysely';
import type { Database, PersonRecordTable, PersonRelationTable, PersonTable } from '../../platform/db/index.js';
import { registryEffectOf, type RoleEffect, type RoleName } from '../effects/registry-effects.js';
import { nameKey } from '../persons/name-key.js';
import { derivePersonState } from '../persons/person-state.js';
import { pickGolden, type FactClaim, type Golden } from '../persons/survivorship.js';
import { deleteBlockingKeys, storedKey, storedKeysToDelete } from './blocking-keys.repository.js';
import { ChunkCandidates } from './chunk-candidates.js';
import { matchChild, type ChildDescriptor, type LinkEvidence } from './match-child.js';
import { idSignature, linkKeyHashes, linkRecordOfGolden, linkRecordOfRole } from './person-link-record.js';
import { matchPerson } from './person-matcher.js';
import { hasParent, takeMergedPerson } from './person-merge.repository.js';
import { registryAppends, type AppendConnection } from './registry-appends.js';
import type { RunIdNumbers } from './run-id-numbers.js';
import type { StoredKeyFilter } from './stored-key-filter.js';
import {
  childrenOf,
  deleteRecordLinks,
  existingPersons,
  linksOfRecord,
  personOfRecord,
  personsByIdNumber,
  recordsOfPersons,
  updatePerson,
  type ChildCandidate,
} from './registry.repository.js';

const ROLE_ORDER: readonly RoleName[] = ['subject', 'mother', 'father', 'child', 'husband', 'wife', 'spouse', 'adopter', 'adopter_spouse', 'legal_rep'];
const ROLE_SLOTS = 16;

/** A ledger entry as the projection reads it. */
export interface LedgerEntry {
  seq: number;
  org_code: string;
  type: string;
  record_id: string;
  action: string;
  event_date: string | null;
  payload: string;
}

/** An active record-level decision by a reviewer: these two records are (not) the same person. */
export interface LinkDecision {
  kind: 'same' | 'different';
  seqA: number;
  roleA: string;
  seqB: number;
  roleB: string;
}

/** What a projection run lends its chunks: the transaction's connection for appends, and its key filter. */
export interface ProjectionRun extends AppendConnection {
  /** What the key table may hold, when the run knows; the keys each chunk writes are added to it. */
  keyFilter?: StoredKeyFilter;
  /** Every active person's ID number, when the run began on an empty registry and keeps them (the index is left out). */
  idNumbers?: RunIdNumbers;
}

export interface ReviewTask {
  seq: number;
  role: string;
  personId: number;
  candidateId: number;
  score: number;
  evidence: LinkEvidence[];
}

interface PendingRecord extends PersonRecordTable {
  entry: LedgerEntry;
  payload: Record<string, string | number>;
  effect: RoleEffect;
}

/**
 * Projects one chunk of ledger entries onto the registry inside the caller's transaction:
 * links every person a record is about (exact ID number; a newborn without one through its
 * mother, birth date, sex and name; reviewer decisions first), records relations, and
 * recomputes the golden record and state of every person touched. Person ids are handed out
 * in ledger order, so projecting the same ledger again gives the same registry.
 */
export class ChunkProjector {
  private readonly byId = new Map<string, number>();
  private readonly pending: PendingRecord[] = [];
  private readonly relations: PersonRelationTable[] = [];
  private readonly touched = new Set<number>();
  /** This chunk's records by person, and children by parent (indexes over `pending` and `relations`). */
  private readonly pendingByPerson = new Map<number, PendingRecord[]>();
  private readonly childrenInChunk = new Map<number, Set<number>>();
  /** Stored persons who lost links in this chunk (recomputed from all their records). */
  private readonly retracted = new Set<number>();
  /** Children of parents as stored before this chunk, read once per parent. */
  private readonly storedChildren = new Map<number, ChildCandidate[]>();
  /** Persons created in this chunk (their records are all in `pending`). */
  private readonly created = new Map<number, number>();
  /** Stored persons this chunk merged into another (deleted; followers still hear of them). */
  private readonly mergedAway = new Set<number>();
  /** Stored persons' claims as the database holds them now (golden record, or all records once retracted). */
  private readonly storedClaims = new Map<number, FactClaim[]>();
  private readonly candidates: ChunkCandidates;
  /** Each entry's payload, parsed once; each named role's blocking keys, computed once ("seq role"). */
  private readonly payloads = new Map<number, Record<string, string | number>>();
  private readonly roleKeys = new Map<string, readonly number[]>();
  readonly reviews: ReviewTask[] = [];

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly orgTypes: ReadonlyMap<string, string>,
    private readonly districtCode: string,
    private readonly decisions: readonly LinkDecision[],
    private readonly run: ProjectionRun = {},
  ) {
    this.candidates = new ChunkCandidates(trx, (personId) => this.goldenNow(personId), run.keyFilter);
  }

  /**
   * Looks up, in one go, the persons of every ID number the chunk mentions, and the stored
   * persons sharing a blocking key with a record that may need the probabilistic matcher.
   */
  async prefetch(entries: readonly LedgerEntry[]): Promise<void> {
    const ids = new Set<string>();
    const named: Array<{ idNumber: string | undefined; keys: readonly number[]; idSig: number }> = [];
    for (const entry of entries) {
      const effect = registryEffectOf(entry.type);
      if (!effect) continue;
      const payload = this.payloadOf(entry);
      for (const role of effect.roles) {
        const value = role.idField ? payload[role.idField] : undefined;
        if (typeof value === 'string' && value) ids.add(value);
        const record = linkRecordOfRole(role, payload);
        if (!record.name) continue;
        const keys = linkKeyHashes(record);
        this.roleKeys.set(`${entry.seq} ${role.role}`, keys);
        named.push({ idNumber: record.idNumber, keys, idSig: idSignature(record.idNumber) });
      }
    }
    const held = this.run.idNumbers ? this.run.idNumbers.lookup(ids) : await personsByIdNumber(this.trx, [...ids]);
    for (const [id, person] of held) this.byId.set(id, person);
    const queries = named.filter((r) => r.keys.length > 0 && (!r.idNumber || !this.byId.has(r.idNumber)));
    if (queries.length === 0) return;
    // The matcher will run: read the golden records it compares with (candidates, and the persons
    // this chunk's ID numbers touch) in batches rather than one by one.
    const persons = [...(await this.candidates.prefetch(queries)), ...this.byId.values()];
    await this.loadStoredClaims(persons);
  }

  private payloadOf(entry: LedgerEntry): Record<string, string | number> {
    let payload = this.payloads.get(entry.seq);
    if (!payload) {
      payload = JSON.parse(entry.payload) as Record<string, string | number>;
      this.payloads.set(entry.seq, payload);
    }
    return payload;
  }

  async apply(entry: LedgerEntry): Promise<void> {
    if (entry.action === 'correct' || entry.action === 'cancel') await this.retract(entry);
    if (entry.action === 'cancel') return;
    const effect = registryEffectOf(entry.type);
    if (!effect) return;
    const payload = this.payloadOf(entry);
    const linked = new Map<RoleName, number>();
    // Parents first: a child without an ID number is found through its mother.
    for (const role of [...effect.roles.filter((r) => !r.parentRole), ...effect.roles.filter((r) => r.parentRole)]) {
      const personId = await this.link(entry, payload, role, linked);
      if (personId !== null) linked.set(role.role, personId);
    }
    for (const rel of effect.relations ?? []) {
      const from = linked.get(rel.from);
      const to = linked.get(rel.to);
      if (from === undefined || to === undefined || from === to) continue;
      const date = rel.dateField ? String(payload[rel.dateField] ?? '') || null : null;
      this.relations.push({ seq: entry.seq, person_id: from, kind: rel.kind, other_id: to, since: rel.ends ? null : date, until: rel.ends ? date : null });
      if (rel.kind === 'mother' || rel.kind === 'father') {
        const children = this.childrenInChunk.get(to) ?? new Set<number>();
        children.add(from);
        this.childrenInChunk.set(to, children);
      }
      this.touched.add(from);
      this.touched.add(to);
    }
  }

  /** Removes the links and relations of the earlier versions of a corrected or cancelled record. */
  private async retract(entry: LedgerEntry): Promise<void> {
    const sameRecord = (r: PersonRecordTable) => r.org_code === entry.org_code && r.type === entry.type && r.record_id === entry.record_id;
    const seqs = new Set<number>();
    for (let i = this.pending.length - 1; i >= 0; i -= 1) {
      const r = this.pending[i]!;
      if (!sameRecord(r)) continue;
      seqs.add(r.seq);
      this.touched.add(r.person_id);
      this.candidates.touch(r.person_id);
      this.pending.splice(i, 1);
      const mine = this.pendingByPerson.get(r.person_id);
      if (mine) this.pendingByPerson.set(r.person_id, mine.filter((x) => x !== r));
    }
    const unlinked: PersonRelationTable[] = [];
    for (let i = this.relations.length - 1; i >= 0; i -= 1) {
      const rel = this.relations[i]!;
      if (!seqs.has(rel.seq)) continue;
      this.relations.splice(i, 1);
      unlinked.push(rel);
    }
    // A child stays the parent's while another of the chunk's records still says so (a vaccination).
    const isParent = (rel: PersonRelationTable) => (other: PersonRelationTable) =>
      other.person_id === rel.person_id && other.other_id === rel.other_id && (other.kind === 'mother' || other.kind === 'father');
    for (const rel of unlinked) if (!this.relations.some(isParent(rel))) this.childrenInChunk.get(rel.other_id)?.delete(rel.person_id);
    const stored = await linksOfRecord(this.trx, entry.org_code, entry.type, entry.record_id);
    for (const r of stored) {
      this.touched.add(Number(r.person_id));
      this.retracted.add(Number(r.person_id));
      this.storedClaims.delete(Number(r.person_id));
      this.candidates.touch(Number(r.person_id));
    }
    if (stored.length > 0) {
      await deleteRecordLinks(this.trx, [...new Set(stored.map((r) => Number(r.seq)))]);
      // Children read before this hold the retracted record among their sources: a corrected birth
      // report would find its own child "already reported by this source" and make a second one.
      this.storedChildren.clear();
    }
  }

  private async link(entry: LedgerEntry, payload: Record<string, string | number>, role: RoleEffect, linked: Map<RoleName, number>): Promise<number | null> {
    const field = (key: string | undefined) => (key === undefined ? undefined : key.startsWith('=') ? key.slice(1) : payload[key] === undefined ? undefined : String(payload[key]));
    const idNumber = field(role.idField) || undefined;
    const decided = await this.decidedPerson(entry.seq, role.role);
    let personId: number | null = decided;
    let method = decided !== null ? 'decision' : 'id';
    let score: number | null = null;
    if (personId === null && idNumber) personId = this.byId.get(idNumber) ?? null;
    const throughParent = role.parentRole !== undefined && linked.has(role.parentRole);
    const child: ChildDescriptor = { idNumber, name: field(role.nameField), sex: field(role.sexField), birthDate: field(role.birthDateField), source: `${entry.org_code} ${entry.type}`, onePerRecord: role.onePerRecord === true };
    if (personId !== null && idNumber && role.parentRole !== undefined) {
      if (decided !== null) personId = await this.joinIdHolder(idNumber, personId);
      else if (throughParent) personId = await this.joinNewborn(entry.seq, role.role, child, linked.get(role.parentRole)!, personId, role.parentRole);
    }
    if (personId === null && throughParent) {
      const candidates = [];
      const known = child.birthDate ? await this.childCandidates(linked.get(role.parentRole)!, child.birthDate) : [];
      for (const c of known) if (!(await this.isDecidedDifferent(entry.seq, role.role, c.personId))) candidates.push(c);
      const match = matchChild(child, candidates);
      if (match.kind === 'match') {
        personId = match.personId;
        method = 'match';
        score = match.score;
      } else if (match.kind === 'review') {
        personId = this.createPerson(entry.seq, role.role);
        this.reviews.push({ seq: entry.seq, role: role.role, personId, candidateId: match.personId, score: match.score, evidence: match.evidence });
        method = 'new';
      }
    }
    if (personId === null && !throughParent) {
      const found = await this.matchProbabilistically(entry.seq, role, payload, linked);
      if (found) ({ personId, method, score } = found);
    }
    if (personId === null) {
      if (!idNumber && !role.createWithoutId) return null;
      personId = this.createPerson(entry.seq, role.role);
      method = 'new';
    }
    if (idNumber && !this.byId.has(idNumber)) this.byId.set(idNumber, personId);
    const record: PendingRecord = {
      seq: entry.seq,
      role: role.role,
      person_id: personId,
      org_code: entry.org_code,
      type: entry.type,
      record_id: entry.record_id,
      method,
      score,
      entry,
      payload,
      effect: role,
    };
    this.pending.push(record);
    const mine = this.pendingByPerson.get(personId) ?? [];
    mine.push(record);
    this.pendingByPerson.set(personId, mine);
    this.touched.add(personId);
    this.candidates.touch(personId);
    return personId;
  }

  /**
   * Issue 5: a child found by ID number whose record also names its mother, who is not yet known
   * as that mother's: the mother may have a newborn reported without an ID number (a hospital
   * birth report) that nothing could tie to the person the ID number found (a vaccination with
   * the number but neither the mother nor a name). The record is judged against the mother's
   * other children of its birth date exactly as if its number had found no one (`matchChild`):
   * a match with a newborn without an ID number merges the two persons; a review leaves them
   * apart with a review task (twins nothing separates); returns the person the record is now.
   */
  private async joinNewborn(seq: number, role: RoleName, child: ChildDescriptor, parentId: number, personId: number, kind: RoleName): Promise<number> {
    if (!child.birthDate || (await this.isChildOf(personId, parentId))) return personId;
    // A child known with another mother: this record or an earlier one is wrong about her; no merge on it.
    if (await hasParent(this.trx, personId, kind, this.relations)) return personId;
    const candidates = [];
    for (const c of await this.childCandidates(parentId, child.birthDate)) {
      if (c.personId !== personId && !(await this.isDecidedDifferent(seq, role, c.personId))) candidates.push(c);
    }
    const match = matchChild(child, candidates);
    if (match.kind === 'none' || candidates.find((c) => c.personId === match.personId)!.idNumber !== null) return personId;
    if (match.kind === 'match') return this.mergePersons(personId, match.personId);
    this.reviews.push({ seq, role, personId, candidateId: match.personId, score: match.score, evidence: match.evidence });
    return personId;
  }

  /**
   * A reviewer linked this record to `personId`, and its ID number belongs to another person (a
   * review `joinNewborn` opened, decided): when `personId` has no ID number of its own the two
   * are one, and are merged. Returns the person the record is now.
   */
  private async joinIdHolder(idNumber: string, personId: number): Promise<number> {
    const holder = this.byId.get(idNumber);
    if (holder === undefined || holder === personId || (await this.goldenNow(personId)).id_number) return personId;
    return this.mergePersons(holder, personId);
  }

  /** Whether the person is already known as the parent's child (stored, or by this chunk's records). */
  private async isChildOf(personId: number, parentId: number): Promise<boolean> {
    if (this.childrenInChunk.get(parentId)?.has(personId)) return true;
    return !this.created.has(parentId) && (await this.storedChildrenOf(parentId)).some((c) => c.personId === personId);
  }

  /**
   * Makes two persons one: the later-created one's records, relations and ID number go to the
   * earlier one (the id it keeps does not depend on chunks), and the later one is deleted. A
   * stored person's record links come into the chunk, to be written again under the survivor.
   */
  private async mergePersons(a: number, b: number): Promise<number> {
    const survivor = Math.min(a, b);
    const loser = Math.max(a, b);
    if (!this.created.has(loser)) {
      const { records, related } = await takeMergedPerson(this.trx, loser, survivor);
      const mine = this.pendingByPerson.get(loser) ?? [];
      for (const r of records) {
        const effect = registryEffectOf(r.type)?.roles.find((x) => x.role === r.role);
        if (!effect) continue;
        const entry: LedgerEntry = { seq: r.seq, org_code: r.org_code, type: r.type, record_id: r.record_id, action: r.action, event_date: r.event_date, payload: r.payload };
        const record: PendingRecord = { seq: r.seq, role: r.role, person_id: loser, org_code: r.org_code, type: r.type, record_id: r.record_id, method: r.method, score: r.score, entry, payload: this.payloadOf(entry), effect };
        this.pending.push(record);
        mine.push(record);
      }
      this.pendingByPerson.set(loser, mine);
      for (const other of related) this.touched.add(other);
      this.mergedAway.add(loser);
    }
    for (const r of this.pendingByPerson.get(loser) ?? []) r.person_id = survivor;
    this.pendingByPerson.set(survivor, [...(this.pendingByPerson.get(survivor) ?? []), ...(this.pendingByPerson.get(loser) ?? [])]);
    this.pendingByPerson.delete(loser);
    for (let i = this.relations.length - 1; i >= 0; i -= 1) {
      const rel = this.relations[i]!;
      if (rel.person_id === loser) rel.person_id = survivor;
      if (rel.other_id === loser) rel.other_id = survivor;
      if (rel.person_id === rel.other_id) this.relations.splice(i, 1);
    }
    for (const [parent, children] of this.childrenInChunk) {
      if (children.delete(loser)) children.add(survivor);
      if (parent !== loser) continue;
      this.childrenInChunk.delete(loser);
      this.childrenInChunk.set(survivor, new Set([...(this.childrenInChunk.get(survivor) ?? []), ...children].filter((c) => c !== survivor)));
    }
    for (const [idNumber, person] of this.byId) if (person === loser) this.byId.set(idNumber, survivor);
    // The loser is gone: no claims, no candidate; the parents' stored children changed.
    this.storedClaims.set(loser, []);
    this.created.delete(loser);
    this.retracted.delete(loser);
    this.touched.delete(loser);
    this.touched.add(survivor);
    this.storedChildren.clear();
    this.candidates.touch(loser);
    this.candidates.touch(survivor);
    return survivor;
  }

  /**
   * The probabilistic matcher, for a role whose ID number is missing or finds no person: the
   * persons sharing a blocking key, scored by the registry's model (person-matcher.ts). A match
   * links; a review creates the person and a review task (they stay apart until decided); null
   * when nothing comes close.
   */
  private async matchProbabilistically(
    seq: number,
    role: RoleEffect,
    payload: Record<string, string | number>,
    linked: ReadonlyMap<RoleName, number>,
  ): Promise<{ personId: number; method: string; score: number | null } | null> {
    const record = linkRecordOfRole(role, payload);
    const keys = this.roleKeys.get(`${seq} ${role.role}`) ?? linkKeyHashes(record);
    if (keys.length === 0) return null;
    const others = new Set(linked.values());
    // One record is never about one person twice; a reviewer's "not a match" is remembered.
    const candidates = await this.candidates.find({ keys, idSig: idSignature(record.idNumber) }, async (personId) => others.has(personId) || (await this.isDecidedDifferent(seq, role.role, personId)));
    const match = matchPerson(record, candidates);
    if (match.kind === 'none') return null;
    if (match.kind === 'match') return { personId: match.personId, method: 'match', score: match.score };
    const personId = this.createPerson(seq, role.role);
    this.reviews.push({ seq, role: role.role, personId, candidateId: match.personId, score: match.score, evidence: match.evidence });
    return { personId, method: 'new', score: null };
  }

  /** A person's golden record as it stands now: stored claims plus this chunk's records. */
  private async goldenNow(personId: number): Promise<Golden> {
    const claims = [...(await this.storedClaimsOf(personId))];
    for (const r of this.pendingByPerson.get(personId) ?? []) claims.push(...this.claimsOf(r.seq, r.org_code, r.type, r.entry.event_date, r.payload, r.effect));
    return pickGolden(claims);
  }

  private async storedClaimsOf(personId: number): Promise<FactClaim[]> {
    if (this.created.has(personId)) return [];
    if (!this.storedClaims.has(personId)) await this.loadStoredClaims([personId]);
    return this.storedClaims.get(personId) ?? [];
  }

  /** Reads stored persons' claims: the golden record, or every remaining record of a person who lost one. */
  private async loadStoredClaims(personIds: readonly number[]): Promise<void> {
    const wanted = [...new Set(personIds)].filter((id) => !this.created.has(id) && !this.storedClaims.has(id));
    const retracted = wanted.filter((id) => this.retracted.has(id));
    const kept = wanted.filter((id) => !this.retracted.has(id));
    for (const id of wanted) this.storedClaims.set(id, []);
    for (const r of await recordsOfPersons(this.trx, retracted)) {
      const role = registryEffectOf(r.type)?.roles.find((x) => x.role === r.role);
      if (role) this.storedClaims.get(Number(r.person_id))!.push(...this.claimsOf(Number(r.seq), r.org_code, r.type, r.event_date, JSON.parse(r.payload) as Record<string, string | number>, role));
    }
    for (const [id, known] of await existingPersons(this.trx, kept)) this.storedClaims.set(id, this.goldenClaims(known.golden));
  }

  /** The facts a record states about the person in one role. */
  private claimsOf(seq: number, orgCode: string, type: string, eventDate: string | null, payload: Record<string, string | number>, role: RoleEffect): FactClaim[] {
    const list: FactClaim[] = [];
    for (const [fact, source] of Object.entries(role.facts)) {
      const value = source.startsWith('=') ? source.slice(1) : payload[source];
      if (value === undefined || value === '') continue;
      list.push({ fact: fact as FactClaim['fact'], value: String(value), seq, orgCode, orgType: this.orgTypes.get(orgCode) ?? '', type, on: eventDate ?? '' });
    }
    return list;
  }

  /** A stored golden record as claims: its winners stand for all the records that made it. */
  private goldenClaims(golden: Golden): FactClaim[] {
    return Object.entries(golden).map(([fact, g]) => ({ fact: fact as FactClaim['fact'], value: g.v, seq: g.seq, orgCode: g.org, orgType: this.orgTypes.get(g.org) ?? '', type: g.type, on: g.on }));
  }

  /**
   * A new person's id comes from the record that first mentions them (its sequence number and
   * role), not from a counter: a person keeps their id through rebuilds, also when reviewer
   * decisions merge or split others.
   */
  private createPerson(seq: number, role: RoleName): number {
    const id = seq * ROLE_SLOTS + ROLE_ORDER.indexOf(role);
    this.created.set(id, seq);
    return id;
  }

  /** The person a reviewer said this record belongs with (the other record's person), if linked already. */
  private async decidedPerson(seq: number, role: string): Promise<number | null> {
    for (const person of await this.decidedOthers('same', seq, role)) if (person !== null) return person;
    return null;
  }

  /** Whether a reviewer said this record is not the person `personId` (one of whose records they compared). */
  private async isDecidedDifferent(seq: number, role: string, personId: number): Promise<boolean> {
    return (await this.decidedOthers('different', seq, role)).includes(personId);
  }

  /** For each decision of `kind` about record (seq, role): the person the other record is linked to now. */
  private async decidedOthers(kind: LinkDecision['kind'], seq: number, role: string): Promise<Array<number | null>> {
    const persons: Array<number | null> = [];
    for (const d of this.decisions) {
      if (d.kind !== kind) continue;
      const other = d.seqA === seq && d.roleA === role ? ([d.seqB, d.roleB] as const) : d.seqB === seq && d.roleB === role ? ([d.seqA, d.roleA] as const) : null;
      if (!other) continue;
      const inChunk = this.pending.find((r) => r.seq === other[0] && r.role === other[1]);
      persons.push(inChunk ? inChunk.person_id : await personOfRecord(this.trx, other[0], other[1]));
    }
    return persons;
  }

  /** Children of a parent born on a day: known to the database, updated with this chunk's records. */
  private async childCandidates(parentId: number, birthDate: string): Promise<ChildCandidate[]> {
    const byPerson = new Map<number, ChildCandidate>();
    if (!this.created.has(parentId)) {
      for (const c of await this.storedChildrenOf(parentId)) if (c.birthDate === birthDate) byPerson.set(c.personId, { ...c, sources: new Set(c.sources) });
    }
    for (const child of this.childrenInChunk.get(parentId) ?? []) {
      const candidate = byPerson.get(child) ?? { personId: child, idNumber: null, name: null, sex: null, birthDate: null, sources: new Set<string>() };
      for (const r of this.pendingByPerson.get(child) ?? []) {
        candidate.sources.add(`${r.org_code} ${r.type}`);
        const value = (key: string | undefined) => (key && !key.startsWith('=') && r.payload[key] !== undefined ? String(r.payload[key]) : null);
        candidate.idNumber ??= value(r.effect.idField);
        candidate.name ??= value(r.effect.nameField);
        candidate.sex ??= r.effect.sexField?.startsWith('=') ? r.effect.sexField.slice(1) : value(r.effect.sexField);
        candidate.birthDate ??= value(r.effect.birthDateField);
      }
      if (candidate.birthDate === birthDate) byPerson.set(child, candidate);
    }
    return [...byPerson.values()];
  }

  /** A stored parent's children as the database holds them, read once per parent and chunk (a mother's records in a chunk may be many). */
  private async storedChildrenOf(parentId: number): Promise<ChildCandidate[]> {
    let stored = this.storedChildren.get(parentId);
    if (!stored) {
      stored = await childrenOf(this.trx, parentId);
      this.storedChildren.set(parentId, stored);
    }
    return stored;
  }

  /** Every person whose records, relations or golden record this chunk changed (created, linked, retracted, merged away). */
  get touchedPersons(): number[] {
    return [...this.touched, ...this.mergedAway];
  }

  /** Writes the chunk: links, relations, and every touched person's golden record and state. */
  async write(): Promise<void> {
    const appends = registryAppends(this.trx, this.run);
    await appends.records(this.pending.map(({ entry: _e, payload: _p, effect: _f, ...row }) => row));
    await appends.relations(this.relations);
    const claims = new Map<number, FactClaim[]>();
    const lastSeq = new Map<number, number>();
    // A person created in this chunk whose golden record a look-up worked out since their last
    // record: the same claims (this chunk's records) give the same golden record and keys.
    const knownNow = new Map<number, { golden: Golden; keys: readonly number[] }>();
    for (const personId of this.created.keys()) {
      const known = this.candidates.knownNow(personId);
      if (known) knownNow.set(personId, known);
    }
    const add = (personId: number, seq: number, orgCode: string, type: string, eventDate: string | null, payload: Record<string, string | number>, role: RoleEffect) => {
      const list = claims.get(personId) ?? [];
      claims.set(personId, list);
      lastSeq.set(personId, Math.max(lastSeq.get(personId) ?? 0, seq));
      if (!knownNow.has(personId)) list.push(...this.claimsOf(seq, orgCode, type, eventDate, payload, role));
    };
    const stored = [...this.touched].filter((id) => !this.created.has(id));
    const existing = await existingPersons(this.trx, stored);
    // A stored person who only gained records: the golden record is a maximum over claims, so
    // the stored winners plus the new claims give what all their records would. A person who
    // lost records (a correction or cancellation) or is unknown is recomputed from every record.
    const full = stored.filter((id) => this.retracted.has(id) || !existing.has(id));
    for (const r of await recordsOfPersons(this.trx, full)) {
      const role = registryEffectOf(r.type)?.roles.find((x) => x.role === r.role);
      if (role) add(Number(r.person_id), Number(r.seq), r.org_code, r.type, r.event_date, JSON.parse(r.payload) as Record<string, string | number>, role);
    }
    const fullSet = new Set(full);
    for (const id of stored) {
      if (fullSet.has(id)) continue;
      const list = claims.get(id) ?? [];
      claims.set(id, list);
      const known = existing.get(id)!;
      lastSeq.set(id, Math.max(lastSeq.get(id) ?? 0, known.updatedSeq));
      list.push(...this.goldenClaims(known.golden));
    }
    for (const r of this.pending) if (!fullSet.has(r.person_id)) add(r.person_id, r.seq, r.org_code, r.type, r.entry.event_date, r.payload, r.effect);
    const inserts: PersonTable[] = [];
    const keyRows: Array<{ key: number; person_id: number; id_sig: number }> = [];
    const rekeyed = new Map<number, number[]>();
    // Merged-away persons are deleted already (a touched one is written again below).
    for (const personId of this.mergedAway) this.run.idNumbers?.delete(personId);
    for (const personId of [...this.touched].sort((a, b) => a - b)) {
      const reused = knownNow.get(personId);
      const golden = reused?.golden ?? pickGolden(claims.get(personId) ?? []);
      const state = derivePersonState(golden, this.districtCode);
      const known = existing.get(personId);
      const row: PersonTable = {
        id: personId,
        // A person left with no record (every record cancelled or corrected away) is kept, retracted.
        status: claims.has(personId) ? 'active' : 'retracted',
        merged_into: null,
        id_number: state.idNumber,
        name: state.name,
        name_key: nameKey(state.name),
        sex: state.sex,
        birth_date: state.birthDate,
        died_on: state.diedOn,
        hukou_division: state.hukouDivision,
        residence_division: state.residenceDivision,
        managing_division: state.managingDivision,
        population: state.population,
        marital_status: state.maritalStatus,
        expected_delivery_on: state.expectedDeliveryOn,
        contraception_method: state.contraceptionMethod,
        household_number: golden.household_number?.v ?? null,
        flags: JSON.stringify(state.flags),
        golden: JSON.stringify(golden),
        created_seq: known?.createdSeq ?? this.created.get(personId) ?? 0,
        updated_seq: lastSeq.get(personId) ?? known?.createdSeq ?? 0,
      };
      if (known) await updatePerson(this.trx, row);
      else inserts.push(row);
      this.run.idNumbers?.set(personId, row.status === 'active' ? row.id_number : null);
      // Blocking keys follow the golden record; most new records leave them as they were.
      const keys = reused?.keys ?? linkKeyHashes(linkRecordOfGolden(personId, golden));
      const idSig = idSignature(state.idNumber);
      const before = known ? linkKeyHashes(linkRecordOfGolden(personId, known.golden)) : [];
      const sigBefore = known ? idSignature(known.golden.id_number?.v) : 0;
      const unchanged = known && idSig === sigBefore && keys.length === before.length && keys.every((k) => before.includes(k));
      if (unchanged) continue;
      if (known) rekeyed.set(personId, storedKeysToDelete(before, sigBefore));
      for (const key of keys) keyRows.push({ key: storedKey(key, idSig), person_id: personId, id_sig: idSig });
    }
    await deleteBlockingKeys(this.trx, rekeyed);
    // In key order: neighbouring keys share index pages.
    keyRows.sort((a, b) => a.key - b.key || a.person_id - b.person_id);
    await appends.persons(inserts);
    await appends.keys(keyRows);
    const filter = this.run.keyFilter;
    if (filter) for (const row of keyRows) filter.add(row.key);
  }
}
