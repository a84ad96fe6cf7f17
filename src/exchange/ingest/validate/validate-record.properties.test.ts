import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_TABLES, EVENT_TYPES, type EventType, type FieldDefinition } from '../../catalog/index.js';
import { idCheckChar } from '../../../platform/identity/index.js';
import { validateRecord } from './validate-record.js';
import { VALIDATION_CODES, isValidationCode } from './validation-codes.js';
import type { ValidationContext, ValidationResult } from './validation-result.js';

const TODAY = '2026-11-30';
const ORG_TYPES = ['police', 'health', 'civil', 'labor', 'commerce', 'mch', 'town', 'village', 'bureau', 'nobody'];
const PROPERTY_RUNS = 400;

const contextFor = (orgType: string): ValidationContext => ({
  today: TODAY,
  orgType,
  isOwnDivision: (code) => code.startsWith('440606') && code !== '440606000000',
});

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const dayBetween = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
/** Mostly days a record can hold, sometimes before 1850 or after today. */
const isoDay = fc.oneof(
  { weight: 4, arbitrary: dayBetween('1930-01-01', TODAY) },
  { weight: 1, arbitrary: dayBetween('1840-01-01', '2030-12-31') },
);
const toFullWidth = (text: string) => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** ID numbers as clerks and spreadsheets write them: valid, mistyped, legacy, mangled. */
const idCell = fc
  .tuple(fc.constantFrom('11', '44', '65', '83', '44', '44', '99'), digits(4), isoDay, digits(3), fc.nat(8))
  .map(([province, county, day, order, form]) => {
    const body = `${province}${county}${day.replaceAll('-', '')}${order}`;
    const id = body + idCheckChar(body);
    switch (form) {
      case 0:
        return id;
      case 1:
        return id.toLowerCase();
      case 2:
        return toFullWidth(id);
      case 3:
        return `${body}${(Number(id[17] === 'X' ? 10 : id[17]) + 1) % 10}`;
      case 4:
        return `${body.slice(0, 6)}${body.slice(8)}`;
      case 5:
        return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
      case 6:
        return `${id[0]}.${id.slice(1, 6)}E+17`;
      default:
        return id;
    }
  });

/** Dates in every accepted form, and some that are not. */
const dateCell = fc.tuple(isoDay, fc.nat(5)).map(([day, form]) => {
  const [y, m, d] = day.split('-') as [string, string, string];
  switch (form) {
    case 0:
      return day;
    case 1:
      return `${y}/${Number(m)}/${Number(d)}`;
    case 2:
      return `${y}${m}${d}`;
    case 3:
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 4:
      return String(Math.round((Date.parse(day) - Date.UTC(1899, 11, 30)) / 86_400_000));
    default:
      return `${d}.${m}.${y}`;
  }
});

function plausibleCell(field: FieldDefinition): fc.Arbitrary<string> {
  switch (field.kind) {
    case 'id_number':
      return idCell;
    case 'date':
      return dateCell;
    case 'code': {
      const entries = CODE_TABLES[field.codeTable!].entries;
      return fc.constantFrom(...entries.flatMap((e) => [e.code, e.labelZh, e.labelEn, ...(e.aliases ?? [])]), '?');
    }
    case 'integer':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: field.min ?? 0, max: field.max ?? 100 }).map(String) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => `${n}.0`) },
        { weight: 1, arbitrary: fc.integer({ min: -5, max: 9000 }).map(String) },
      );
    case 'division':
    case 'division_any':
      return fc.oneof(
        fc.constant('440606').chain((p) => digits(6).map((rest) => p + rest)),
        digits(9),
        digits(6),
        digits(7),
      );
    case 'credit_code':
      return fc.constantFrom('91350100M000100Y43', '91350100m000100y43', '91350100M000100Y44', '9135');
    case 'string':
    case 'certificate':
      return fc.oneof(
        fc.constantFrom('张三', '阿卜杜拉・买买提', 'JOHN SMITH', '王 五', 'A123456789'),
        fc.string({ maxLength: 70 }),
      );
  }
}

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '=cmd|x', '撤销', 'cancel', '１２３', '4.40606E+17', "'"),
);

