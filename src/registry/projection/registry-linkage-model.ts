import { DEFAULT_THRESHOLDS, LEVELS, type ComparisonKind, type LinkageModel, type ModelComparison } from '../linkage/index.js';

/**
 * m and u per level, strongest agreement first (the order of LEVELS[kind]). m = P(level | same
 * person), u = P(level | two different persons of one district). Fixed, not estimated: the
 * projection must link the same way whatever the registry held when a record arrived, so that
 * a rebuild gives exactly the registry incremental projection built (docs/LINKAGE.md explains
 * each figure).
 */
const PARAMETERS: Array<{ name: string; kind: ComparisonKind; field: ModelComparison['field']; labelZh: string; labelEn: string; m: number[]; u: number[] }> = [
  // same characters · same pinyin · fuzzy pinyin · JW ≥ 0.92 · JW ≥ 0.80 · other
  { name: 'name', kind: 'name', field: 'fullName', labelZh: '姓名', labelEn: 'name', m: [0.9, 0.05, 0.02, 0.015, 0.01, 0.005], u: [1e-3, 2e-3, 3e-3, 5e-3, 0.02, 0.969] },
  // same · day/month swapped · one digit or swap · within a year · other
  { name: 'birth_date', kind: 'date', field: 'birthDate', labelZh: '出生日期', labelEn: 'birth date', m: [0.95, 0.01, 0.02, 0.01, 0.01], u: [3e-5, 1e-5, 5e-4, 0.011, 0.98846] },
  { name: 'sex', kind: 'sex', field: 'sex', labelZh: '性别', labelEn: 'sex', m: [0.98, 0.02], u: [0.5, 0.5] },
  // same · one digit or swap · two edits · other · two different valid numbers
  { name: 'id_number', kind: 'id', field: 'idNumber', labelZh: '身份证号码', labelEn: 'ID number', m: [0.95, 0.02, 0.01, 0.019, 0.001], u: [1e-6, 1e-6, 1e-5, 0.01, 0.989988] },
  // village · town · county · other
  { name: 'division', kind: 'division', field: 'division', labelZh: '行政区划', labelEn: 'division', m: [0.8, 0.1, 0.08, 0.02], u: [0.005, 0.1, 0.85, 0.045] },
  // same · JW ≥ 0.92 · ≥ 0.80 · other
  { name: 'address', kind: 'text', field: 'address', labelZh: '住址', labelEn: 'address', m: [0.4, 0.3, 0.15, 0.15], u: [1e-3, 2e-3, 0.02, 0.977] },
];

/**
 * λ: the prior that a record and one person sharing a blocking key are the same, taken as one
 * in 100,000 (a district of 10⁵–10⁶ persons, most records of whom do find their person).
 */
const LAMBDA = 1e-5;

/** The Fellegi–Sunter model the registry projection links records without a found ID number with. */
export const REGISTRY_LINKAGE_MODEL: LinkageModel = {
  version: 1,
  comparisons: PARAMETERS.map(({ m, u, ...c }) => ({
    ...c,
    termFrequency: false,
    levels: LEVELS[c.kind].map((label, i) => ({ ...label, m: m[i]!, u: u[i]! })),
  })),
  lambda: LAMBDA,
  termFrequencies: {},
  thresholds: DEFAULT_THRESHOLDS,
  training: { records: 0, candidatePairs: 0, uSamplePairs: 0, sessions: [] },
};
