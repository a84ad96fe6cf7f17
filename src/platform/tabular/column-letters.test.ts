import { describe, expect, it } from 'vitest';
import { columnLetters } from './column-letters.js';

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('names column %i %s as Excel does', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});
