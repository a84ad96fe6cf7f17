import { describe, expect, it } from 'vitest';
import { isOrgType } from '../../platform/orgs/org-types.js';
import { getCodeTable } from './code-tables.js';
import { EVENT_TYPES } from './event-catalog.js';
import type { CrossFieldRule, EventType, FieldDefinition, FieldKind } from './event-type.js';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Keys the contract uses in two senses: `reason` is a move-reason code in the hukou types and
 * free text in birth_permit; `method` is a termination method or a contraceptive procedure.
 */
const KEYS_WITH_TWO_MEANINGS = new Set(['reason', 'method']);

const fieldOf = (type: EventType, key: string): FieldDefinition | undefined => type.fields.find((f) => f.key === key);

/** The kinds each rule expects of the fields it names. */
function ruleFields(rule: CrossFieldRule): Array<[string, FieldKind[]]> {
  switch (rule.rule) {
    case 'date_not_before':
      return [
        [rule.field, ['date']],
        [rule.other, ['date']],
      ];
    case 'id_agrees':
      return [
        [rule.idField, ['id_number']],
        ...(rule.birthDateField ? [[rule.birthDateField, ['date']] as [string, FieldKind[]]] : []),
        ...(rule.sexField ? [[rule.sexField, ['code']] as [string, FieldKind[]]] : []),
      ];
    case 'one_of_required':
      return rule.groups.flat().map((key) => [key, ['id_number', 'date', 'code']]);
    case 'age_at':
      return [
        [rule.idField, ['id_number']],
        [rule.dateField, ['date']],
      ];
    case 'id_sex':
      return [[rule.idField, ['id_number']]];
    case 'fields_differ':
      return rule.fields.map((key) => [key, ['id_number']]);
  }
}

describe('every event type of the catalog', () => {
  it('has a unique snake_case key', () => {
    const keys = EVENT_TYPES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(SNAKE_CASE);
  });

  for (const type of EVENT_TYPES) {
    describe(type.key, () => {
      it('has labels and descriptions in Chinese and English', () => {
        expect(type.labelZh).toMatch(HAS_CHINESE);
        expect(type.descriptionZh).toMatch(HAS_CHINESE);
        expect(type.labelEn).toMatch(/^[A-Z]/);
        expect(type.descriptionEn).toMatch(/^[A-Z].*\.$/);
      });

      it('has unique snake_case field keys and unique Chinese and English labels (the template headers)', () => {
        const keys = type.fields.map((f) => f.key);
        expect(new Set(keys).size, keys.join()).toBe(keys.length);
        for (const key of keys) expect(key).toMatch(SNAKE_CASE);
        const zh = type.fields.map((f) => f.labelZh);
        expect(new Set(zh).size, zh.join()).toBe(zh.length);
        const en = type.fields.map((f) => f.labelEn.toLowerCase());
        expect(new Set(en).size, en.join()).toBe(en.length);
      });

      it('describes every field in both languages', () => {
        for (const field of type.fields) {
          expect(field.labelZh, field.key).toMatch(HAS_CHINESE);
          expect(field.labelEn, field.key).toMatch(/^[A-Z]/);
          expect(field.descriptionZh, field.key).toMatch(HAS_CHINESE);
          expect(field.descriptionEn, field.key).toMatch(/^[A-Z].*\.$/);
        }
      });

      it('gives every field what its kind needs, and nothing another kind needs', () => {
        for (const field of type.fields) {
          if (field.kind === 'code') {
            const table = getCodeTable(field.codeTable ?? '');
            expect(table, `${field.key} → ${field.codeTable}`).toBeDefined();
            const codes = table!.entries.map((e) => e.code);
            for (const code of field.codes ?? []) expect(codes, field.key).toContain(code);
            if (field.defaultValue !== undefined) expect(codes).toContain(field.defaultValue);
          } else {
            expect(field.codeTable, field.key).toBeUndefined();
            expect(field.codes, field.key).toBeUndefined();
          }
          if (field.kind === 'integer') expect(field.min!, field.key).toBeLessThanOrEqual(field.max!);
          else expect([field.min, field.max], field.key).toEqual([undefined, undefined]);
          if (field.kind === 'string' || field.kind === 'certificate')
            expect(field.maxLength, field.key).toBeGreaterThan(0);
          if (field.allowFuture) expect(field.kind, field.key).toBe('date');
          if (field.defaultValue !== undefined) expect(field.required, field.key).toBe(false);
        }
      });

      it('dates its events by a date field, required unless the day of receipt stands in', () => {
        const field = fieldOf(type, type.eventDateField);
        expect(field?.kind).toBe('date');
        expect(field?.allowFuture).toBeFalsy();
        expect(field?.required).toBe(type.eventDateDefault === undefined);
      });

      it('names its subject by a required ID number or credit code, or by mother, birth date and sex', () => {
        const field = fieldOf(type, type.subjectField);
        expect(field?.kind).toBe(type.subjectKind === 'person' ? 'id_number' : 'credit_code');
        const alternative = type.subjectAlternative;
        expect(field?.required).toBe(alternative === undefined);
        if (alternative) {
          expect(fieldOf(type, alternative.motherIdField)?.kind).toBe('id_number');
          expect(fieldOf(type, alternative.birthDateField)?.kind).toBe('date');
          expect(fieldOf(type, alternative.sexField)?.codeTable).toBe('sex');
        }
      });

      it('lets known org types submit it, its own department among them', () => {
        expect(type.submitters.length).toBeGreaterThan(0);
        expect(new Set(type.submitters).size).toBe(type.submitters.length);
        for (const org of type.submitters) expect(isOrgType(org), org).toBe(true);
        expect(type.submitters).toContain(type.department);
      });

      it('checks only fields it has, of the kinds the rules expect', () => {
        for (const rule of type.rules) {
          for (const [key, kinds] of ruleFields(rule)) {
            const field = fieldOf(type, key);
            expect(field, `${rule.rule}: ${key}`).toBeDefined();
            expect(kinds, `${rule.rule}: ${key}`).toContain(field!.kind);
            if (rule.rule === 'id_agrees' && key === rule.sexField) expect(field!.codeTable).toBe('sex');
          }
        }
      });
    });
  }

  it('uses each field key with one kind and one code table across all types', () => {
    const seen = new Map<string, string>();
    for (const type of EVENT_TYPES) {
      for (const field of type.fields) {
        if (KEYS_WITH_TWO_MEANINGS.has(field.key)) continue;
        const shape = `${field.kind}:${field.codeTable ?? ''}`;
        expect(seen.get(field.key) ?? shape, `${type.key}.${field.key}`).toBe(shape);
        seen.set(field.key, shape);
      }
    }
  });

  it('requires a vaccination to name the child by ID number or by mother, birth date and sex', () => {
    const vaccination = EVENT_TYPES.find((t) => t.key === 'vaccination')!;
    expect(vaccination.rules).toContainEqual({
      rule: 'one_of_required',
      groups: [['child_id_number'], ['mother_id_number', 'child_birth_date', 'child_sex']],
      severity: 'error',
    });
  });

  it('cannot be changed at run time', () => {
    const type = EVENT_TYPES[0]!;
    expect(Object.isFrozen(EVENT_TYPES)).toBe(true);
    expect(Object.isFrozen(type)).toBe(true);
    expect(Object.isFrozen(type.fields)).toBe(true);
  });
});
