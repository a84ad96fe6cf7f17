/** The kinds of period the picker offers (docs/API.md: `period`). */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'census' | 'range';

const CENSUS = /^(\d{4})-11-01\.\.(\d{4})-10-31$/;

/** Which kind a period text is, for the picker to show it. */
export function periodKindOf(period: string): PeriodKind {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-Q[1-4]$/i.test(period)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  const census = CENSUS.exec(period);
  if (census && Number(census[2]) === Number(census[1]) + 1) return 'census';
  return 'range';
}

/** The census year ending on 10-31 of `year` (the 2020 census counted 2019-11-01..2020-10-31). */
export function censusPeriod(year: number): string {
  return `${year - 1}-11-01..${year}-10-31`;
}

/** The last whole calendar year before today: the dashboard's first view. */
export function defaultPeriod(today: Date = new Date()): string {
  return String(today.getFullYear() - 1);
}

/** The `count` months (YYYY-MM) ending with the month of `lastDay` (YYYY-MM-DD), oldest first. */
export function monthsEndingAt(lastDay: string, count: number): string[] {
  const year = Number(lastDay.slice(0, 4));
  const month = Number(lastDay.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + month - (count - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}
