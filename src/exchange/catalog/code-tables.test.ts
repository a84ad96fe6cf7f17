import { describe, expect, it } from 'vitest';
import { CODE_TABLES, getCodeTable } from './code-tables.js';
import { lookupCode, lookupKey } from './lookup-code.js';
import { rollUpCode } from './roll-up-code.js';

describe('the code tables', () => {
  for (const [name, table] of Object.entries(CODE_TABLES)) {
    describe(name, () => {
      it('is named by its key and tagged with a code system and edition', () => {
        expect(table.name).toBe(name);
        expect(table.system.length).toBeGreaterThan(0);
        expect(table.edition.length).toBeGreaterThan(0);
        expect(table.titleZh).toMatch(/[\u4e00-\u9fff]/);
        expect(table.titleEn).toMatch(/^[A-Z]/);
      });

      it('has unique codes with labels in both languages', () => {
        const codes = table.entries.map((e) => e.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const entry of table.entries) {
          expect(entry.labelZh, entry.code).toMatch(/[\u4e00-\u9fff]/);
          expect(entry.labelEn, entry.code).toMatch(/^[A-Z]/);
        }
      });

      it('never lets one spelling stand for two codes', () => {
        const owner = new Map<string, string>();
        for (const entry of table.entries) {
          for (const spelling of [entry.code, entry.labelZh, entry.labelEn, ...(entry.aliases ?? [])]) {
            const key = lookupKey(spelling);
            expect(owner.get(key) ?? entry.code, `"${spelling}"`).toBe(entry.code);
            owner.set(key, entry.code);
          }
        }
      });

      it('rolls detail codes up only to codes of the same table', () => {
        for (const entry of table.entries.filter((e) => e.rollsUpTo)) {
          expect(table.entries.map((e) => e.code)).toContain(entry.rollsUpTo);
        }
      });
    });
  }

  it('hold the GB/T 2261.1 sex codes', () => {
    expect(CODE_TABLES.sex.entries.map((e) => [e.code, e.labelZh])).toEqual([
      ['1', '男'],
      ['2', '女'],
      ['0', '未知的性别'],
      ['9', '未说明的性别'],
    ]);
  });

  it('hold the 56 nationalities of GB 3304 with unique numbers and letter codes, and mark the two extensions', () => {
    const standard = CODE_TABLES.ethnicity.entries.filter((e) => !e.extension);
    expect(standard.map((e) => e.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    const letters = standard.map((e) => e.aliases?.[0]);
    for (const pair of letters) expect(pair).toMatch(/^[A-Z]{2}$/);
    expect(new Set(letters).size).toBe(56);
    expect(CODE_TABLES.ethnicity.entries.filter((e) => e.extension).map((e) => e.code)).toEqual(['97', '98']);
  });

  it('hold the GB/T 4761 relations as two-digit codes', () => {
    for (const entry of CODE_TABLES.family_relation.entries) expect(entry.code).toMatch(/^\d{2}$/);
    expect(lookupCode('family_relation', '户主')).toBe('02');
    expect(lookupCode('family_relation', '长女')).toBe('32');
  });

  it('find a table by name and nothing for an unknown name', () => {
    expect(getCodeTable('sex')).toBe(CODE_TABLES.sex);
    expect(getCodeTable('constructor')).toBeUndefined();
  });
});

describe('lookupCode', () => {
  it('accepts the code, the Chinese and English labels and the aliases', () => {
    expect(['1', '男', '男性', 'Male', 'M'].map((raw) => lookupCode('sex', raw))).toEqual(['1', '1', '1', '1', '1']);
    expect(['2', '女', '女性', 'Female', 'F'].map((raw) => lookupCode('sex', raw))).toEqual(['2', '2', '2', '2', '2']);
    expect(lookupCode('marital_status', '初婚')).toBe('21');
    expect(lookupCode('marital_status', '未说明')).toBe('90');
    expect(lookupCode('action', '更正')).toBe('correct');
    expect(lookupCode('labor_direction', '输出')).toBe('out');
    expect(lookupCode('permit_decision', '不批准')).toBe('refused');
  });

  it('ignores spaces around the value, full-width forms and the case of Latin letters', () => {
    expect(lookupCode('sex', ' 1 ')).toBe('1');
    expect(lookupCode('sex', '１')).toBe('1');
    expect(lookupCode('sex', 'male')).toBe('1');
    expect(lookupCode('sex', ' 男 ')).toBe('1');
    expect(lookupCode('vaccine', 'hepb')).toBe('HepB');
    expect(lookupCode('vaccine', 'ＢＣＧ')).toBe('BCG');
    expect(lookupCode('vaccine', 'bopv')).toBe('OPV');
    expect(lookupCode('ethnicity', 'ha')).toBe('01');
    expect(lookupCode('ethnicity', '汉')).toBe('01');
    expect(lookupCode('action', 'CREATE')).toBe('create');
  });

  it('accepts a number from a spreadsheet cell', () => {
    expect(lookupCode('sex', 2)).toBe('2');
    expect(lookupCode('marital_status', 10)).toBe('10');
  });

  it('accepts the table itself as well as its name', () => {
    expect(lookupCode(CODE_TABLES.move_reason, '购房')).toBe('5');
  });

  it('finds nothing for a value of another table, an unknown value or an empty cell', () => {
    expect(lookupCode('sex', '10')).toBeUndefined();
    expect(lookupCode('sex', '男女')).toBeUndefined();
    expect(lookupCode('marital_status', '')).toBeUndefined();
    expect(lookupCode('vaccine', 'COVID')).toBeUndefined();
  });
});

describe('rollUpCode', () => {
  it('counts 初婚, 再婚 and 复婚 as 已婚 and leaves other codes alone', () => {
    const table = CODE_TABLES.marital_status;
    expect(['21', '22', '23', '20', '10', '40'].map((code) => rollUpCode(table, code))).toEqual([
      '20',
      '20',
      '20',
      '20',
      '10',
      '40',
    ]);
  });
});
