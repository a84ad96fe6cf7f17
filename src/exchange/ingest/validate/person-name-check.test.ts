import { describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { isPersonNameField, personNameCheck } from './person-name-check.js';
import type { ValidationContext, ValidationIssue } from './validation-result.js';

const birth = getEventType('birth')!;
const field = birth.fields.find((candidate) => candidate.key === 'mother_name')!;
const check = personNameCheck(field);
const CONTEXT: ValidationContext = { today: '2026-11-30', orgType: 'health', isOwnDivision: () => true };

function run(raw: string): { value: string | number | undefined; codes: string[] } {
  const issues: ValidationIssue[] = [];
  const value = check(raw.trim(), raw, CONTEXT, issues);
  return { value, codes: issues.map((issue) => issue.code) };
}

describe('personNameCheck', () => {
  it.each([
    ['李晓红', '李晓红'],
    ['张  三', '张三'],
    ['阿卜杜拉・买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉•买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉‧买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉 · 买买提', '阿卜杜拉·买买提'],
    ['阿卜杜拉.买买提', '阿卜杜拉·买买提'],
    ['ＪＯＨＮ  SMITH', 'JOHN SMITH'],
    ["Mary-Jane O'Neil", "Mary-Jane O'Neil"],
    ['𠮷野家', '𠮷野家'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(run(raw)).toEqual({ value: canonical, codes: [] });
  });

  it.each(['李', '李晓红（曾用名李红）', '·买买提', '阿卜杜拉··买买提', '买买提·', '王*', '王?', '李_红'])(
    'rejects %s as not a name',
    (raw) => {
      expect(run(raw)).toEqual({ value: undefined, codes: ['NAME_INVALID'] });
    },
  );

  it.each(['王小明2', '不详', '王某某', '李晓红之子', 'JOHN 3'])('accepts but flags %s', (raw) => {
    const result = run(raw);
    expect(result.value).toBeDefined();
    expect(result.codes).toEqual(['NAME_SUSPICIOUS']);
  });

  it('counts the length of a name in characters, not UTF-16 units', () => {
    expect(run('𠮷'.repeat(50)).codes).toEqual([]);
    expect(run('𠮷'.repeat(51)).codes).toEqual(['TOO_LONG']);
  });

  it('applies to person names only, not to business or enterprise names', () => {
    const keys = (type: string) =>
      getEventType(type)!
        .fields.filter(isPersonNameField)
        .map((candidate) => candidate.key);
    expect(keys('birth')).toEqual(['child_name', 'mother_name', 'father_name']);
    expect(keys('business_license')).toEqual(['name']);
    expect(keys('enterprise_registration')).toEqual([]);
  });
});
