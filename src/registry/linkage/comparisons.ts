import {
  compareCheckedIds,
  compareCodes,
  compareDates,
  compareDivisions,
  compareHouseholds,
  compareIds,
  compareNames,
  compareTexts,
  type ComparisonKind,
} from './comparison-levels.js';
import type { LinkRecord } from './link-record.js';
import { extraSlot, type PreparedName, type PreparedRecord } from './prepare-record.js';

type NameField = 'fullName' | 'givenName' | 'surname';
type TextField = 'birthDate' | 'idNumber' | 'motherIdNumber' | 'sex' | 'division' | 'address' | 'postcode';

/** `household` reads motherIdNumber, address and division together. */

/** Which prepared field a comparison reads: a core field or `extra.<key>`. */
export type ComparedField = NameField | TextField | 'household' | `extra.${string}`;

/** One comparison of a model: plain data, so a model can be saved as JSON and read back. */
export interface ComparisonDefinition {
  /** Stable key shown in evidence: name, given_name, surname, birth_date, id_number, … or extra.<column>. */
  name: string;
  kind: ComparisonKind;
  field: ComparedField;
  labelZh: string;
  labelEn: string;
  /** Whether an exact agreement is weighted by how common the value is. */
  termFrequency: boolean;
}

const define = (
  name: string,
  kind: ComparisonKind,
  field: ComparedField,
  labelZh: string,
  labelEn: string,
  termFrequency = false,
): ComparisonDefinition => ({
  name,
  kind,
  field,
  labelZh,
  labelEn,
  termFrequency,
});

const CORE: ComparisonDefinition[] = [
  define('name', 'name', 'fullName', '姓名', 'name', true),
  define('surname', 'name', 'surname', '姓', 'surname', true),
  define('given_name', 'name', 'givenName', '名', 'given name', true),
  define('birth_date', 'date', 'birthDate', '出生日期', 'birth date'),
  define('sex', 'sex', 'sex', '性别', 'sex'),
  define('id_number', 'id', 'idNumber', '身份证号码', 'ID number'),
  define('mother_id_number', 'id', 'motherIdNumber', '母亲身份证号码', "mother's ID number"),
  define('division', 'division', 'division', '行政区划', 'division'),
  define('address', 'text', 'address', '住址', 'address', true),
  define('household', 'household', 'household', '户（母亲、住址、区划）', 'household (mother, address, division)'),
  define('postcode', 'code', 'postcode', '邮政编码', 'postcode'),
];

/** How the records give names: `split` have a given name or surname, `whole` a full name. */
export interface NameShape {
  split: number;
  whole: number;
}

/** Adds one record to a NameShape (selectComparisons compares names whole or split by these counts). */
export function countNameShape(shape: NameShape, record: LinkRecord): void {
  if (record.givenName || record.surname) shape.split += 1;
  if (record.name) shape.whole += 1;
}

/** The NameShape of records held in memory. */
export function nameShapeOf(records: readonly LinkRecord[]): NameShape {
  const shape: NameShape = { split: 0, whole: 0 };
  for (const record of records) countNameShape(shape, record);
  return shape;
}

/** At most this many comparisons: level patterns are packed 3 bits each into one double. */
export const MAX_COMPARISONS = 17;
const MIN_COVERAGE = 0.01;

/**
 * The comparisons worth making on these records: every field present in at least 1 % of them.
 * Names are compared as one full name, unless most records split them into given and surname
 * (FEBRL), in which case the two parts are compared separately.
 */
export function selectComparisons(names: NameShape, prepared: readonly PreparedRecord[]): ComparisonDefinition[] {
  const { split, whole } = names;
  const needed = Math.max(1, prepared.length * MIN_COVERAGE);
  // Counted only until the coverage is reached, usually within the first few percent of the records.
  const present = (field: ComparedField) => {
    let seen = 0;
    for (let i = 0; i < prepared.length && seen < needed; i += 1)
      if (readField(prepared[i]!, field) !== undefined) seen += 1;
    return seen >= needed;
  };
  const household = present('motherIdNumber') || present('division');
  const chosen = CORE.filter((c) => {
    if (c.name === 'name') return whole >= split && present('fullName');
    if (c.name === 'household') return household;
    if (c.name === 'mother_id_number' || c.name === 'division' || c.name === 'address')
      return !household && present(c.field);
    if (c.name === 'surname' || c.name === 'given_name') return split > whole && present(c.field);
    return present(c.field);
  });
  const extraKeys = new Set<string>();
  for (const p of prepared) if (p.extra.size > 0) for (const key of p.extra.keys()) extraKeys.add(key);
  for (const key of [...extraKeys].sort()) {
    const field = `extra.${key}` as const;
    if (present(field)) chosen.push(define(field, 'text', field, key, key));
  }
  return chosen.slice(0, MAX_COMPARISONS);
}

