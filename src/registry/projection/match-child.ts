import { nameKey } from '../persons/name-key.js';
import type { ChildCandidate } from './registry.repository.js';

/** A child as a record describes it (found through its mother). */
export interface ChildDescriptor {
  idNumber: string | undefined;
  name: string | undefined;
  sex: string | undefined;
  birthDate: string | undefined;
  /** `org_code type` of the record. */
  source: string;
  /** Each record of this source is a different child (birth reports), so a child it already reported under another name, or none, is not this one. */
  onePerRecord: boolean;
}

/** One compared field: what was compared, the outcome and its weight in the score. */
export interface LinkEvidence {
  field: string;
  a: string | null;
  b: string | null;
  /** The child matcher's exact · pinyin · different · missing, or a linkage engine level key. */
  level: string;
  labelZh: string;
  labelEn: string;
  weight: number;
}

export type ChildMatch = { kind: 'match' | 'review'; personId: number; score: number; evidence: LinkEvidence[] } | { kind: 'none' };

type ChildLevel = 'exact' | 'pinyin' | 'different' | 'missing';

const LABELS: Record<ChildLevel, [string, string]> = {
  exact: ['一致', 'same'],
  pinyin: ['同音（拼音一致）', 'same pinyin (homophone)'],
  different: ['不一致', 'different'],
  missing: ['缺失', 'missing'],
};

/** Log2 weights of agreement and disagreement per field, for the reviewer's evidence. */
const WEIGHTS = { mother: 8, birthDate: [6, -12], sex: [1, -10], name: [7, 5, -4], id: [10, -20] } as const;

/**
 * Finds which of a mother's known children a record's child is: same birth date and compatible
 * sex are required (twins differ by sex or name; two records of one source are two children);
 * a name or ID number that agrees confirms, one that differs sends the pair to review. Exactly
 * one plausible candidate is a match; two or more that nothing separates go to review.
 */
export function matchChild(child: ChildDescriptor, candidates: readonly ChildCandidate[]): ChildMatch {
  const scored = [];
  for (const c of candidates) {
    // Twins are never given one name: a second record of the source with the same name is the
    // same child sent twice (a duplicate submission under another record id), not a twin.
    const sameName = child.name !== undefined && child.name === c.name;
    if (child.onePerRecord && c.sources.has(child.source) && !sameName) continue;
    if (!child.birthDate || c.birthDate !== child.birthDate) continue;
    if (child.sex && c.sex && child.sex !== c.sex && child.sex !== '0' && c.sex !== '0') continue;
    if (child.idNumber && c.idNumber && child.idNumber !== c.idNumber) continue;
    const evidence: LinkEvidence[] = [
      evidenceOf('mother', 'same', 'same', 'exact', WEIGHTS.mother),
      evidenceOf('birth_date', child.birthDate, c.birthDate, 'exact', WEIGHTS.birthDate[0]),
      evidenceOf('sex', child.sex ?? null, c.sex, child.sex && c.sex ? 'exact' : 'missing', child.sex && c.sex ? WEIGHTS.sex[0] : 0),
    ];
    let nameLevel: ChildLevel = 'missing';
    if (child.name && c.name) nameLevel = child.name === c.name ? 'exact' : nameKey(child.name) === nameKey(c.name) ? 'pinyin' : 'different';
    const nameWeight = nameLevel === 'exact' ? WEIGHTS.name[0] : nameLevel === 'pinyin' ? WEIGHTS.name[1] : nameLevel === 'different' ? WEIGHTS.name[2] : 0;
    evidence.push(evidenceOf('name', child.name ?? null, c.name, nameLevel, nameWeight));
    if (child.idNumber && c.idNumber) evidence.push(evidenceOf('id_number', child.idNumber, c.idNumber, 'exact', WEIGHTS.id[0]));
    const score = evidence.reduce((sum, e) => sum + e.weight, 0);
    scored.push({ personId: c.personId, score, evidence, nameLevel });
  }
  if (scored.length === 0) return { kind: 'none' };
  scored.sort((a, b) => b.score - a.score || a.personId - b.personId);
  const best = scored[0]!;
  const runnerUp = scored[1];
  if (best.nameLevel === 'different') return { kind: 'review', personId: best.personId, score: best.score, evidence: best.evidence };
  if (runnerUp && runnerUp.score >= best.score) return { kind: 'review', personId: best.personId, score: best.score, evidence: best.evidence };
  return { kind: 'match', personId: best.personId, score: best.score, evidence: best.evidence };
}

function evidenceOf(field: string, a: string | null, b: string | null, level: ChildLevel, weight: number): LinkEvidence {
  const [labelZh, labelEn] = LABELS[level];
  return { field, a, b, level, labelZh, labelEn, weight };
}
