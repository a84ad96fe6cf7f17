import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInCompletedYears, parseLooseDate } from './dates.js';

const ok = (date: string) => ({ ok: true, date });
const problem = (code: string) => ({ ok: false, problem: code });

describe('parseLooseDate', () => {
  it('accepts every form the templates document', () => {
    for (const raw of [
      '2024-01-05',
      '2024-1-5',
      '2024/1/5',
      '2024/01/05',
      '2024.1.5',
      '20240105',
      '2024年1月5日',
      '2024 年 1 月 5 日',
      '2024年1月5',
    ]) {
      expect(parseLooseDate(raw), raw).toEqual(ok('2024-01-05'));
    }
  });

  it('drops a time of day that a spreadsheet export appends', () => {
    expect(parseLooseDate('2024/1/5 0:00')).toEqual(ok('2024-01-05'));
    expect(parseLooseDate('2024-01-05T00:00:00')).toEqual(ok('2024-01-05'));
    expect(parseLooseDate('2024-01-05 13:45:10.5')).toEqual(ok('2024-01-05'));
  });

  it('accepts full-width digits and separators and surrounding spaces', () => {
    expect(parseLooseDate(' ２０２４－０１－０５ ')).toEqual(ok('2024-01-05'));
    expect(parseLooseDate('２０２４年１月５日')).toEqual(ok('2024-01-05'));
  });

  it('rejects days that do not exist', () => {
    for (const raw of [
      '2023-02-29',
      '20230229',
      '2023年2月30日',
      '2024-13-01',
      '2024-00-10',
      '2024/4/31',
      '2024.1.0',
    ]) {
      expect(parseLooseDate(raw), raw).toEqual(problem('DATE_INVALID'));
    }
    expect(parseLooseDate('2024-02-29')).toEqual(ok('2024-02-29'));
    expect(parseLooseDate('2000-02-29')).toEqual(ok('2000-02-29'));
    expect(parseLooseDate('1900-02-29')).toEqual(problem('DATE_INVALID'));
  });

  it('rejects text that is not a date at all', () => {
    for (const raw of ['', 'abc', '2024-01', '24-1-5', '2024-1/5', '2024-01-05-', '5/1/2024', '2024年1月', '１']) {
      expect(parseLooseDate(raw), raw).toEqual(problem('DATE_FORMAT'));
    }
  });

  it('rejects a date after today only when today is given', () => {
    expect(parseLooseDate('2024-01-02', { today: '2024-01-01' })).toEqual(problem('DATE_FUTURE'));
    expect(parseLooseDate('2024-01-01', { today: '2024-01-01' })).toEqual(ok('2024-01-01'));
    expect(parseLooseDate('2099-01-02')).toEqual(ok('2099-01-02'));
  });

  it('reads Excel serials of the 1900 date system, including the Lotus leap-year bug', () => {
    const serial = (raw: number | string) => parseLooseDate(raw, { allowSerial: true });
    expect(serial(1)).toEqual(ok('1900-01-01'));
    expect(serial(59)).toEqual(ok('1900-02-28'));
    expect(serial(60)).toEqual(problem('DATE_INVALID'));
    expect(serial(61)).toEqual(ok('1900-03-01'));
    expect(serial(45292)).toEqual(ok('2024-01-01'));
    expect(serial('45292')).toEqual(ok('2024-01-01'));
    expect(serial(45292.75)).toEqual(ok('2024-01-01'));
    expect(serial(0)).toEqual(problem('DATE_FORMAT'));
    expect(serial(100_001)).toEqual(problem('DATE_FORMAT'));
    expect(parseLooseDate(45292, { allowSerial: true, today: '2023-12-31' })).toEqual(problem('DATE_FUTURE'));
  });

  it('does not read a serial unless allowed', () => {
    expect(parseLooseDate(45292)).toEqual(problem('DATE_FORMAT'));
    expect(parseLooseDate('45292')).toEqual(problem('DATE_FORMAT'));
    expect(parseLooseDate(Number.NaN, { allowSerial: true })).toEqual(problem('DATE_FORMAT'));
  });

  it('reads an eight-digit number as YYYYMMDD', () => {
    expect(parseLooseDate(20240105)).toEqual(ok('2024-01-05'));
    expect(parseLooseDate(20240105, { allowSerial: true })).toEqual(ok('2024-01-05'));
  });

  it('round-trips every date through every written form', () => {
    const day = fc.date({
      min: new Date('1000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        for (const raw of [iso, `${y}/${m}/${dd}`, `${y}.${m}.${dd}`, iso.replace(/-/g, ''), `${y}年${m}月${dd}日`]) {
          expect(parseLooseDate(raw)).toEqual(ok(iso));
        }
      }),
    );
  });

  it('agrees with the calendar for every serial from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 100_000 }), (serial) => {
        const expected = new Date(Date.UTC(1900, 2, 1) + (serial - 61) * 86_400_000).toISOString().slice(0, 10);
        expect(parseLooseDate(serial, { allowSerial: true })).toEqual(ok(expected));
      }),
    );
  });
});

describe('ageInCompletedYears', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(ageInCompletedYears('2000-05-10', '2018-05-09')).toBe(17);
    expect(ageInCompletedYears('2000-05-10', '2018-05-10')).toBe(18);
    expect(ageInCompletedYears('2000-05-10', '2000-05-10')).toBe(0);
  });

  it('lets someone born on 29 February turn a year older on 1 March of a non-leap year', () => {
    expect(ageInCompletedYears('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageInCompletedYears('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageInCompletedYears('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageInCompletedYears('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('is negative before the birth', () => {
    expect(ageInCompletedYears('2020-05-05', '2020-05-04')).toBe(-1);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => ageInCompletedYears('2020/5/5', '2024-01-01')).toThrow(RangeError);
  });

  it('never decreases as the later date moves forward', () => {
    const day = fc.date({
      min: new Date('1850-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(ageInCompletedYears(iso(birth), iso(earlier))).toBeLessThanOrEqual(
          ageInCompletedYears(iso(birth), iso(later)),
        );
      }),
    );
  });
});
