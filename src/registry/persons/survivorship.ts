import type { OrgType } from '../../platform/orgs/org-types.js';
import type { FactName } from '../effects/registry-effects.js';

/** One value a source stated about a person: what, which record said it, and when. */
export interface FactClaim {
  fact: FactName;
  value: string;
  seq: number;
  orgCode: string;
  orgType: OrgType | string;
  type: string;
  /** The record's event date (YYYY-MM-DD). */
  on: string;
}

/** The winning value of a fact and the record it came from (the person's provenance). */
export interface GoldenValue {
  v: string;
  seq: number;
  org: string;
  type: string;
  on: string;
}

export type Golden = Partial<Record<FactName, GoldenValue>>;

const IDENTITY: readonly string[] = ['police', 'civil', 'health', 'mch', 'labor', 'commerce', 'town', 'village', 'bureau', 'infocenter'];

/**
 * Per-field survivorship: the departments whose word counts, most authoritative first (police
 * for identity and hukou, hospitals for birth facts, the marriage registry for marital status,
 * …); among equals the latest event wins, then the latest ledger entry. A department not
 * listed ranks after all listed ones.
 */
export const SURVIVORSHIP: Readonly<Record<FactName, readonly string[]>> = {
  id_number: IDENTITY,
  name: IDENTITY,
  sex: IDENTITY,
  birth_date: ['police', 'health', 'mch', 'civil', 'labor', 'commerce', 'town', 'village', 'bureau'],
  ethnicity: IDENTITY,
  died_on: ['police', 'health'],
  hukou_division: ['police'],
  hukou_in_on: ['police'],
  hukou_out_on: ['police'],
  hukou_out_to: ['police'],
  residence_division: ['police', 'town', 'village', 'health', 'mch'],
  residence_permit_from: ['police'],
  residence_permit_to: ['police'],
  address: ['police', 'town', 'village', 'commerce', 'health'],
  marital_status: ['civil', 'police', 'town', 'village', 'labor'],
  married_on: ['civil'],
  divorced_on: ['civil'],
  reported_sons: ['town', 'village', 'labor'],
  reported_daughters: ['town', 'village', 'labor'],
  pregnancy_registered_on: ['town', 'village', 'mch', 'health'],
  expected_delivery_on: ['town', 'village', 'health', 'mch'],
  gave_birth_on: ['health', 'mch', 'town'],
  pregnancy_terminated_on: ['health', 'mch'],
  contraception_method: ['mch', 'health', 'town', 'village'],
  contraception_on: ['mch', 'health', 'town'],
  only_child_insurance: ['labor'],
  two_daughter_pension: ['labor'],
  business_license: ['commerce'],
  birth_permit: ['bureau'],
  birth_service_registered_on: ['bureau'],
  left_district_on: ['police', 'labor'],
  household_number: ['police'],
};

/** Facts whose winner is the latest event whatever the source rank (events, not attributes). */
const LATEST_ANY_SOURCE = new Set<FactName>(['gave_birth_on', 'pregnancy_terminated_on', 'pregnancy_registered_on', 'expected_delivery_on', 'contraception_on']);

function rank(fact: FactName, orgType: string): number {
  if (LATEST_ANY_SOURCE.has(fact)) return 0;
  const index = SURVIVORSHIP[fact].indexOf(orgType);
  return index === -1 ? 99 : index;
}

/** Whether claim `a` beats claim `b` for its fact. */
function beats(a: FactClaim, b: FactClaim): boolean {
  const ra = rank(a.fact, a.orgType);
  const rb = rank(b.fact, b.orgType);
  if (ra !== rb) return ra < rb;
  if (a.on !== b.on) return a.on > b.on;
  return a.seq > b.seq;
}

/** The golden record: for each fact, the winning claim. Deterministic for any order of claims. */
export function pickGolden(claims: readonly FactClaim[]): Golden {
  const winners = new Map<FactName, FactClaim>();
  for (const claim of claims) {
    const current = winners.get(claim.fact);
    if (!current || beats(claim, current)) winners.set(claim.fact, claim);
  }
  const golden: Golden = {};
  for (const fact of [...winners.keys()].sort()) {
    const c = winners.get(fact)!;
    golden[fact] = { v: c.value, seq: c.seq, org: c.orgCode, type: c.type, on: c.on };
  }
  return golden;
}
