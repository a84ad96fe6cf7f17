import { describe, expect, it } from 'vitest';
import { calendarDate, isLeapYear } from './calendar-date.js';

describe('calendarDate', () => {
  it('formats a real date and refuses a day that does not exist', () => {
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(1880, 1, 1)).toBe('1880-01-01');
    expect(calendarDate(2023, 2, 29)).toBeUndefined();
    expect(calendarDate(2024, 4, 31)).toBeUndefined();
    expect(calendarDate(2024, 0, 1)).toBeUndefined();
    expect(calendarDate(0, 1, 1)).toBeUndefined();
  });

  it('knows the century rule of leap years', () => {
    expect([isLeapYear(1900), isLeapYear(2000), isLeapYear(2024), isLeapYear(2023)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
