import { describe, expect, it } from 'vitest';
import { codeField, dateField, divisionField } from './field-builders.js';

const spec = { key: 'x', label: ['标签', 'Label'] as const, meaning: ['含义。', 'Meaning.'] as const };

describe('the field builders', () => {
  it('list the codes of a short table in the description a clerk reads', () => {
    const field = codeField({ ...spec, codeTable: 'sex' });
    expect(field.descriptionZh).toBe('含义。填代码或名称：1 男；2 女；0 未知的性别；9 未说明的性别。');
    expect(field.descriptionEn).toBe('Meaning. Code or label: 1 Male; 2 Female; 0 Unknown; 9 Not stated.');
  });

  it('list only the allowed codes when a field restricts its table', () => {
    const field = codeField({ ...spec, codeTable: 'marital_status', codes: ['10', '40'] });
    expect(field.descriptionZh).toBe('含义。填代码或名称：10 未婚；40 离婚。');
    expect(field.codes).toEqual(['10', '40']);
  });

  it('name a long table instead of listing it', () => {
    expect(codeField({ ...spec, codeTable: 'ethnicity' }).descriptionZh).toBe(
      '含义。填代码或名称，见代码表“民族”（GB 3304-1991）。',
    );
  });

  it('say whether a date may lie in the future', () => {
    expect(dateField(spec).descriptionZh).toMatch(/不得晚于导入当天/);
    expect(dateField({ ...spec, allowFuture: true })).toMatchObject({ allowFuture: true });
    expect(dateField({ ...spec, allowFuture: true }).descriptionZh).not.toMatch(/不得晚于/);
  });

  it('make a field optional unless told otherwise', () => {
    expect(divisionField(spec).required).toBe(false);
    expect(divisionField({ ...spec, required: true }).required).toBe(true);
    expect(divisionField({ ...spec, anyDistrict: true }).kind).toBe('division_any');
  });
});
