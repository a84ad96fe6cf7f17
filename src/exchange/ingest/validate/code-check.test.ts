import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_TABLES, lookupCode, type CodeTableName, type FieldDefinition } from '../../catalog/index.js';
import { codeCheck } from './code-check.js';
import type { ValidationContext, ValidationIssue } from './validation-result.js';

const CONTEXT: ValidationContext = { today: '2026-11-30', orgType: 'health', isOwnDivision: () => true };
const TABLE_NAMES = Object.keys(CODE_TABLES) as CodeTableName[];

function fieldOf(codeTable: CodeTableName, codes?: string[]): FieldDefinition {
  return {
    key: 'coded',
    labelZh: '代码',
    labelEn: 'Code',
    kind: 'code',
    required: false,
    codeTable,
    ...(codes ? { codes } : {}),
    descriptionZh: '',
    descriptionEn: '',
  };
}

describe('codeCheck', () => {
  it('reads every code, label and alias of every table as lookupCode does', () => {
    for (const name of TABLE_NAMES) {
      const check = codeCheck(fieldOf(name));
      for (const entry of CODE_TABLES[name].entries) {
        for (const spelling of [entry.code, entry.labelZh, entry.labelEn, ...(entry.aliases ?? [])]) {
          for (const variant of [spelling, ` ${spelling.toUpperCase()} `, spelling.toLowerCase()]) {
            expect(check(variant.trim(), variant, CONTEXT, []), `${name}: ${variant}`).toBe(lookupCode(name, variant));
          }
        }
      }
    }
  });

  it('agrees with lookupCode on spellings with stray spaces, full-width forms and any letter case', () => {
    const toFullWidth = (text: string) =>
      text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
    const spelling = fc
      .constantFrom(...TABLE_NAMES)
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.constantFrom(
            ...CODE_TABLES[name].entries.flatMap((e) => [e.code, e.labelZh, e.labelEn, ...(e.aliases ?? [])]),
          ),
          fc.constantFrom('', ' ', '\u3000', '\t'),
          fc.boolean(),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(spelling, ([name, text, pad, upper, wide]) => {
        let raw = upper ? text.toUpperCase() : text.toLowerCase();
        if (wide) raw = toFullWidth(raw);
        raw = `${pad}${raw}${pad}`;
        expect(codeCheck(fieldOf(name))(raw.trim(), raw, CONTEXT, [])).toBe(lookupCode(name, raw));
      }),
    );
  });

  it('finds no code in arbitrary text that lookupCode would not find, but for number cells', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLE_NAMES), fc.string(), (name, raw) => {
        const text = raw.trim();
        if (text === '') return;
        const found = codeCheck(fieldOf(name))(text, raw, CONTEXT, []);
        if (found !== undefined && !/^\d+(\.0+)?$/.test(text)) expect(found).toBe(lookupCode(name, raw));
      }),
    );
  });

  it('refuses a code of the table that the field does not allow, by code and by label', () => {
    const check = codeCheck(fieldOf('marital_status', ['10', '30', '40', '90']));
    for (const raw of ['20', '已婚', 'Married']) {
      const issues: ValidationIssue[] = [];
      expect(check(raw, raw, CONTEXT, issues)).toBeUndefined();
      expect(issues.map((issue) => issue.code)).toEqual(['CODE_UNKNOWN']);
    }
    expect(check('未婚', '未婚', CONTEXT, [])).toBe('10');
  });

  it('names a long table instead of listing its codes', () => {
    const issues: ValidationIssue[] = [];
    codeCheck(fieldOf('ethnicity'))('火星族', '火星族', CONTEXT, issues);
    expect(issues[0]!.messageZh).toContain('GB 3304');
    expect(issues[0]!.messageZh.length).toBeLessThan(200);
  });

  it('reads the "10.0" of an Excel number cell as 10 and "1" as 01 in a two-digit table only', () => {
    expect(codeCheck(fieldOf('marital_status'))('10.0', '10.0', CONTEXT, [])).toBe('10');
    expect(codeCheck(fieldOf('marital_status'))('2', '2', CONTEXT, [])).toBeUndefined();
    expect(codeCheck(fieldOf('family_relation'))('2', '2', CONTEXT, [])).toBe('02');
    expect(codeCheck(fieldOf('sex'))('1.0', '1.0', CONTEXT, [])).toBe('1');
  });
});
