import { idBirthDate, idCheckChar, idSex, normaliseIdNumber, parseLooseDate } from '../../platform/identity/index.js';
import { hasValidIdCheck } from './id-check.js';
import {
  foldFuzzySyllable,
  hasHan,
  namePinyin,
  normaliseName,
  splitChineseName,
  toSimplified,
} from './chinese-name.js';
import type { LinkRecord } from './link-record.js';

/** A name ready for comparison: characters, pinyin (for Han) or letters (for Latin script). */
export interface PreparedName {
  /** Normalised text: Han simplified, Latin lower case with single spaces. */
  text: string;
  han: boolean;
  /** Toneless pinyin without spaces for Han; the letters without spaces for Latin script. */
  sound: string;
  /** Pinyin syllables of a Han name (null for Latin script). */
  syllables: string[] | null;
  /** `sound` with each other reading of a polyphonic surname. */
  alternatives: string[];
  /** The sound of the surname part of a Han name ('' when unknown or Latin script). */
  surnameSound: string;
  /** The sound of the given-name part (the whole sound when the surname is unknown). */
  givenSound: string;
  /** The sound with fuzzy pinyin folded (zh→z, n→l, ang→an…), '' for Latin script. */
  fuzzySound: string;
  /** fuzzySound without the spaces, for blocking keys. */
  fuzzyKey: string;
}

/**
 * A LinkRecord normalised once, with everything comparisons and blocking keys need. Every
 * property is always present (undefined when missing) so all prepared records share one
 * hidden class and the comparison loops stay monomorphic.
 */
export interface PreparedRecord {
  id: string;
  fullName: PreparedName | undefined;
  givenName: PreparedName | undefined;
  surname: PreparedName | undefined;
  sex: '1' | '2' | undefined;
  /** `YYYY-MM-DD` shape; may be an impossible date (1990-13-05) kept for digit comparison. */
  birthDate: string | undefined;
  idNumber: string | undefined;
  /** Whether idNumber carries a valid GB 11643 check character (two such numbers that differ are different people). */
  idValid: boolean;
  division: string | undefined;
  address: string | undefined;
  motherIdNumber: string | undefined;
  motherIdValid: boolean;
  postcode: string | undefined;
  /** Further compared fields by name (a Map: records differ in which they have). */
  extra: Map<string, string>;
  /**
   * The same values by `extraSlot(name)`: what comparisons read, since a Map lookup per record
   * and field cost more than comparing FEBRL's four extra fields.
   */
  extraValues: ReadonlyArray<string | undefined>;
}

const EXTRA_SLOTS = new Map<string, number>();

/** The index of an extra field's value in `extraValues` (the same for every record of the process). */
export function extraSlot(name: string): number {
  let slot = EXTRA_SLOTS.get(name);
  if (slot === undefined) {
    slot = EXTRA_SLOTS.size;
    EXTRA_SLOTS.set(name, slot);
  }
  return slot;
}

const cache = new WeakMap<LinkRecord, PreparedRecord>();

/** Normalises a record for matching (cached per record object, so score and block share the work). */
export function prepareRecord(record: LinkRecord): PreparedRecord {
  const hit = cache.get(record);
  if (hit) return hit;
  const prepared = buildPrepared(record);
  cache.set(record, prepared);
  return prepared;
}

/**
 * prepareRecord without the per-object cache: for a reader that prepares each record as it is
 * read and drops the raw one (a WeakMap of a million records costs memory and GC time).
 */
export function prepareUncachedRecord(record: LinkRecord): PreparedRecord {
  return buildPrepared(record);
}

function buildPrepared(record: LinkRecord): PreparedRecord {
  const idNumber = normaliseId(record.idNumber);
  const checked = idNumber !== undefined && hasValidIdCheck(idNumber);
  const motherIdNumber = normaliseId(record.motherIdNumber);
  const names = cachedNames(record);
  let extra = NO_EXTRA;
  let extraValues = NO_EXTRA_VALUES;
  for (const [key, raw] of Object.entries(record.extra ?? {})) {
    const value = normaliseText(raw);
    if (!value) continue;
    if (extra === NO_EXTRA) [extra, extraValues] = [new Map(), []];
    extra.set(key, value);
    extraValues[extraSlot(key)] = value;
  }
  return {
    id: String(record.id),
    fullName: names.fullName,
    givenName: names.givenName,
    surname: names.surname,
    sex: normaliseSex(record.sex) ?? (checked ? idSex(idNumber) : undefined),
    birthDate: cachedDate(record.birthDate) ?? (checked ? idBirthDate(idNumber) : undefined),
    idNumber,
    idValid: checked,
    division: record.division === undefined ? undefined : onlyDigits(record.division),
    address: cachedText(record.address),
    motherIdNumber,
    motherIdValid: motherIdNumber !== undefined && hasValidIdCheck(motherIdNumber),
    postcode: record.postcode?.normalize('NFKC').replace(/\s/g, '') || undefined,
    extra,
    extraValues,
  };
}

type PreparedNames = { fullName?: PreparedName; givenName?: PreparedName; surname?: PreparedName };

/**
 * Values repeat (a million records hold ~250k names, ~50k dates, ~60k addresses), so each
 * distinct raw value is normalised once. The caches are emptied when full, never grown past
 * VALUE_CACHE_MAX entries.
 */
const VALUE_CACHE_MAX = 1 << 20;
const namesCache = new Map<string, PreparedNames>();
const dateCache = new Map<string, string | undefined>();
const textCache = new Map<string, string | undefined>();