/** The value a comparison reads from a prepared record, or undefined when missing. */
export function readField(record: PreparedRecord, field: ComparedField): PreparedName | string | undefined {
  if (field.startsWith('extra.')) return record.extra.get(field.slice(6));
  if (field === 'household') return record.motherIdNumber ?? record.address ?? record.division;
  return record[field as NameField | TextField];
}

/** A function giving the level of one comparison for a pair (-1 when either value is missing). */
export type Comparator = (a: PreparedRecord, b: PreparedRecord) => number;

const comparators = new WeakMap<ComparisonDefinition, Comparator>();

/** The level of one comparison for a pair, or -1 when either value is missing. */
export function compareField(comparison: ComparisonDefinition, a: PreparedRecord, b: PreparedRecord): number {
  return comparatorOf(comparison)(a, b);
}

/** The comparison as a function, built once per definition object (for loops over many pairs). */
export function comparatorOf(comparison: ComparisonDefinition): Comparator {
  const hit = comparators.get(comparison);
  if (hit) return hit;
  const made = makeComparator(comparison);
  comparators.set(comparison, made);
  return made;
}

/**
 * One function per field with the property read written out: a shared generic closure reading
 * `record[field]` made every call site megamorphic and cost more than the comparisons.
 */
const FIELD_COMPARATORS: Partial<Record<ComparisonKind, Partial<Record<ComparedField, Comparator>>>> = {
  name: {
    fullName: (a, b) => (a.fullName && b.fullName ? compareNames(a.fullName, b.fullName) : -1),
    givenName: (a, b) => (a.givenName && b.givenName ? compareNames(a.givenName, b.givenName) : -1),
    surname: (a, b) => (a.surname && b.surname ? compareNames(a.surname, b.surname) : -1),
  },
  date: { birthDate: (a, b) => (a.birthDate && b.birthDate ? compareDates(a.birthDate, b.birthDate) : -1) },
  id: {
    idNumber: (a, b) =>
      a.idNumber && b.idNumber ? compareCheckedIds(a.idNumber, a.idValid, b.idNumber, b.idValid) : -1,
    motherIdNumber: (a, b) =>
      a.motherIdNumber && b.motherIdNumber
        ? compareCheckedIds(a.motherIdNumber, a.motherIdValid, b.motherIdNumber, b.motherIdValid)
        : -1,
  },
  sex: { sex: (a, b) => (a.sex && b.sex ? (a.sex === b.sex ? 0 : 1) : -1) },
  division: { division: (a, b) => (a.division && b.division ? compareDivisions(a.division, b.division) : -1) },
  text: { address: (a, b) => (a.address && b.address ? compareTexts(a.address, b.address) : -1) },
  code: { postcode: (a, b) => (a.postcode && b.postcode ? compareCodes(a.postcode, b.postcode) : -1) },
  household: { household: compareHouseholds },
};

function makeComparator(comparison: ComparisonDefinition): Comparator {
  const special = FIELD_COMPARATORS[comparison.kind]?.[comparison.field];
  if (special) return special;
  const field = comparison.field;
  const levelOf = STRING_LEVELS[comparison.kind];
  if (field.startsWith('extra.')) {
    const slot = extraSlot(field.slice(6));
    return (a, b) => {
      const x = a.extraValues[slot];
      const y = b.extraValues[slot];
      return x === undefined || y === undefined ? -1 : levelOf(x, y);
    };
  }
  return (a, b) => {
    const x = readField(a, field);
    const y = readField(b, field);
    if (x === undefined || y === undefined) return -1;
    return levelOf(typeof x === 'string' ? x : x.text, typeof y === 'string' ? y : y.text);
  };
}

const STRING_LEVELS: Record<ComparisonKind, (a: string, b: string) => number> = {
  name: compareTexts,
  date: compareDates,
  id: compareIds,
  sex: (a, b) => (a === b ? 0 : 1),
  division: compareDivisions,
  code: compareCodes,
  text: compareTexts,
  household: () => -1,
};

/** The value whose frequency adjusts an exact agreement (the normalised text). */
export function termValue(comparison: ComparisonDefinition, record: PreparedRecord): string | undefined {
  const value = readField(record, comparison.field);
  return typeof value === 'string' ? value : value?.text;
}
