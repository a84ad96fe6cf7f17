import { describe, expect, it } from 'vitest';
import { excelDateSerial } from './excel-date-serial.js';

describe('excelDateSerial', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['1990-01-01', 32874],
    ['2024-02-29', 45351],
  ])('gives %s the day number Excel shows for it', (date, serial) => {
    expect(excelDateSerial(date)).toBe(serial);
  });

  it.each(['2023-02-29', '1899-12-31', '2024-13-01', '2024-1-1', '20240101', ''])(
    'rejects %j, which is not a real date Excel can hold',
    (text) => {
      expect(excelDateSerial(text)).toBeUndefined();
    },
  );
});
