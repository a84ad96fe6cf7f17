import { calendarDate, isLeapYear } from './calendar-date.js';
import { toHalfWidth } from './half-width.js';

export type DateProblem = 'DATE_FORMAT' | 'DATE_INVALID' | 'DATE_FUTURE';

export type LooseDateResult = { ok: true; date: string } | { ok: false; problem: DateProblem };

export interface LooseDateOptions {
  /** `YYYY-MM-DD`; when given, a later date is DATE_FUTURE. Omit it for dates that may lie ahead. */
  today?: string;
  /** Accept Excel date serials (1..100000, as a number or a numeric string). */
  allowSerial?: boolean;
}

const SERIAL_MAX = 100_000;
const DAY_MS = 86_400_000;
/** Serial 61 and later count from 1899-12-30 because Excel (after Lotus 1-2-3) has a 1900-02-29. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DATE_FORMS = [
  new RegExp(String.raw`^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${TIME}$`),
  /^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日?$/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
];

/**
 * Parses the date forms clerks and spreadsheets produce: `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/M/D`,
 * `YYYY.M.D` (each optionally followed by a time of day, which is dropped), `YYYYMMDD`,
 * `YYYY年M月D日` and, with `allowSerial`, Excel serials of the 1900 date system (serial 60 is
 * Excel's non-existent 1900-02-29 and is DATE_INVALID). Only real calendar dates pass.
 */
export function parseLooseDate(raw: string | number, options: LooseDateOptions = {}): LooseDateResult {
  const parsed = typeof raw === 'number' ? parseNumber(raw, options) : parseText(raw, options);
  if (!parsed.ok) return parsed;
  if (options.today !== undefined && parsed.date > options.today) return { ok: false, problem: 'DATE_FUTURE' };
  return parsed;
}

function parseText(raw: string, options: LooseDateOptions): LooseDateResult {
  const text = toHalfWidth(raw).trim();
  for (const form of DATE_FORMS) {
    const parts = form.exec(text)?.groups;
    if (parts) return fromParts(Number(parts.y), Number(parts.m), Number(parts.d));
  }
  if (options.allowSerial && /^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return { ok: false, problem: 'DATE_FORMAT' };
}

function parseNumber(raw: number, options: LooseDateOptions): LooseDateResult {
  if (!Number.isFinite(raw) || raw < 0) return { ok: false, problem: 'DATE_FORMAT' };
  if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) return parseText(String(raw), options);
  if (options.allowSerial) return fromSerial(raw);
  return { ok: false, problem: 'DATE_FORMAT' };
}

function fromParts(year: number, month: number, day: number): LooseDateResult {
  const date = calendarDate(year, month, day);
  return date ? { ok: true, date } : { ok: false, problem: 'DATE_INVALID' };
}

/** A fractional serial carries a time of day; only the day counts. */
function fromSerial(serial: number): LooseDateResult {
  const day = Math.floor(serial);
  if (day < 1 || day > SERIAL_MAX) return { ok: false, problem: 'DATE_FORMAT' };
  if (day === 60) return { ok: false, problem: 'DATE_INVALID' };
  const offset = day < 60 ? day + 1 : day;
  return { ok: true, date: new Date(SERIAL_EPOCH_MS + offset * DAY_MS).toISOString().slice(0, 10) };
}

/**
 * Completed years of age on `onDate` for someone born on `birthDate` (both `YYYY-MM-DD`).
 * Someone born on 29 February has their birthday on 1 March in non-leap years: born 2004-02-29,
 * they are 17 on 2022-02-28 and 18 on 2022-03-01. Negative when `onDate` is before the birth.
 */
export function ageInCompletedYears(birthDate: string, onDate: string): number {
  const birth = splitIsoDate(birthDate);
  const on = splitIsoDate(onDate);
  let birthday = birthDate.slice(5);
  if (birthday === '02-29' && !isLeapYear(on.year)) birthday = '03-01';
  const age = on.year - birth.year;
  return onDate.slice(5) < birthday ? age - 1 : age;
}

function splitIsoDate(value: string): { year: number } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`"${value}" is not a YYYY-MM-DD date`);
  return { year: Number(value.slice(0, 4)) };
}
