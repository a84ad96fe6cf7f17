/** Days since 1970-01-01 (UTC), the generator's one representation of a date. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const cache = new Map<Day, string>();

export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day (memoised: the same few thousand days are formatted millions of times). */
export function isoDate(day: Day): string {
  let text = cache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (cache.size < 200_000) cache.set(day, text);
  }
  return text;
}

export function parseIsoDay(text: string): Day {
  return dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** Year, month (1–12) and day of month. */
export function partsOf(day: Day): { year: number; month: number; dom: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, dom: date.getUTCDate() };
}

/** A reporting month: index counted from year 0 (`year * 12 + month - 1`). */
export type MonthIndex = number;

export function monthIndexOf(day: Day): MonthIndex {
  const { year, month } = partsOf(day);
  return year * 12 + month - 1;
}

export function monthLabel(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function parseMonth(text: string): MonthIndex {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`"${text}" is not a month YYYY-MM`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** First day of a month. */
export function monthStart(index: MonthIndex): Day {
  return dayOf(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Completed years of age on `on` for someone born on `birth` (a 29 February birthday counts on 1 March). */
export function ageOn(birth: Day, on: Day): number {
  const b = partsOf(birth);
  const o = partsOf(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.dom < b.dom)) age -= 1;
  return age;
}
