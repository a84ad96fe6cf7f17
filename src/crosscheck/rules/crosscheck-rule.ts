import type { Golden, PersonFlags } from '../../registry/index.js';

/** A ledger record linked to a person, as the rules read it. */
export interface PersonRecordView {
  seq: number;
  role: string;
  orgCode: string;
  /** The submitting organisation's type (health, mch, police, …); empty when unknown. */
  orgType: string;
  type: string;
  recordId: string;
  eventDate: string | null;
  payload: Record<string, unknown>;
  /** One field of the payload (`payload[name]`), read without parsing the whole payload where it can be. */
  field(name: string): unknown;
}

/** One person of the registry with every record linked to them: what a rule evaluates. */
export interface PersonView {
  id: number;
  population: string;
  managingDivision: string | null;
  diedOn: string | null;
  expectedDeliveryOn: string | null;
  /** The golden record's sex, birth date and marital status, as the registry keeps them in columns: a rule tests these before reading `golden`. */
  sex: string | null;
  birthDate: string | null;
  maritalStatus: string | null;
  /** Parsed when a rule first reads it (most persons pass every rule on their columns and records alone). */
  golden: Golden;
  flags: PersonFlags;
  /** The population kind of the person's mother in the registry, when a mother is known. */
  motherPopulation: string | null;
  /** The mother's managing division: a newborn known only from a birth report is managed where she is. */
  motherManagingDivision: string | null;
  records: PersonRecordView[];
  /** The person's children in the registry (persons whose mother or father they are), oldest first. */
  children: ChildView[];
}

/** A child of a person as the registry knows it. */
export interface ChildView {
  id: number;
  birthDate: string | null;
  sex: string | null;
}

/** One ledger entry of a case's evidence, reduced to the fields the rule compared. */
export interface EvidenceEntry {
  seq: number;
  orgCode: string;
  type: string;
  recordId: string;
  eventDate: string | null;
  fields: Record<string, unknown>;
}

/** A contradiction a rule found about a person. */
export interface Finding {
  summary: { en: string; zh: string };
  entries: EvidenceEntry[];
  /** The department whose data is suspect, for rules whose responsible party is that department. */
  suspectOrgCode?: string;
  /** Where the case belongs when the registry knows no managing division for the person (a migrant known only from their business premises). */
  divisionCode?: string;
}

/** Who works a rule's cases. */
export type ResponsibleParty = 'managing_town' | 'suspect_department';

/**
 * A cross-verification rule as data: identity and version, what it compares, how long sources
 * have before a gap counts, who is responsible, how its cases close by themselves; and the check.
 * A changed check is a new version; cases record the version that last evaluated them.
 */
export interface CrosscheckRule {
  id: string;
  version: number;
  description: { zh: string; en: string };
  severity: 'high' | 'medium' | 'low';
  /** Event types compared (the sources). */
  sources: readonly string[];
  /** Days a source has to report before its absence is a contradiction (0: none). */
  graceDays: number;
  /** Days the responsible party has to work a new case. */
  dueDays: number;
  responsible: ResponsibleParty;
  autoClose: { zh: string; en: string };
  /** The contradiction about the person as of `asOf` (YYYY-MM-DD), or null when there is none. */
  check(person: PersonView, asOf: string): Finding | null;
}

/** A record reduced to evidence, keeping only the named payload fields. */
export function evidenceOf(record: PersonRecordView, fields: readonly string[]): EvidenceEntry {
  const kept: Record<string, unknown> = {};
  for (const field of fields) if (record.payload[field] !== undefined) kept[field] = record.payload[field];
  return { seq: record.seq, orgCode: record.orgCode, type: record.type, recordId: record.recordId, eventDate: record.eventDate, fields: kept };
}

/** The date `days` after an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Completed years of age on `isoDate` for a birth date (null when either is unknown). */
export function ageOn(birthDate: string | null | undefined, isoDate: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const years = Number(isoDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return isoDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The distinct children among a person's children in the registry: two persons with one birth
 * date and sex are one child that linkage has not (yet) merged, never twins counted twice.
 */
export function distinctChildren(children: readonly ChildView[]): ChildView[] {
  const seen = new Map<string, ChildView>();
  for (const child of children) {
    const key = child.birthDate && child.sex ? `${child.birthDate} ${child.sex}` : `#${child.id}`;
    if (!seen.has(key)) seen.set(key, child);
  }
  return [...seen.values()];
}
