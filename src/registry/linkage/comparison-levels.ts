import { NAME_PLACEHOLDER } from './chinese-name.js';
import { hasValidIdCheck } from './id-check.js';
import type { PreparedName, PreparedRecord } from './prepare-record.js';
import { damerauLevenshtein, jaroWinkler, jaroWinklerUpperBound } from './string-similarity.js';

/** A level of a comparison, from strongest agreement to none; `key` is stable, labels are for people. */
export interface LevelLabel {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** The kinds of comparison; each has a fixed list of levels and a function choosing one. */
export type ComparisonKind = 'name' | 'date' | 'id' | 'sex' | 'division' | 'text' | 'code' | 'household';

const level = (key: string, labelZh: string, labelEn: string): LevelLabel => ({ key, labelZh, labelEn });
const OTHER = level('other', '不一致', 'different');

export const LEVELS: Record<ComparisonKind, readonly LevelLabel[]> = {
  name: [
    level('exact', '汉字/字母完全相同', 'same characters'),
    level('same_sound', '拼音相同（同音字、多音字姓氏）', 'same pinyin or letters (homophone)'),
    level('fuzzy_sound', '模糊音相同（z/zh、n/l、an/ang…）', 'same after fuzzy pinyin (z/zh, n/l, an/ang…)'),
    level('jw_92', '高度相似（Jaro-Winkler ≥ 0.92）', 'very similar (Jaro-Winkler ≥ 0.92)'),
    level('jw_80', '相似（Jaro-Winkler ≥ 0.80）', 'similar (Jaro-Winkler ≥ 0.80)'),
    OTHER,
  ],
  date: [
    level('exact', '日期相同', 'same date'),
    level('day_month_swapped', '日与月颠倒', 'day and month swapped'),
    level('one_digit', '一位数字不同或相邻两位颠倒', 'one digit wrong or two swapped'),
    level('within_year', '相差一年以内', 'within a year'),
    OTHER,
  ],
  id: [
    level('exact', '号码相同', 'same number'),
    level('one_digit', '一位不同或相邻两位颠倒', 'one digit wrong or two swapped'),
    level('two_edits', '两处差异以内', 'two edits apart'),
    OTHER,
    level(
      'different_valid',
      '两个不同的有效号码（校验位均正确）',
      'two different valid numbers (both check digits right)',
    ),
  ],
  sex: [level('exact', '性别相同', 'same sex'), OTHER],
  division: [
    level('exact', '区划代码相同', 'same division'),
    level('same_town', '同一乡镇街道', 'same town or street'),
    level('same_county', '同一县区', 'same county'),
    OTHER,
  ],
  text: [
    level('exact', '完全相同', 'same text'),
    level('jw_92', '高度相似（≥ 0.92）', 'very similar (≥ 0.92)'),
    level('jw_80', '相似（≥ 0.80）', 'similar (≥ 0.80)'),
    OTHER,
  ],
  household: [
    level('same_mother', '母亲身份证号码相同', 'same mother'),
    level('different_mother', '母亲身份证号码不同', 'different mothers'),
    level('same_address', '住址相同', 'same address'),
    level('similar_address', '住址相似', 'similar address'),
    level('same_village', '同一村居', 'same village'),
    level('same_town', '同一乡镇街道', 'same town or street'),
    level('other', '住址、区划均不同', 'different address and division'),
  ],
  code: [
    level('exact', '相同', 'same code'),
    level('one_digit', '一位不同或相邻两位颠倒', 'one character wrong or two swapped'),
    OTHER,
  ],
};

/** Name levels: same characters; same sound (pinyin, any surname reading, placeholders as wildcards); fuzzy sound; Jaro–Winkler. */
export function compareNames(a: PreparedName, b: PreparedName): number {
  if (a.text === b.text) return 0;
  if (a.sound === b.sound && a.sound !== '') return 1;
  if (a.han && b.han && sameWithPlaceholders(a.text, b.text)) return 1;
  if (a.alternatives.includes(b.sound) || b.alternatives.includes(a.sound)) return 1;
  if (a.fuzzySound !== '' && a.fuzzySound === b.fuzzySound) return 2;
  // Same surname: only the given names can tell siblings apart, so they alone are measured.
  const sameSurname = a.han && b.han && a.surnameSound !== '' && a.surnameSound === b.surnameSound;
  const similarity = sameSurname ? similarAtLeast80(a.givenSound, b.givenSound) : similarAtLeast80(a.sound, b.sound);
  if (similarity >= 0.92) return 3;
  if (similarity >= 0.8) return 4;
  return 5;
}

/** Jaro–Winkler where it can reach 0.80 (the lowest level threshold), else the cheap bound below 0.80. */
function similarAtLeast80(a: string, b: string): number {
  const bound = jaroWinklerUpperBound(a, b);
  return bound < 0.8 ? bound : jaroWinkler(a, b);
}

function sameWithPlaceholders(a: string, b: string): boolean {
  if (a.length !== b.length || (!a.includes(NAME_PLACEHOLDER) && !b.includes(NAME_PLACEHOLDER))) return false;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i] && a[i] !== NAME_PLACEHOLDER && b[i] !== NAME_PLACEHOLDER) return false;
  }
  return true;
}

