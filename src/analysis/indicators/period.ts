import { AppError } from '../../platform/errors/index.js';
import { addDays, daysBetween, isValidDay } from './calendar-days.js';

/** A reporting period: both ends included; rates are scaled to a year by `annualisation`. */
export interface Period {
  label: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (included). */
  to: string;
  /** The day after the last (exclusive end), for half-open person-time windows. */
  end: string;
  days: number;
  /** Whole calendar months in the period, or null for any other range. */
  months: number | null;
  /** Multiplier that turns a rate of the period into a rate a year: 12 / months, else 365 / days. */
  annualisation: number;
}

/** Forty years: longer periods mean nothing for rates, and the resident groups' keys are sized for it. */
export const PERIOD_DAYS_MAX = 14_610;

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses `2025`, `2025-Q1`, `2025-03` or `FROM..TO` (each end a day or a month; a month as the
 * start means its first day, as the end its last). Throws INVALID_PERIOD for anything else.
 */
export function parsePeriod(text: string): Period {
  const value = text.trim();
  const invalid = () => new AppError('INVALID_PERIOD', { details: { period: text } });
  let from: string;
  let to: string;
  let match: RegExpMatchArray | null;
  if ((match = value.match(YEAR))) {
    from = `${match[1]}-01-01`;
    to = `${match[1]}-12-31`;
  } else if ((match = value.match(QUARTER))) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    from = monthStart(match[1]!, first);
    to = monthLast(match[1]!, first + 2);
  } else if (MONTH.test(value)) {
    from = startOf(value);
    to = lastOf(value);
  } else if (value.includes('..')) {
    const [a, b, ...rest] = value.split('..');
    if (rest.length > 0 || !a || !b) throw invalid();
    from = startOf(a.trim());
    to = lastOf(b.trim());
  } else throw invalid();
  if (!isValidDay(from) || !isValidDay(to) || from > to || from < '1900-01-01' || to > '2199-12-31') throw invalid();
  const end = addDays(to, 1);
  const days = daysBetween(from, end);
  if (days > PERIOD_DAYS_MAX) throw invalid();
  const months = from.endsWith('-01') && end.endsWith('-01') ? monthsBetween(from, end) : null;
  return { label: value.toUpperCase(), from, to, end, days, months, annualisation: months !== null ? 12 / months : 365 / days };
}

function startOf(part: string): string {
  if (MONTH.test(part)) return `${part}-01`;
  return DAY.test(part) ? part : 'invalid';
}

function lastOf(part: string): string {
  const match = part.match(MONTH);
  if (match) return monthLast(match[1]!, Number(match[2]));
  return DAY.test(part) ? part : 'invalid';
}

function monthStart(year: string, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function monthLast(year: string, month: number): string {
  if (month < 1 || month > 12) return 'invalid';
  const next = month === 12 ? `${Number(year) + 1}-01-01` : monthStart(year, month + 1);
  return addDays(next, -1);
}

function monthsBetween(from: string, end: string): number {
  return (Number(end.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(from.slice(5, 7));
}
