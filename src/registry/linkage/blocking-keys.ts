import { hashKey, hashKeyWithGap } from './key-hash.js';
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
 * - `fp` full-name sound + postcode, or the 12-digit village of the division (a town is too
 *   coarse: it holds hundreds of 王伟)
 * - `nd` either name part's sound + birth date with day and month sorted (catches swaps)
 * - `pd` first 4 letters of either name part + birth date (Latin script: typos)
 * - `np` either name part's sound + place (Latin script only: a town holds too many 王 or 伟)
 * - `dp` birth date (day/month sorted) + place (postcode, or the 9-digit town)
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
  forEachBlockingKey(
    record,
    (tag, a, b, c) => {
      const key = `${tag}|${a}${b === undefined ? '' : `|${b}`}${c === undefined ? '' : `|${c}`}`;
      if (!keys.includes(key)) keys.push(key);
    },
    (tag, id, from, to) => {
      keys.push(`${tag}|${id.slice(0, from)}_${id.slice(to)}`);
    },
  );
  return keys;
}

/**
 * The 32-bit hashes of a record's blocking keys (no repeats): what a registry stores in its
 * key table and looks up, equal to blockingKeys(record).map(hashString).
 */
export function recordKeyHashes(record: LinkRecord): number[] {
  const out: number[] = [];
  blockingKeyHashes(prepareRecord(record), out);
  return out;
}

/**
 * The hashes of a record's blocking keys (key-hash.ts), written to `out` without making the
 * key strings: equal to preparedBlockingKeys(record).map(hashString), up to repeats.
 */
export function blockingKeyHashes(record: PreparedRecord, out: number[]): void {
  hashOut = out;
  forEachBlockingKey(record, pushKeyHash, pushGapKeyHash);
}

// Module-level emitters: no closure per record in the hot path.
let hashOut: number[] = [];

function pushKeyHash(tag: string, a: string, b?: string, c?: string): void {
  const hash = hashKey(tag, a, b, c);
  if (!hashOut.includes(hash)) hashOut.push(hash);
}

function pushGapKeyHash(tag: string, id: string, from: number, to: number): void {
  const hash = hashKeyWithGap(tag, id, from, to);
  if (!hashOut.includes(hash)) hashOut.push(hash);
}

type EmitKey = (tag: string, a: string, b?: string, c?: string) => void;
type EmitGapKey = (tag: string, id: string, from: number, to: number) => void;

function forEachBlockingKey(record: PreparedRecord, emit: EmitKey, emitGap: EmitGapKey): void {
  const full = record.fullName?.sound || undefined;
  const surname = record.surname?.sound || undefined;
  const given = record.givenName?.sound || undefined;
  const han = record.fullName?.han ?? record.surname?.han ?? false;
  const date = record.birthDate ? sortedDayMonth(record.birthDate) : undefined;
  const division = record.division;
  const place = record.postcode ?? (division && division.length >= 9 ? division.slice(0, 9) : undefined);
  const year = record.birthDate?.slice(0, 4) || undefined;
  if (full && year) emit('n', full, year);
  const folded = record.fullName?.fuzzyKey;
  if (han && folded && folded !== full && year) emit('nf', folded, year);
  if (!han && surname && given && year)
    emit('ns', surname < given ? surname : given, surname < given ? given : surname, year);
  const village = record.postcode ?? (division && division.length >= 12 ? division : undefined);
  if (full && village) emit('fp', full, village);
  if (surname || given) {
    emitPartKeys(emit, surname, han, date, place);
    emitPartKeys(emit, given, han, date, place);
  } else emitPartKeys(emit, full, han, date, place);
  if (date && place) emit('dp', date, place);
  if (!han && surname && given) emit('pf', given.slice(0, 3), surname.slice(0, 4));
  const id = record.idNumber;
  if (id && id.length >= 6) {
    // The identifier with each quarter left out in turn: a typo inside one quarter leaves one key intact.
    const size = Math.ceil(id.length / 4);
    for (let part = 0; part < 4 && part * size < id.length; part += 1) {
      emitGap(`i${part}`, id, part * size, Math.min(id.length, part * size + size));
    }
  }
  if (record.motherIdNumber) emit('m', record.motherIdNumber);
}

/** Keys of one name part: with the birth date, and for Latin script its prefix with the date and the part with the place. */
function emitPartKeys(
  emit: EmitKey,
  part: string | undefined,
  han: boolean,
  date: string | undefined,
  place: string | undefined,
): void {
  if (!part) return;
  if (date) emit('nd', part, date);
  if (!han && date) emit('pd', part.slice(0, 4), date);
  if (!han && place) emit('np', part, place);
}

function sortedDayMonth(date: string): string {
  const month = date.slice(5, 7);
  const day = date.slice(8, 10);
  return `${date.slice(0, 4)}${month < day ? month + day : day + month}`;
}
