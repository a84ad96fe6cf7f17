/**
 * Day arithmetic on ISO dates (YYYY-MM-DD) in UTC, and ages in completed years with the
 * convention of the statistics bureau and `popx gen`: a 29 February birthday falls on
 * 1 March in common years.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

/** The ISO date of a day number. */
export function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dayText(dayNumber(day)) === day;
}

/** Day number of the day someone born on `birth` turns `years` (29 Feb → 1 Mar in common years). */
export function birthdayNumber(birth: string, years: number): number {
  const year = Number(birth.slice(0, 4)) + years;
  const month = Number(birth.slice(5, 7));
  const dom = Number(birth.slice(8, 10));
  const n = Math.round(Date.UTC(year, month - 1, dom) / DAY_MS);
  return new Date(n * DAY_MS).getUTCMonth() + 1 !== month ? Math.round(Date.UTC(year, 2, 1) / DAY_MS) : n;
}

/** Age in completed years on `day`. */
export function ageOn(birth: string, day: string): number {
  const n = dayNumber(day);
  let years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (birthdayNumber(birth, years) > n) years -= 1;
  return years;
}

/**
 * The latest birth date of someone at least `years` old on `day`: ageOn(b, day) >= years
 * exactly when b <= latestBirthForAge(day, years). (29 Feb of a common year becomes 28 Feb.)
 */
export function latestBirthForAge(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) - years;
  const candidate = `${String(year).padStart(4, '0')}${day.slice(4)}`;
  return isValidDay(candidate) ? candidate : `${String(year).padStart(4, '0')}-02-28`;
}
