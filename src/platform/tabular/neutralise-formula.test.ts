import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './neutralise-formula.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
  ])('prefixes an apostrophe to %j, which a spreadsheet would run', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it.each(['-12', '+3.5', '-0.25', '-1e5', '1=1', '张三', '', 'a-b', ' =1'])(
    'leaves %j alone: a plain number or text that does not start a formula',
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );
});
