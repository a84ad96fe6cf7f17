import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, dayText, latestBirthForAge } from './calendar-days.js';
import { parsePeriod } from './period.js';

describe('parsePeriod', () => {
  it('reads a year, a quarter, a month and a range of days or months, both ends included', () => {
    expect(parsePeriod('2025')).toMatchObject({ from: '2025-01-01', to: '2025-12-31', end: '2026-01-01', days: 365, months: 12, annualisation: 1 });
    expect(parsePeriod('2024-Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31', days: 91, months: 3, annualisation: 4 });
    expect(parsePeriod('2025-q4')).toMatchObject({ label: '2025-Q4', from: '2025-10-01', to: '2025-12-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29', days: 29, months: 1, annualisation: 12 });
    // The census year: 12 whole months, so its rates need no scaling.
    expect(parsePeriod('2019-11-01..2020-10-31')).toMatchObject({ days: 366, months: 12, annualisation: 1 });
    expect(parsePeriod('2025-01..2025-06')).toMatchObject({ from: '2025-01-01', to: '2025-06-30', months: 6, annualisation: 2 });
    expect(parsePeriod('2025-03-10..2025-03-19')).toMatchObject({ days: 10, months: null, annualisation: 36.5 });
    expect(parsePeriod('2025-03-05..2025-03-05')).toMatchObject({ days: 1 });
  });

  it('refuses anything else with INVALID_PERIOD', () => {
    for (const text of ['', '25', '2025-13', '2025-00', '2025-Q0', '2025-Q5', '2025-02-29', '2025-3-1', '2025-03..2025-01', '2025..', '..2025-01', '2025-01..2025-02..2025-03', 'year', '1950..2025'])
      expect(() => parsePeriod(text), text).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }) as Error);
  });

  it('has as many days as the dates between its ends, for any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 14_000 }), (start, length) => {
        const from = dayText(start);
        const to = dayText(start + length);
        const period = parsePeriod(`${from}..${to}`);
        expect(period.days).toBe(length + 1);
        expect(period.end).toBe(addDays(to, 1));
      }),
    );
  });
});

describe('ages in completed years', () => {
  it('counts a 29 February birthday on 1 March in common years', () => {
    expect(ageOn('1992-02-29', '2025-02-28')).toBe(32);
    expect(ageOn('1992-02-29', '2025-03-01')).toBe(33);
    expect(ageOn('1992-02-29', '2024-02-29')).toBe(32);
    expect(ageOn('1995-06-15', '2025-06-14')).toBe(29);
    expect(ageOn('1995-06-15', '2025-06-15')).toBe(30);
  });

  it('agrees with latestBirthForAge: old enough exactly when born on or before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 60 }), (b, d, years) => {
        const birth = dayText(Math.min(b, d));
        const day = dayText(Math.max(b, d));
        expect(ageOn(birth, day) >= years).toBe(birth <= latestBirthForAge(day, years));
      }),
    );
  });
});

describe('period length', () => {
  it('fits the resident groups’ packed keys', async () => {
    const { PACKED_PERIOD_DAYS_MAX } = await import('./residents.queries.js');
    const { PERIOD_DAYS_MAX } = await import('./period.js');
    expect(PERIOD_DAYS_MAX).toBeLessThanOrEqual(PACKED_PERIOD_DAYS_MAX);
  });
});
