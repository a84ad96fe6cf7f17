import { describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createHeaderMatcher, mapHeaders, normaliseHeader } from './map-headers.js';

const moveOut = getEventType('hukou_move_out')!;
const matcher = createHeaderMatcher(moveOut);

describe('header matching', () => {
  it('matches a field by key, Chinese label or English label', () => {
    expect(matcher.match('id_number')).toBe('id_number');
    expect(matcher.match('ID_NUMBER')).toBe('id_number');
    expect(matcher.match('公民身份号码')).toBe('id_number');
    expect(matcher.match('id number')).toBe('id_number');
    expect(matcher.match('Record ID')).toBe('record_id');
    expect(matcher.match('操作')).toBe('action');
  });

  it('ignores spaces (also full-width ones and line breaks) and required-column markers', () => {
    expect(matcher.match(' 公民\u3000身份号码 ')).toBe('id_number');
    expect(matcher.match('公民身份号码*')).toBe('id_number');
    expect(matcher.match('*公民身份号码')).toBe('id_number');
    expect(matcher.match('公民身份号码（必填）')).toBe('id_number');
    expect(matcher.match('公民身份号码\n(必填)')).toBe('id_number');
    expect(matcher.match('迁出日期＊')).toBe('moved_on');
    expect(normaliseHeader('Ｒｅｃｏｒｄ ＩＤ')).toBe('recordid');
  });

  it('matches nothing for a header of no field', () => {
    expect(matcher.match('备注')).toBeNull();
    expect(matcher.match('')).toBeNull();
    expect(matcher.matchKey('公民身份号码')).toBeNull();
    expect(matcher.matchKey(' Moved_On ')).toBe('moved_on');
  });
});

describe('mapHeaders', () => {
  it('maps columns, reports unknown ones and the required fields without a column', () => {
    const mapping = mapHeaders(['记录编号', '备注', '迁出日期', ''], moveOut, matcher);
    expect(mapping.columns).toEqual([
      { index: 0, header: '记录编号', key: 'record_id' },
      { index: 1, header: '备注', key: null },
      { index: 2, header: '迁出日期', key: 'moved_on' },
      { index: 3, header: '', key: null },
    ]);
    expect(mapping.unknownColumns).toEqual(['备注']);
    expect(mapping.missingRequiredColumns).toEqual(['id_number']);
    expect(mapping.problems).toEqual([]);
  });

  it('reports a field headed twice as DUPLICATE_COLUMN and keeps the first column', () => {
    const mapping = mapHeaders(['公民身份号码', 'record_id', 'id_number'], moveOut, matcher);
    expect(mapping.columns[2]).toEqual({ index: 2, header: 'id_number', key: null });
    expect(mapping.problems).toHaveLength(1);
    expect(mapping.problems[0]).toMatchObject({
      code: 'DUPLICATE_COLUMN',
      details: { field: 'id_number', columns: [0, 2] },
    });
    expect(mapping.problems[0]!.messageZh).toContain('公民身份号码');
    expect(mapping.unknownColumns).toEqual([]);
  });

  it('lets a hidden row of field keys decide where the header text names no field', () => {
    const mapping = mapHeaders(['编号', '身份证号', '日期'], moveOut, matcher, ['record_id', 'id_number', 'moved_on']);
    expect(mapping.columns.map((column) => column.key)).toEqual(['record_id', 'id_number', 'moved_on']);
    expect(mapping.missingRequiredColumns).toEqual([]);
  });
});
