import { describe, expect, it } from 'vitest';
import { cellText, excelGeneralText, numberText } from './cell-text.js';
import { serialDateText } from './serial-date-text.js';

describe('cellText', () => {
  it('writes whole numbers in plain digits, never in exponent notation', () => {
    expect(numberText(440606)).toBe('440606');
    expect(numberText(440606000000)).toBe('440606000000');
    expect(numberText(1e20)).toBe('100000000000000000000');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(1e-7)).toBe('0.0000001');
  });

  it('shows a long number in an ID column the way Excel displays it, so validation can refuse it', () => {
    expect(cellText({ number: 440606199001011234 }, 'id_number')).toBe('4.40606E+17');
    expect(cellText({ number: 320102199001011234 }, 'id_number')).toBe('3.20102E+17');
    expect(cellText({ number: 1e15 }, 'credit_code')).toBe('1E+15');
    expect(cellText({ number: 440606199001011234 }, 'string')).toBe('440606199001011264');
    expect(cellText({ number: 440606199001 }, 'id_number')).toBe('440606199001');
    expect(excelGeneralText(1.23456789e-20)).toBe('1.23457E-20');
  });

  it('gives a date-formatted number as its date and a plain serial as its number', () => {
    expect(cellText({ number: 45296, dateText: '2024-01-05' }, 'date')).toBe('2024-01-05');
    expect(cellText({ number: 45296 }, 'date')).toBe('45296');
    expect(cellText('  text ', 'string')).toBe('  text ');
  });
});

describe('serialDateText', () => {
  it('reads the 1900 date system with its fictitious 1900-02-29', () => {
    expect(serialDateText(1, false)).toBe('1900-01-01');
    expect(serialDateText(59, false)).toBe('1900-02-28');
    expect(serialDateText(60, false)).toBeUndefined();
    expect(serialDateText(61, false)).toBe('1900-03-01');
    expect(serialDateText(45296.75, false)).toBe('2024-01-05');
    expect(serialDateText(0.5, false)).toBeUndefined();
  });

  it('reads the 1904 date system', () => {
    expect(serialDateText(1, true)).toBe('1904-01-02');
    expect(serialDateText(43834, true)).toBe('2024-01-05');
  });
});
