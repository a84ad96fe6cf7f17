import { calendarDate } from './calendar-date.js';
import { toHalfWidth } from './half-width.js';

/** The closed set of reasons an ID number is rejected. */
export const ID_PROBLEMS = [
  'ID_FORMAT',
  'ID_CHECK_DIGIT',
  'ID_BIRTH_DATE',
  'ID_SCIENTIFIC_NOTATION',
  'ID_PROVINCE',
] as const;

export type IdProblem = (typeof ID_PROBLEMS)[number];

/** GB/T 2261.1 sex code as carried by an ID number: odd order number → 1 (male), even → 2. */
export type IdSex = '1' | '2';

export type IdNumberResult =
  | {
      ok: true;
      /** The 18-character number, upper-case X. */
      idNumber: string;
      birthDate: string;
      sex: IdSex;
      /** Positions 1–6: the county code where the number was first assigned (never updated). */
      addressCode: string;
      /** True when the input was a 15-digit legacy number. */
      converted15: boolean;
    }
  | {
      ok: false;
      problem: IdProblem;
      /** For ID_CHECK_DIGIT: the check character the body calls for. */
      expected?: string;
    };

/** The earliest birth date accepted; the standard's own example is born in 1880. */
export const ID_EARLIEST_BIRTH_DATE = '1850-01-01';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province prefixes of GB/T 2260 plus 71 Taiwan, 81 Hong Kong, 82 Macau, 83 (HK/Macau/Taiwan residence permits). */
const PROVINCE_PREFIXES = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  71,
  81,
  82,
  83,
]);

/**
 * Cleans up a keyed or pasted ID number: full-width → half-width, every space removed,
 * leading Excel text apostrophes dropped, `x` → `X`. Does not validate.
 */
export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/^'+/, '')
    .replace(/x/g, 'X');
}

/** The GB 11643 check character (ISO 7064 MOD 11-2) of a 17-digit body. */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('an ID number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Parses and validates a resident ID number (GB 11643), converting a 15-digit legacy number to
 * 18 digits. Checks, in order: Excel scientific notation, shape, province prefix, birth date
 * (a real date from 1850 up to `today`), check character. The address code beyond the province
 * is not checked: it is frozen at assignment and may name an abolished county.
 */
export function parseIdNumber(raw: string, options: { today: string }): IdNumberResult {
  const value = normaliseIdNumber(raw);
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(value)) return { ok: false, problem: 'ID_SCIENTIFIC_NOTATION' };
  const legacy = /^\d{15}$/.test(value);
  if (!legacy && !/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'ID_FORMAT' };
  if (!PROVINCE_PREFIXES.has(Number(value.slice(0, 2)))) return { ok: false, problem: 'ID_PROVINCE' };
  // The 1989 standard's special order numbers for centenarians are not converted to 18YY:
  // no source confirms the values, so every legacy number is taken as born in 19YY.
  const body = legacy ? `${value.slice(0, 6)}19${value.slice(6)}` : value.slice(0, 17);
  const birthDate = idBirthDate(body);
  if (!birthDate || birthDate < ID_EARLIEST_BIRTH_DATE || birthDate > options.today) {
    return { ok: false, problem: 'ID_BIRTH_DATE' };
  }
  const expected = idCheckChar(body);
  if (!legacy && value[17] !== expected) return { ok: false, problem: 'ID_CHECK_DIGIT', expected };
  return {
    ok: true,
    idNumber: body + expected,
    birthDate,
    sex: idSex(body)!,
    addressCode: body.slice(0, 6),
    converted15: legacy,
  };
}

/**
 * The sex an ID number encodes (order-number parity: odd → '1', even → '2'), for a normalised
 * 15-digit, 17-digit body or 18-character number; undefined for anything else.
 */
export function idSex(id: string): IdSex | undefined {
  const at = sexPosition(id);
  if (at === undefined) return undefined;
  return Number(id[at]) % 2 === 1 ? '1' : '2';
}

/**
 * The birth date (`YYYY-MM-DD`) an ID number encodes, for a normalised 15-digit (19YY),
 * 17-digit body or 18-character number; undefined when the encoded date is not a real date.
 */
export function idBirthDate(id: string): string | undefined {
  const at = sexPosition(id);
  if (at === undefined) return undefined;
  const digits = id.length === 15 ? `19${id.slice(6, 12)}` : id.slice(6, 14);
  return calendarDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

function sexPosition(id: string): number | undefined {
  if (/^\d{15}$/.test(id)) return 14;
  if (/^\d{17}[\dX]?$/.test(id)) return 16;
  return undefined;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
