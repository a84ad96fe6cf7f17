import { classify, hasValidIdCheck, scorePair, toProbability, type LinkRecord } from '../linkage/index.js';
import { maskIdNumber } from '../persons/persons.queries.js';
import type { LinkEvidence } from './match-child.js';
import { REGISTRY_LINKAGE_MODEL } from './registry-linkage-model.js';

/** A person the record may be: their golden record as the engine reads it. */
export interface PersonCandidate {
  personId: number;
  record: LinkRecord;
}

export type PersonMatch = { kind: 'match' | 'review'; personId: number; score: number; evidence: LinkEvidence[] } | { kind: 'none' };

const MODEL = REGISTRY_LINKAGE_MODEL;
const ID_COMPARISON = MODEL.comparisons.findIndex((c) => c.name === 'id_number');
const ID_LEVELS = MODEL.comparisons[ID_COMPARISON]!.levels;
const ONE_DIGIT_WEIGHT = Math.log2(ID_LEVELS[1]!.m / ID_LEVELS[1]!.u);
const DIFFERENT_VALID_WEIGHT = Math.log2(ID_LEVELS[4]!.m / ID_LEVELS[4]!.u);

const FIELD_OF: Record<string, keyof LinkRecord> = { name: 'name', birth_date: 'birthDate', sex: 'sex', id_number: 'idNumber', division: 'division', address: 'address' };

/**
 * Finds which known person a record without a found ID number is, with the registry's fixed
 * Fellegi–Sunter model: the best-scoring candidate at or above the upper threshold is a match,
 * between the thresholds a review; below, none. Rules the score cannot break:
 * - both must have a name (a birth date and a place alone fit too many people);
 * - two different valid ID numbers are two people, unless their first 17 digits are one
 *   adjacent swap apart (a typo that software gave a fresh check digit): then the pair weighs
 *   as a one-digit error, but is never linked automatically (at most a review);
 * - a second candidate also above the upper threshold makes it a review (nothing separates them).
 * Ties go to the lower person id, so the outcome never depends on the order of candidates.
 */
export function matchPerson(record: LinkRecord, candidates: readonly PersonCandidate[]): PersonMatch {
  if (!record.name) return { kind: 'none' };
  const scored: Array<{ personId: number; weight: number; capped: boolean; evidence: LinkEvidence[] }> = [];
  for (const c of candidates) {
    if (!c.record.name) continue;
    const score = scorePair(MODEL, record, c.record);
    let weight = score.weight;
    const a = record.idNumber;
    const b = c.record.idNumber;
    const bothValid = a !== undefined && b !== undefined && a !== b && hasValidIdCheck(a) && hasValidIdCheck(b);
    if (bothValid && !isOneSwapApart(a, b)) continue;
    const evidence = score.evidence.map((e): LinkEvidence => {
      const field = FIELD_OF[e.comparison];
      const shown = (r: LinkRecord) => {
        const v = field ? r[field] : undefined;
        return typeof v === 'string' ? (e.comparison === 'id_number' ? maskIdNumber(v) : v) : null;
      };
      let w = e.weight;
      let labelZh = e.label_zh;
      let labelEn = e.label_en;
      if (bothValid && e.comparison === 'id_number') {
        weight += ONE_DIGIT_WEIGHT - DIFFERENT_VALID_WEIGHT;
        w = ONE_DIGIT_WEIGHT;
        labelZh = '身份证号码：前17位相邻两位颠倒（校验位均有效）';
        labelEn = 'ID number: two adjacent digits swapped (both check digits valid)';
      }
      return { field: e.comparison, a: shown(record), b: shown(c.record), level: e.level, labelZh, labelEn, weight: Math.round(w * 10) / 10 };
    });
    scored.push({ personId: c.personId, weight, capped: bothValid, evidence });
  }
  if (scored.length === 0) return { kind: 'none' };
  scored.sort((x, y) => y.weight - x.weight || x.personId - y.personId);
  const best = scored[0]!;
  const decision = classify({ probability: toProbability(best.weight) }, MODEL.thresholds);
  if (decision === 'non-match') return { kind: 'none' };
  const runnerUp = scored[1];
  const ambiguous = runnerUp !== undefined && classify({ probability: toProbability(runnerUp.weight) }, MODEL.thresholds) === 'match';
  const kind = decision === 'match' && !best.capped && !ambiguous ? 'match' : 'review';
  return { kind, personId: best.personId, score: Math.round(best.weight * 10) / 10, evidence: best.evidence };
}

/** Two 18-character numbers whose first 17 characters differ by one swap of neighbours. */
function isOneSwapApart(a: string, b: string): boolean {
  if (a.length !== 18 || b.length !== 18) return false;
  let first = -1;
  for (let i = 0; i < 17; i += 1) {
    if (a[i] === b[i]) continue;
    if (first >= 0) return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1, 17) === b.slice(i + 1, 17);
    first = i;
  }
  return false;
}