/**
 * A row with a cell per catalog key (each optional, or with `filled` the required ones always
 * there), plus stray columns the catalog does not know.
 */
function rowFor(type: EventType, cell: (field: FieldDefinition) => fc.Arbitrary<string>, filled: boolean) {
  const model = Object.fromEntries(type.fields.map((field) => [field.key, cell(field)]));
  const requiredKeys = filled ? type.fields.filter((field) => field.required).map((field) => field.key) : [];
  return fc
    .tuple(
      fc.record(model, { requiredKeys }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }) as Record<string, string>);
}

const TYPES = new Map(EVENT_TYPES.map((type) => [type.key, type]));

/**
 * [event type key, row, org type]; keys rather than types keep counterexamples short. With
 * `filled`, required cells are always there and the organisation may submit the type.
 */
const cases = (cell: (field: FieldDefinition) => fc.Arbitrary<string>, filled = false) =>
  fc.constantFrom(...TYPES.keys()).chain((key) => {
    const type = TYPES.get(key)!;
    const orgs = filled ? type.submitters : [...type.submitters, ...ORG_TYPES];
    return fc.tuple(fc.constant(key), rowFor(type, cell, filled), fc.constantFrom(...orgs));
  });

/** The invariants every result must satisfy, whatever the input. */
function expectWellFormed(type: EventType, values: Record<string, string>, result: ValidationResult): void {
  const keys = new Set(type.fields.map((field) => field.key));
  expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
  for (const issue of result.issues) {
    expect(isValidationCode(issue.code), issue.code).toBe(true);
    const declared = VALIDATION_CODES[issue.code].severity;
    if (declared !== 'rule') expect(issue.severity).toBe(declared);
    else expect(['error', 'warning']).toContain(issue.severity);
    if (issue.field !== undefined) expect(keys.has(issue.field)).toBe(true);
    if (issue.value !== undefined) {
      expect(issue.field).toBeDefined();
      expect(values[issue.field!]!.startsWith(issue.value.replace(/…$/, ''))).toBe(true);
    }
    expect(issue.message).not.toMatch(/\{\w+\}/);
    expect(issue.messageZh).not.toMatch(/\{\w+\}/);
  }
  for (const [key, value] of Object.entries(result.record)) {
    const field = type.fields.find((candidate) => candidate.key === key);
    expect(field, key).toBeDefined();
    expect(typeof value).toBe(field!.kind === 'integer' ? 'number' : 'string');
  }
}

describe('validateRecord on arbitrary input', () => {
  it('never throws, and gives either ok or issues with known codes, for random text in every field', () => {
    fc.assert(
      fc.property(
        cases(() => anyCell),
        ([key, values, orgType]) => {
          const type = TYPES.get(key)!;
          expectWellFormed(type, values, validateRecord(type, values, contextFor(orgType)));
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('gives well-formed results for rows of plausible and mistyped values', () => {
    fc.assert(
      fc.property(cases(plausibleCell), ([key, values, orgType]) => {
        const type = TYPES.get(key)!;
        expectWellFormed(type, values, validateRecord(type, values, contextFor(orgType)));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('accepts its own canonical record again, unchanged', () => {
    fc.assert(
      fc.property(cases(plausibleCell, true), ([key, values, orgType]) => {
        const type = TYPES.get(key)!;
        const context = contextFor(orgType);
        const first = validateRecord(type, values, context);
        const again = Object.fromEntries(Object.entries(first.record).map(([key, value]) => [key, String(value)]));
        const second = validateRecord(type, again, context);
        expect(second.record).toMatchObject(first.record);
        if (first.ok) {
          expect(second.record).toEqual(first.record);
          expect(second.ok).toBe(true);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('is deterministic: the same row gives the same result', () => {
    fc.assert(
      fc.property(cases(plausibleCell), ([key, values, orgType]) => {
        const type = TYPES.get(key)!;
        const context = contextFor(orgType);
        expect(validateRecord(type, values, context)).toEqual(validateRecord(type, values, context));
      }),
      { numRuns: 100 },
    );
  });
});