function cached<V>(cache: Map<string, V>, key: string, make: (key: string) => V): V {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as V;
  const made = make(key);
  if (cache.size >= VALUE_CACHE_MAX) cache.clear();
  cache.set(key, made);
  return made;
}

function cachedNames(record: LinkRecord): PreparedNames {
  if (record.surname === undefined && record.givenName === undefined) {
    if (record.name === undefined) return NO_NAMES;
    return cached(namesCache, record.name, () => prepareNames(record));
  }
  return cached(namesCache, `${record.name ?? ''}\u0001${record.surname ?? ''}\u0001${record.givenName ?? ''}`, () =>
    prepareNames(record),
  );
}

function cachedDate(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : cached(dateCache, raw, normaliseDate);
}

function cachedText(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : cached(textCache, raw, normaliseText);
}

const NO_NAMES: PreparedNames = {};

function onlyDigits(raw: string): string | undefined {
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return raw.replace(/\D/g, '') || undefined;
  }
  return raw === '' ? undefined : raw;
}

function prepareNames(record: LinkRecord): {
  fullName?: PreparedName;
  givenName?: PreparedName;
  surname?: PreparedName;
} {
  const full = clean(record.name);
  let surname = clean(record.surname);
  let given = clean(record.givenName);
  if (full && !surname && !given && hasHan(full)) {
    const split = splitChineseName(full);
    surname = split.surname || undefined;
    given = split.givenName || undefined;
  }
  const out: { fullName?: PreparedName; givenName?: PreparedName; surname?: PreparedName } = {};
  if (surname) out.surname = toPreparedName(surname, hasHan(surname) ? [...surname].length : 0);
  if (given) out.givenName = toPreparedName(given, 0);
  const fullText = full ?? joinName(surname, given);
  if (fullText) {
    const surnameLength = hasHan(fullText)
      ? surname && fullText.startsWith(surname)
        ? [...surname].length
        : splitChineseName(fullText).surname.length
      : 0;
    out.fullName = toPreparedName(fullText, surnameLength);
  }
  return out;
}

function joinName(surname: string | undefined, given: string | undefined): string | undefined {
  if (!surname || !given) return surname ?? given;
  return hasHan(surname) || hasHan(given) ? surname + given : `${surname} ${given}`;
}

function clean(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = normaliseName(raw);
  return text === '' ? undefined : text;
}

const NAME_CACHE_MAX = 1 << 20;
const nameCache = new Map<string, PreparedName>();
const NO_EXTRA: Map<string, string> = new Map();
const NO_EXTRA_VALUES: Array<string | undefined> = [];

/** Prepared names are shared between records with the same name (they are never modified). */
function toPreparedName(text: string, surnameLength: number): PreparedName {
  const key = `${surnameLength}|${text}`;
  const hit = nameCache.get(key);
  if (hit) return hit;
  const made = buildPreparedName(text, surnameLength);
  if (nameCache.size >= NAME_CACHE_MAX) nameCache.clear();
  nameCache.set(key, made);
  return made;
}

function buildPreparedName(text: string, surnameLength: number): PreparedName {
  if (!hasHan(text)) {
    const sound = text.replace(/[^\p{L}\p{N}]/gu, '');
    return {
      text,
      han: false,
      sound,
      syllables: null,
      alternatives: [],
      surnameSound: '',
      givenSound: sound,
      fuzzySound: '',
      fuzzyKey: '',
    };
  }
  const reading = namePinyin(text, surnameLength);
  const surnameSound = reading.syllables.slice(0, surnameLength).join('');
  const folded = reading.syllables.map(foldFuzzySyllable);
  return {
    text,
    han: true,
    sound: reading.syllables.join(''),
    syllables: reading.syllables,
    alternatives: reading.alternatives,
    surnameSound,
    givenSound: reading.syllables.slice(surnameLength).join(''),
    fuzzySound: folded.join(' '),
    fuzzyKey: folded.join(''),
  };
}

/** ID numbers: half-width, upper-case X, punctuation dropped, 15-digit legacy numbers converted to 18. */
export function normaliseId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (isPlainId(raw)) return raw;
  const id = normaliseIdNumber(raw)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  if (/^\d{15}$/.test(id)) {
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    return body + idCheckChar(body);
  }
  return id === '' ? undefined : id;
}

/** 17 ASCII digits and a digit or X: already normal, the common case. */
function isPlainId(raw: string): boolean {
  if (raw.length !== 18) return false;
  for (let i = 0; i < 17; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  const last = raw.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** Dates: any form parseLooseDate knows, or eight digits in date order even when not a real date. */
export function normaliseDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parsed = parseLooseDate(raw);
  if (parsed.ok) return parsed.date;
  const digits = /^(\d{4})\D?(\d{2})\D?(\d{2})$/.exec(raw.normalize('NFKC').trim());
  return digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : undefined;
}

function normaliseSex(raw: string | undefined): '1' | '2' | undefined {
  if (raw === '1' || raw === '2') return raw;
  const value = raw?.normalize('NFKC').trim().toLowerCase();
  if (value === '1' || value === '男' || value === 'm' || value === 'male') return '1';
  if (value === '2' || value === '女' || value === 'f' || value === 'female') return '2';
  return undefined;
}

/** Free text (addresses, FEBRL's extra fields): NFKC, lower case, simplified, single spaces, none between Han. */
export function normaliseText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (hasHan(text)) text = toSimplified(text.replace(/\s+/g, ''));
  return text === '' ? undefined : text;
}
