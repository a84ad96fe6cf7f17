import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, getEventType } from './event-catalog.js';
import { toJsonSchema } from './json-schema.js';

const ajv = new Ajv({ allErrors: true });
const validatorFor = (key: string) => ajv.compile(toJsonSchema(getEventType(key)!));

describe('toJsonSchema', () => {
  it('produces a schema that ajv compiles in strict mode for every event type', () => {
    for (const type of EVENT_TYPES) expect(() => new Ajv().compile(toJsonSchema(type)), type.key).not.toThrow();
  });

  it('requires exactly the required fields and describes every field', () => {
    for (const type of EVENT_TYPES) {
      const schema = toJsonSchema(type);
      expect(schema.required).toEqual(type.fields.filter((f) => f.required).map((f) => f.key));
      expect(Object.keys(schema.properties)).toEqual(type.fields.map((f) => f.key));
    }
  });

  describe('for hukou_birth', () => {
    const validate = validatorFor('hukou_birth');
    const valid = {
      record_id: 'PS-005-2024-000123',
      action: 'create',
      id_number: '44060620240105002X',
      name: '陈小明',
      sex: '2',
      birth_date: '2024-01-05',
      division: '440606005001',
      registered_on: '2024-02-01',
      mother_id_number: '11010519491231002X',
      household_number: '440606005001000123',
      ethnicity: '01',
      relation_to_head: '32',
    };

    it('accepts a canonical record', () => {
      expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
    });

    it('rejects a record without a required field', () => {
      const missing: Partial<typeof valid> = { ...valid };
      delete missing.registered_on;
      expect(validate(missing)).toBe(false);
      expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'registered_on' });
    });

    it('rejects values that are not in canonical form', () => {
      for (const [key, value] of [
        ['sex', '女'],
        ['birth_date', '2024/1/5'],
        ['birth_date', '2024-13-05'],
        ['id_number', '44060620240105002x'],
        ['division', '440606005'],
        ['action', 'delete'],
        ['record_id', ''],
        ['record_id', 'x'.repeat(65)],
        ['ethnicity', '57'],
      ] as const) {
        expect(validate({ ...valid, [key]: value }), `${key}=${value}`).toBe(false);
      }
    });

    it('rejects a field the type does not have', () => {
      expect(validate({ ...valid, submitting_org: 'PS-005' })).toBe(false);
    });

    it('declares that an empty action means create', () => {
      expect(toJsonSchema(getEventType('hukou_birth')!).properties.action?.default).toBe('create');
    });
  });

  describe('for birth', () => {
    const validate = validatorFor('birth');
    const valid = {
      record_id: 'HOSP-1-778',
      mother_id_number: '11010519491231002X',
      child_sex: '1',
      birth_date: '2024-01-05',
    };

    it('accepts integers as numbers within their range', () => {
      expect(validate({ ...valid, birth_weight_g: 3200, gestational_weeks: 39, birth_order: 2 })).toBe(true);
    });

    it('rejects an integer written as text or out of range', () => {
      expect(validate({ ...valid, birth_weight_g: '3200' })).toBe(false);
      expect(validate({ ...valid, birth_weight_g: 100 })).toBe(false);
      expect(validate({ ...valid, gestational_weeks: 39.5 })).toBe(false);
    });
  });

  it('accepts a vaccination naming the child only through the mother (the either-or rule is the validator’s)', () => {
    const validate = validatorFor('vaccination');
    expect(
      validate({
        record_id: 'V1',
        vaccine: 'HepB',
        vaccinated_on: '2024-01-05',
        mother_id_number: '11010519491231002X',
        child_birth_date: '2024-01-05',
        child_sex: '1',
        dose: 1,
      }),
    ).toBe(true);
    expect(validate({ record_id: 'V1', vaccine: 'COVID', vaccinated_on: '2024-01-05' })).toBe(false);
  });

  it('checks the shape of a credit code', () => {
    const validate = validatorFor('enterprise_deregistration');
    expect(validate({ record_id: 'E1', credit_code: '91350100M000100Y43', deregistered_on: '2024-01-05' })).toBe(true);
    expect(validate({ record_id: 'E1', credit_code: '91350100M000100I43', deregistered_on: '2024-01-05' })).toBe(false);
  });

  it('allows only the codes a field permits when it restricts its table', () => {
    const validate = validatorFor('woman_profile');
    const valid = {
      record_id: 'W1',
      id_number: '11010519491231002X',
      name: '李华',
      birth_date: '1949-12-31',
      marital_status: '20',
      division: '440606005001',
    };
    expect(validate({ ...valid, contraception_method: '1' })).toBe(true);
    expect(validate({ ...valid, contraception_method: '2' })).toBe(false);
  });

  it('allows a permit decision only as approved or refused', () => {
    const validate = validatorFor('birth_permit');
    const valid = {
      record_id: 'P1',
      husband_id_number: '440524188001010014',
      wife_id_number: '11010519491231002X',
      child_order: 2,
      decided_on: '2010-05-01',
      decision: 'approved',
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, decision: '批准' })).toBe(false);
    expect(validate({ ...valid, child_order: 1 })).toBe(false);
  });
});
