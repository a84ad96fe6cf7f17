import { AppError } from '../../platform/errors/index.js';

/** A period of case openings: its label and its bounds as UTC instants (district days, UTC+8). */
export interface QualityPeriod {
  label: string;
  /** First instant in the period (ISO, UTC). */
  from: string;
  /** First instant after the period (ISO, UTC). */
  to: string;
}

/**
 * Reads a period — a year (2025), a quarter (2025-Q1), a month (2025-03) or FROM..TO (days or
 * months, inclusive) — into the instants it spans in district time. INVALID_PERIOD otherwise.
 */
export function parseQualityPeriod(text: string): QualityPeriod {
  const range = /^(\d{4}-\d{2}(?:-\d{2})?)\.\.(\d{4}-\d{2}(?:-\d{2})?)$/.exec(text);
  if (range) {
    const from = boundOf(range[1]!, false);
    const to = boundOf(range[2]!, true);
    if (!from || !to || from >= to) throw new AppError('INVALID_PERIOD', { details: { period: text } });
    return { label: text, from, to };
  }
  const year = /^(\d{4})$/.exec(text);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  let startMonth: [number, number];
  let months: number;
  if (year) [startMonth, months] = [[Number(year[1]), 1], 12];
  else if (quarter) [startMonth, months] = [[Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1], 3];
  else if (month) [startMonth, months] = [[Number(month[1]), Number(month[2])], 1];
  else throw new AppError('INVALID_PERIOD', { details: { period: text } });
  const [y, m] = startMonth;
  return { label: text, from: districtMidnight(y, m), to: districtMidnight(y, m + months) };
}

/** 00:00 on the first of a month in the district (UTC+8), as a UTC ISO instant. */
function districtMidnight(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000).toISOString();
}

/** The instant a day or month starts (or, for `after`, the instant after it ends) in the district; null when not a real date. */
function boundOf(text: string, after: boolean): string | null {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number | undefined];
  if (m < 1 || m > 12) return null;
  if (d === undefined) return districtMidnight(y, after ? m + 1 : m);
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return new Date(at.getTime() + (after ? 86_400_000 : 0) - 8 * 3600_000).toISOString();
}