/** Birth-date levels on `YYYY-MM-DD` strings (impossible dates compared by their digits); allocation-free. */
export function compareDates(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== 10 || b.length !== 10) return 4;
  if (sameSpan(a, 0, b, 0, 4) && sameSpan(a, 5, b, 8, 2) && sameSpan(a, 8, b, 5, 2)) return 1;
  if (isOneDigitOrSwap(a, b)) return 2;
  return Math.abs(approximateDay(a) - approximateDay(b)) <= 366 ? 3 : 4;
}

function sameSpan(a: string, at: number, b: string, bt: number, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (a.charCodeAt(at + i) !== b.charCodeAt(bt + i)) return false;
  return true;
}

/** Same-length strings differing in one position, or in two adjacent positions swapped. */
function isOneDigitOrSwap(a: string, b: string): boolean {
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    count += 1;
    if (count === 1) first = i;
    else if (count > 2 || i !== first + 1) return false;
  }
  return (
    count === 1 || (a.charCodeAt(first) === b.charCodeAt(first + 1) && a.charCodeAt(first + 1) === b.charCodeAt(first))
  );
}

/** Days since year 0 with 31-day months: exact enough for "within a year", defined for impossible dates too. */
function approximateDay(date: string): number {
  let year = 0;
  for (let i = 0; i < 4; i += 1) year = year * 10 + date.charCodeAt(i) - 48;
  const month = (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
  const day = (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
  return year * 372 + month * 31 + day;
}

/**
 * The share of true matches at a level that no typo can produce, held fixed in training: EM
 * would otherwise count twins (same mother, date and address, two valid ID numbers) as
 * matches. Keyed by comparison kind and level key.
 */
export const FIXED_M: Partial<Record<ComparisonKind, Record<string, number>>> = { id: { different_valid: 1e-3 } };

/**
 * Identifier levels: same; one digit wrong or one adjacent swap; within two edits. Two
 * different resident ID numbers that both carry a valid GB 11643 check digit are different
 * numbers, not a typo (the check digit catches every single wrong digit and adjacent swap):
 * people born the same day in one county differ only in the order code and check digit.
 */
export function compareIds(a: string, b: string): number {
  return compareCheckedIds(a, hasValidIdCheck(a), b, hasValidIdCheck(b));
}

/** compareIds with the check-digit validity of each number known (prepared records carry it). */
export function compareCheckedIds(a: string, aValid: boolean, b: string, bValid: boolean): number {
  if (a === b) return 0;
  if (aValid && bValid) return 4;
  const distance = damerauLevenshtein(a, b, 2);
  return distance > 2 ? 3 : distance;
}

/** Division levels by shared prefix of the 12-digit code: village, town (9), county (6). */
export function compareDivisions(a: string, b: string): number {
  if (a === b) return 0;
  let common = 0;
  const shorter = Math.min(a.length, b.length);
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common += 1;
  if (common >= 9) return 1;
  return common >= 6 ? 2 : 3;
}

/** Free-text levels: same, Jaro–Winkler ≥ 0.92, ≥ 0.80. */
export function compareTexts(a: string, b: string): number {
  if (a === b) return 0;
  const similarity = similarAtLeast80(a, b);
  if (similarity >= 0.92) return 1;
  if (similarity >= 0.8) return 2;
  return 3;
}

/** Short codes (postcodes): same, or one character wrong / two swapped. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return damerauLevenshtein(a, b, 1) <= 1 ? 1 : 2;
}

/**
 * Household levels: the mother's ID, the address and the division describe one household, so
 * siblings agree on all three; counting them as independent would add their weights three
 * times over. One comparison takes the strongest of them, and different mothers (both known,
 * more than one typo apart) outranks any shared address. -1 when nothing is comparable.
 */
export function compareHouseholds(a: PreparedRecord, b: PreparedRecord): number {
  const ma = a.motherIdNumber;
  const mb = b.motherIdNumber;
  if (ma !== undefined && mb !== undefined) {
    if (ma === mb) return 0;
    // Two valid numbers cannot be one typo apart: the check character catches every single error.
    return !(a.motherIdValid && b.motherIdValid) && damerauLevenshtein(ma, mb, 1) <= 1 ? 0 : 1;
  }
  if (a.address !== undefined && b.address !== undefined) {
    // compareTexts' two top levels (same, ≥ 0.92); the bound spares Jaro–Winkler below 0.92.
    if (a.address === b.address) return 2;
    if (jaroWinklerUpperBound(a.address, b.address) >= 0.92 && jaroWinkler(a.address, b.address) >= 0.92) return 3;
  }
  if (a.division !== undefined && b.division !== undefined) {
    const division = compareDivisions(a.division, b.division);
    if (division <= 1) return division + 4;
    return 6;
  }
  return a.address !== undefined && b.address !== undefined ? 6 : -1;
}
