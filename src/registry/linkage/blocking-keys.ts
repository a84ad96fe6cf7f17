import type { LinkRecord } from './link-record.js';
import { prepareRecord, type PreparedRecord } from './prepare-record.js';

/**
 * The blocking keys of a record: two records become a candidate pair when they share a key.
 * Keys are plain strings (`tag|value…`) that a registry can keep in an indexed table and look up
 * when a new record arrives. They are built from sounds, not characters, so homophones,
 * traditional characters and pinyin spellings land in the same blocks:
 *
 * - `n`  full-name sound + birth year; `nf` the same with fuzzy pinyin (陈/程, 黄/王…) for Han names
 * - `ns` surname and given name in sorted order + birth year (Latin script: catches the two swapped)
 * - `fp` full-name sound + place (postcode, or the 9-digit town of the division)
 * - `nd` either name part's sound + birth date with day and month sorted (catches swaps)
 * - `pd` first 4 letters of either name part + birth date (Latin script: typos)
 * - `np` either name part's sound + place (Latin script only: a town holds too many 王 or 伟)
 * - `dp` birth date (day/month sorted) + place
 * - `pf` first 3 letters of the given name + first 4 of the surname (Latin script)
 * - `i0`…`i3` the identifier with one quarter left out (one wrong digit, or two swapped inside a
 *   quarter, leaves the key without that quarter intact)
 * - `m`  the mother's ID number (siblings and the same child reported twice)
 *
 * Keys carry personal data; a registry that stores them should treat them like the fields.
 */
export function blockingKeys(record: LinkRecord): string[] {
  return preparedBlockingKeys(prepareRecord(record));
}

/** blockingKeys for an already prepared record. */
export function preparedBlockingKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  const full = record.fullName?.sound || undefined;
  const surname = record.surname?.sound || undefined;
  const given = record.givenName?.sound || undefined;
  const han = record.fullName?.han ?? record.surname?.han ?? false;
  const date = record.birthDate ? sortedDayMonth(record.birthDate) : undefined;
  const place =
    record.postcode ?? (record.division && record.division.length >= 9 ? record.division.slice(0, 9) : undefined);
  const add = (tag: string, ...parts: Array<string | undefined>) => {
    if (parts.every((p) => p !== undefined && p !== '')) keys.push(`${tag}|${parts.join('|')}`);
  };
  const year = record.birthDate?.slice(0, 4);
  add('n', full, year);
  const folded = record.fullName?.fuzzySound.replace(/ /g, '');
  if (han && folded && folded !== full) add('nf', folded, year);
  if (!han && surname && given) add('ns', surname < given ? surname : given, surname < given ? given : surname, year);
  add('fp', full, place);
  const parts = surname || given ? [surname, given] : [full];
  for (const part of parts) {
    add('nd', part, date);
    if (!han) add('pd', part?.slice(0, 4), date);
    if (!han) add('np', part, place);
  }
  add('dp', date, place);
  if (!han && surname && given) add('pf', given.slice(0, 3), surname.slice(0, 4));
  if (record.idNumber && record.idNumber.length >= 6) keys.push(...identifierKeys(record.idNumber));
  add('m', record.motherIdNumber);
  return [...new Set(keys)];
}

function sortedDayMonth(date: string): string {
  const month = date.slice(5, 7);
  const day = date.slice(8, 10);
  return `${date.slice(0, 4)}${month < day ? month + day : day + month}`;
}

/** The identifier with each quarter left out in turn: a typo inside one quarter leaves one key intact. */
function identifierKeys(id: string): string[] {
  const size = Math.ceil(id.length / 4);
  const keys: string[] = [];
  for (let part = 0; part < 4; part += 1) {
    const from = part * size;
    if (from >= id.length) break;
    keys.push(`i${part}|${id.slice(0, from)}_${id.slice(from + size)}`);
  }
  return keys;
}
