import { isLeapYear } from '../../../platform/identity/index.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year, month and day name a real day of the Gregorian calendar (years 1–9999). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The decimal value of `length` ASCII digits of `text` from `start`, or -1 if one is not a digit. */
export function digitsValue(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

let lastToday = '';
let lastTodayNumber = Number.NaN;

/** `YYYY-MM-DD` as the number YYYYMMDD (NaN when malformed), remembered for the next call. */
export function compactDate(isoDate: string): number {
  if (isoDate !== lastToday) {
    const year = digitsValue(isoDate, 0, 4);
    const month = digitsValue(isoDate, 5, 2);
    const day = digitsValue(isoDate, 8, 2);
    lastTodayNumber =
      isoDate.length === 10 && year >= 0 && month >= 0 && day >= 0 ? year * 10000 + month * 100 + day : Number.NaN;
    lastToday = isoDate;
  }
  return lastTodayNumber;
}
