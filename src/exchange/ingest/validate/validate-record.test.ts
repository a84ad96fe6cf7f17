import { describe, expect, it } from 'vitest';
import { CODE_TABLES, EVENT_TYPES, getEventType, type EventType, type FieldDefinition } from '../../catalog/index.js';
import { idCheckChar } from '../../../platform/identity/index.js';
import { validateRecord } from './validate-record.js';
import type { ValidationCode } from './validation-codes.js';
import type { ValidationContext, ValidationResult } from './validation-result.js';

const CONTEXT: ValidationContext = {
  today: '2026-11-30',
  orgType: 'health',
  isOwnDivision: (code) => code === '440606001000' || code === '440606001001' || code === '440606002003',
};

/** A valid ID number: 6-digit address, YYYYMMDD, 3-digit order (odd male, even female), check character. */
function idNumber(address: string, birth: string, order: string): string {
  const body = `${address}${birth}${order}`;
  return body + idCheckChar(body);
}

const MOTHER = idNumber('440606', '19920315', '002');
const FATHER = idNumber('440606', '19900101', '001');
const BABY = idNumber('440606', '20240105', '003');
/** A correct 18-character number whose check character is 'X', and one with a wrong check character. */
const CHECK_X = '11010519491231002X';
const WRONG_CHECK = `${MOTHER.slice(0, 17)}${MOTHER[17] === '1' ? '2' : '1'}`;

const type = (key: string): EventType => {
  const found = getEventType(key);
  if (!found) throw new Error(`no event type ${key}`);
  return found;
};

/** A valid `birth` row (hospital report), to which each test applies one change. */
const BIRTH_ROW = {
  record_id: 'H-2024-0001',
  mother_id_number: MOTHER,
  child_sex: '1',
  birth_date: '2024-01-05',
  child_name: '王小明',
  mother_name: '李晓红',
  father_id_number: FATHER,
  birth_weight_g: '3250',
  gestational_weeks: '39',
  birth_order: '1',
  birth_certificate_number: 'Q440123456',
  division: '440606001001',
};

/** A valid `hukou_birth` row (police), whose ID number must agree with birth date and sex. */
const HUKOU_BIRTH_ROW = {
  record_id: 'P-1',
  id_number: BABY,
  name: '王小明',
  sex: '1',
  birth_date: '2024-01-05',
  division: '440606001001',
  registered_on: '2024-02-01',
  mother_id_number: MOTHER,
  father_id_number: FATHER,
};

const birth = (changes: Record<string, string>, context: Partial<ValidationContext> = {}) =>
  validateRecord(type('birth'), { ...BIRTH_ROW, ...changes }, { ...CONTEXT, ...context });
const hukouBirth = (changes: Record<string, string>) =>
  validateRecord(type('hukou_birth'), { ...HUKOU_BIRTH_ROW, ...changes }, { ...CONTEXT, orgType: 'police' });

interface Example {
  /** The test name: a sentence saying what a clerk would notice. */
  readonly sentence: string;
  readonly run: () => ValidationResult;
  /** The field the issue names; omitted for whole-row issues. */
  readonly field?: string;
  /** The row still passes (the issue is a warning). */
  readonly passes?: boolean;
}

/** One example per code; typed as a record over every code, so a new code cannot go untested. */
const EXAMPLES: Record<ValidationCode, Example> = {
  ORG_NOT_ALLOWED: {
    sentence: 'rejects a row from an organisation type that may not submit the event type',
    run: () => birth({}, { orgType: 'police' }),
  },
  RECORD_ID_MISSING: {
    sentence: 'rejects a row without a record ID',
    run: () => birth({ record_id: '  ' }),
    field: 'record_id',
  },
  RECORD_ID_INVALID: {
    sentence: 'rejects a record ID longer than 64 characters',
    run: () => birth({ record_id: 'R'.repeat(65) }),
    field: 'record_id',
  },
  ACTION_INVALID: {
    sentence: 'rejects an action other than create, correct or cancel',
    run: () => birth({ action: 'delete-all' }),
    field: 'action',
  },
  REQUIRED: {
    sentence: 'rejects a row whose required field is empty',
    run: () => birth({ child_sex: '' }),
    field: 'child_sex',
  },
  TOO_LONG: {
    sentence: 'rejects text longer than the field allows',
    run: () => birth({ birth_certificate_number: 'Q'.repeat(41) }),
    field: 'birth_certificate_number',
  },
  CONTROL_CHARACTER: {
    sentence: 'rejects a cell with a line break in it',
    run: () => birth({ birth_certificate_number: 'Q4401\n23456' }),
    field: 'birth_certificate_number',
  },
  FORMULA_TEXT: {
    sentence: 'rejects a cell holding a spreadsheet formula',
    run: () => birth({ child_name: "=cmd|' /C calc'!A0" }),
    field: 'child_name',
  },
  NAME_INVALID: {
    sentence: 'rejects a name with a note in brackets',
    run: () => birth({ mother_name: '李晓红（曾用名李红）' }),
    field: 'mother_name',
  },
  NAME_SUSPICIOUS: {
    sentence: 'accepts but flags a name with digits in it',
    run: () => birth({ child_name: '王小明2' }),
    field: 'child_name',
    passes: true,
  },
  ID_FORMAT: {
    sentence: 'rejects an ID number of the wrong length',
    run: () => birth({ mother_id_number: MOTHER.slice(0, 16) }),
    field: 'mother_id_number',
  },
  ID_CHECK_DIGIT: {
    sentence: 'rejects a row whose ID check digit is wrong',
    run: () => birth({ mother_id_number: WRONG_CHECK }),
    field: 'mother_id_number',
  },
  ID_BIRTH_DATE: {
    sentence: 'rejects an ID number whose birth date does not exist',
    run: () => birth({ mother_id_number: idNumber('440606', '19920231', '002') }),
    field: 'mother_id_number',
  },
  ID_PROVINCE: {
    sentence: 'rejects an ID number that starts with no province code',
    run: () => birth({ mother_id_number: idNumber('990606', '19920315', '002') }),
    field: 'mother_id_number',
  },
  ID_SCIENTIFIC_NOTATION: {
    sentence: 'rejects an ID number that Excel turned into scientific notation',
    run: () => birth({ mother_id_number: '4.40606E+17' }),
    field: 'mother_id_number',
  },
  ID_CONVERTED_15: {
    sentence: 'accepts a 15-digit legacy ID number, converting it with a warning',
    run: () => birth({ mother_id_number: '110105491231002' }),
    field: 'mother_id_number',
    passes: true,
  },
  ID_BIRTH_DATE_MISMATCH: {
    sentence: 'rejects a birth date that differs from the one in the ID number',
    run: () => hukouBirth({ birth_date: '2024-01-06', registered_on: '2024-02-01' }),
    field: 'birth_date',
  },
  ID_SEX_MISMATCH: {
    sentence: 'rejects a sex that differs from the one in the ID number',
    run: () => hukouBirth({ sex: '女' }),
    field: 'sex',
  },
  DATE_FORMAT: {
    sentence: 'rejects a date written day first',
    run: () => birth({ birth_date: '05/01/2024' }),
    field: 'birth_date',
  },
  DATE_INVALID: {
    sentence: 'rejects a date that does not exist',
    run: () => birth({ birth_date: '2023-02-29' }),
    field: 'birth_date',
  },
  DATE_FUTURE: {
    sentence: 'rejects a birth date after the day of import',
    run: () => birth({ birth_date: '2026-12-01' }),
    field: 'birth_date',
  },
  DATE_TOO_EARLY: {
    sentence: 'rejects a date before 1850',
    run: () =>
      validateRecord(
        type('hukou_death'),
        { record_id: 'D', id_number: FATHER, died_on: '2020-01-01', cancelled_on: '1849-12-31' },
        { ...CONTEXT, orgType: 'police' },
      ),
    field: 'cancelled_on',
  },
  DATE_ORDER: {
    sentence: 'rejects a registration dated before the birth',
    run: () => hukouBirth({ registered_on: '2024-01-04' }),
    field: 'registered_on',
  },
  CODE_UNKNOWN: {
    sentence: 'rejects a code that is not in the code table',
    run: () => birth({ child_sex: '3' }),
    field: 'child_sex',
  },
  INTEGER_INVALID: {
    sentence: 'rejects a number written with its unit',
    run: () => birth({ birth_weight_g: '3250克' }),
    field: 'birth_weight_g',
  },
  OUT_OF_RANGE: {
    sentence: 'rejects a birth weight given in kilograms instead of grams',
    run: () => birth({ birth_weight_g: '3' }),
    field: 'birth_weight_g',
  },
  DIVISION_INVALID: {
    sentence: 'rejects a division code of 10 digits',
    run: () => birth({ division: '4406060010' }),
    field: 'division',
  },
  DIVISION_NOT_IN_DISTRICT: {
    sentence: 'rejects a well-formed division code outside the district',
    run: () => birth({ division: '110105001001' }),
    field: 'division',
  },
  CREDIT_FORMAT: {
    sentence: 'rejects a credit code with a letter the standard does not use',
    run: () =>
      validateRecord(
        type('enterprise_deregistration'),
        { record_id: 'E', credit_code: '91350100M000100YO3', deregistered_on: '2024-01-01' },
        { ...CONTEXT, orgType: 'commerce' },
      ),
    field: 'credit_code',
  },
  CREDIT_CHECK: {
    sentence: 'rejects a credit code whose check character is wrong',
    run: () =>
      validateRecord(
        type('enterprise_deregistration'),
        { record_id: 'E', credit_code: '91350100M000100Y44', deregistered_on: '2024-01-01' },
        { ...CONTEXT, orgType: 'commerce' },
      ),
    field: 'credit_code',
  },
  AGE_RANGE: {
    sentence: 'rejects a mother who would have been younger than 12 at the birth',
    run: () => birth({ mother_id_number: idNumber('440606', '20150315', '002') }),
    field: 'mother_id_number',
  },
  ONE_OF_REQUIRED: {
    sentence: 'rejects a vaccination that identifies the child neither by ID number nor by mother, birth date and sex',
    run: () =>
      validateRecord(
        type('vaccination'),
        { record_id: 'V', vaccine: 'BCG', vaccinated_on: '2024-01-06', mother_id_number: MOTHER },
        CONTEXT,
      ),
  },
  ID_SEX_UNEXPECTED: {
    sentence: "accepts but flags a mother's ID number that encodes a man",
    run: () => birth({ mother_id_number: idNumber('440606', '19920315', '001'), father_id_number: '' }),
    field: 'mother_id_number',
    passes: true,
  },
  SAME_PERSON_TWICE: {
    sentence: 'rejects a row naming the same person as mother and father',
    run: () => birth({ father_id_number: MOTHER.toLowerCase() }),
    field: 'father_id_number',
  },
};

describe('validateRecord', () => {
  it('accepts the valid example rows without any issue', () => {
    expect(birth({}).issues).toEqual([]);
    expect(hukouBirth({}).issues).toEqual([]);
  });

  describe('reports each rule code', () => {
    for (const [code, example] of Object.entries(EXAMPLES)) {
      it(`${example.sentence} (${code})`, () => {
        const result = example.run();
        const issue = result.issues.find((candidate) => candidate.code === code);
        expect(issue, JSON.stringify(result.issues)).toBeDefined();
        expect(issue!.field).toBe(example.field);
        expect(result.ok).toBe(example.passes === true);
        expect(issue!.severity).toBe(example.passes ? 'warning' : 'error');
        expect(issue!.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(issue!.messageZh).not.toMatch(/第\s*\d+\s*行/);
        if (example.field) {
          expect(issue!.message).toContain(`(${example.field})`);
          expect(issue!.messageZh).toContain(`（${example.field}）`);
        }
        expect(issue!.message).not.toMatch(/\{\w+\}/);
        expect(issue!.messageZh).not.toMatch(/\{\w+\}/);
      });
    }
  });

  describe('canonicalises what it accepts', () => {
    it('turns labels into codes and loose dates into ISO dates', () => {
      const result = birth({ child_sex: ' 女 ', birth_date: '2024年1月5日', action: '更正' });
      expect(result.ok).toBe(true);
      expect(result.record).toMatchObject({ child_sex: '2', birth_date: '2024-01-05', action: 'correct' });
    });

    it.each([
      ['2024/1/5', '2024-01-05'],
      ['20240105', '2024-01-05'],
      ['2024.01.05', '2024-01-05'],
      ['2024-1-5 00:00:00', '2024-01-05'],
      ['45296', '2024-01-05'],
      ['２０２４－０１－０５', '2024-01-05'],
    ])('reads the date %s as %s', (raw, iso) => {
      expect(birth({ birth_date: raw }).record.birth_date).toBe(iso);
    });

    it('does not take a year alone for an Excel serial', () => {
      expect(birth({ birth_date: '2024' }).issues.map((issue) => issue.code)).toContain('DATE_FORMAT');
    });

    it('converts a 15-digit ID number to 18 characters and names the result in the warning', () => {
      const result = birth({ mother_id_number: '110105491231002' });
      expect(result.record.mother_id_number).toBe(CHECK_X);
      const warning = result.issues.find((issue) => issue.code === 'ID_CONVERTED_15')!;
      expect(warning.message).toContain(CHECK_X);
      expect(warning.messageZh).toContain(CHECK_X);
    });

    it('cleans up ID numbers typed with spaces, full-width digits, a lower-case x or a leading apostrophe', () => {
      for (const raw of [' 110105 19491231 002x ', '１１０１０５１９４９１２３１００２Ｘ', "'11010519491231002x"]) {
        const result = birth({ mother_id_number: raw, father_id_number: '' });
        expect(result.record.mother_id_number, raw).toBe(CHECK_X);
      }
    });

    it('keeps integers as numbers and reads the "3.0" of an Excel number cell as 3', () => {
      const result = birth({ birth_order: '3.0', birth_weight_g: '3,250', gestational_weeks: '３９' });
      expect(result.record).toMatchObject({ birth_order: 3, birth_weight_g: 3250, gestational_weeks: 39 });
      expect(birth({ birth_order: '2.5' }).issues.map((issue) => issue.code)).toEqual(['INTEGER_INVALID']);
    });

    it('pads a 9-digit town code of the district to 12 digits', () => {
      expect(birth({ division: '440606001' }).record.division).toBe('440606001000');
    });

    it('refuses a county code where a town or village of the district is expected', () => {
      expect(birth({ division: '440606' }).issues.map((issue) => issue.code)).toEqual(['DIVISION_INVALID']);
      expect(birth({ division: '440606000000' }).issues.map((issue) => issue.code)).toEqual(['DIVISION_INVALID']);
    });

    it('pads any 6- or 9-digit division where any division is allowed', () => {
      const row = { record_id: 'M', id_number: FATHER, moved_on: '2024-01-01', to_division: '110105' };
      const result = validateRecord(type('hukou_move_out'), row, { ...CONTEXT, orgType: 'police' });
      expect(result.record.to_division).toBe('110105000000');
    });

    it('reads an ethnic group code whose leading zero Excel dropped', () => {
      expect(hukouBirth({ ethnicity: '1' }).record.ethnicity).toBe('01');
      expect(hukouBirth({ ethnicity: '汉族' }).record.ethnicity).toBe('01');
    });

    it('defaults the action to create and drops fields that failed from the record', () => {
      const result = birth({ birth_weight_g: 'heavy' });
      expect(result.record.action).toBe('create');
      expect(result.record).not.toHaveProperty('birth_weight_g');
    });

    it('ignores columns the catalog does not know', () => {
      const result = validateRecord(type('birth'), { ...BIRTH_ROW, remarks: '=cmd|x', __proto__: 'x' }, CONTEXT);
      expect(result.ok).toBe(true);
      expect(result.record).not.toHaveProperty('remarks');
    });
  });

  describe('words its issues for the clerk', () => {
    it('does not reveal the correct check character of an ID number', () => {
      const issue = birth({ mother_id_number: WRONG_CHECK }).issues[0]!;
      expect(issue.message).toContain('do not just change the last character');
      expect(issue.messageZh).toBe(
        '母亲公民身份号码（mother_id_number）校验位错误：请对照身份证核对号码（不要只改最后一位）。',
      );
      expect(issue.message).not.toContain(MOTHER);
      expect(issue.messageZh).not.toContain(MOTHER);
    });

    it('accepts a valid ID number that happens to end in 000', () => {
      const bodies = Array.from(
        { length: 90 },
        (_, i) => `440606199203${String(10 + (i % 9)).padStart(2, '0')}${Math.floor(i / 9)}00`,
      );
      const body = bodies.find((candidate) => idCheckChar(candidate) === '0')!;
      expect(body).toBeDefined();
      const result = birth({ mother_id_number: `${body}0` });
      expect(result.issues).toEqual([]);
    });

    it('tells the clerk how to stop Excel from mangling ID numbers', () => {
      const issue = birth({ mother_id_number: '440606199203150000' }).issues[0]!;
      expect(issue.code).toBe('ID_SCIENTIFIC_NOTATION');
      expect(issue.messageZh).toContain('设置单元格格式→文本');
    });

    it('lists the allowed codes with their labels', () => {
      const issue = birth({ child_sex: '3' }).issues[0]!;
      expect(issue.messageZh).toContain('1 男，2 女');
      expect(issue.message).toContain('1 Male, 2 Female');
    });

    it('lists only the codes a restricted field allows', () => {
      const row = {
        record_id: 'M',
        husband_id_number: FATHER,
        wife_id_number: MOTHER,
        registered_on: '2024-01-01',
        wife_prior_marital_status: '已婚',
      };
      const issue = validateRecord(type('marriage'), row, { ...CONTEXT, orgType: 'civil' }).issues[0]!;
      expect(issue.code).toBe('CODE_UNKNOWN');
      expect(issue.messageZh).toContain('10 未婚');
      expect(issue.messageZh).not.toContain('20 已婚');
    });

    it('names both fields of a date-order problem', () => {
      const issue = hukouBirth({ registered_on: '2024-01-04' }).issues[0]!;
      expect(issue.messageZh).toContain('入户登记日期（registered_on）');
      expect(issue.messageZh).toContain('出生日期（birth_date）');
    });

    it("says how old the mother must be, without her age or anyone's data", () => {
      const issue = birth({ mother_id_number: idNumber('440606', '20150315', '002') }).issues[0]!;
      expect(issue.message).toContain('the mother must be at least 12 years old');
      expect(issue.messageZh).toContain('母亲在该日期应已满12周岁');
      expect(issue.message).not.toContain(FATHER);
    });

    it('lists the alternatives of a one-of-required rule', () => {
      const result = EXAMPLES.ONE_OF_REQUIRED.run();
      const issue = result.issues.find((candidate) => candidate.code === 'ONE_OF_REQUIRED')!;
      expect(issue.messageZh).toContain(
        '儿童公民身份号码（child_id_number），或母亲公民身份号码（mother_id_number）、儿童出生日期（child_birth_date）、儿童性别（child_sex）',
      );
    });

    it('keeps only the offending cell in value, cut to a sane length', () => {
      const issue = birth({ birth_certificate_number: 'Q'.repeat(5000) }).issues[0]!;
      expect(issue.value).toBe(`${'Q'.repeat(256)}…`);
    });
  });

  describe('cross-field rules', () => {
    it('checks a rule only when its fields passed their own checks', () => {
      const result = birth({ mother_id_number: WRONG_CHECK, father_id_number: WRONG_CHECK });
      expect(result.issues.map((issue) => issue.code)).toEqual(['ID_CHECK_DIGIT', 'ID_CHECK_DIGIT']);
    });

    it('accepts a vaccination identified by mother, birth date and sex', () => {
      const row = {
        record_id: 'V',
        vaccine: '卡介苗',
        vaccinated_on: '2024-01-06',
        mother_id_number: MOTHER,
        child_birth_date: '2024-01-05',
        child_sex: '男',
      };
      const result = validateRecord(type('vaccination'), row, CONTEXT);
      expect(result.issues).toEqual([]);
      expect(result.record.vaccine).toBe('BCG');
    });

    it('compares a 15-digit and an 18-digit number of the same person as the same person', () => {
      const result = birth({ mother_id_number: '110105491231002', father_id_number: CHECK_X });
      expect(result.issues.map((issue) => issue.code)).toContain('SAME_PERSON_TWICE');
    });

    it('flags an unusually old mother as a warning only', () => {
      const result = birth({ mother_id_number: idNumber('440606', '19600315', '002') });
      expect(result.ok).toBe(true);
      expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([['AGE_RANGE', 'warning']]);
    });

    it('counts the age in completed years: 12 on the birthday, 11 the day before', () => {
      const mother = idNumber('440606', '20120105', '002');
      expect(birth({ mother_id_number: mother, birth_date: '2024-01-05' }).ok).toBe(true);
      expect(birth({ mother_id_number: mother, birth_date: '2024-01-04' }).issues.map((issue) => issue.code)).toEqual([
        'AGE_RANGE',
      ]);
      const older = idNumber('440606', '19630106', '002');
      expect(birth({ mother_id_number: older, birth_date: '2024-01-05' }).issues).toEqual([]);
      expect(birth({ mother_id_number: older, birth_date: '2024-01-06' }).issues.map((issue) => issue.code)).toEqual([
        'AGE_RANGE',
      ]);
    });

    it('does not compare an unknown sex with the ID number', () => {
      expect(hukouBirth({ sex: '9' }).issues).toEqual([]);
    });
  });

  describe('a cancellation', () => {
    it('needs only the record ID in every event type', () => {
      for (const eventType of EVENT_TYPES) {
        const context = { ...CONTEXT, orgType: eventType.submitters[0]! };
        const result = validateRecord(eventType, { record_id: 'R-9', action: '撤销' }, context);
        expect(result.issues, eventType.key).toEqual([]);
        expect(result.record).toEqual({ record_id: 'R-9', action: 'cancel' });
      }
    });

    it('still needs the record ID', () => {
      const result = birth({ action: 'cancel', record_id: '' });
      expect(result.issues.map((issue) => issue.code)).toContain('RECORD_ID_MISSING');
    });

    it('still checks the fields it gives', () => {
      const result = validateRecord(
        type('birth'),
        { record_id: 'R', action: 'cancel', birth_date: '2024-02-30' },
        CONTEXT,
      );
      expect(result.issues.map((issue) => issue.code)).toEqual(['DATE_INVALID']);
    });
  });
});

/** Builds a row of every required field (and the first group of a one-of rule) that satisfies the type's rules. */
function minimalRow(eventType: EventType): Record<string, string> {
  const wanted = new Set(eventType.fields.filter((field) => field.required).map((field) => field.key));
  for (const rule of eventType.rules)
    if (rule.rule === 'one_of_required') for (const key of rule.groups[0]!) wanted.add(key);
  const row: Record<string, string> = {};
  const ids: FieldDefinition[] = [];
  for (const field of eventType.fields) {
    if (!wanted.has(field.key)) continue;
    if (field.kind === 'id_number') ids.push(field);
    else row[field.key] = sampleValue(field);
  }
  ids.forEach((field, index) => {
    let birthDate = '19900101';
    let sex: string = field.key.includes('wife') || field.key.includes('mother') ? '2' : '1';
    for (const rule of eventType.rules) {
      if (rule.rule === 'id_agrees' && rule.idField === field.key) {
        if (rule.birthDateField && row[rule.birthDateField]) birthDate = row[rule.birthDateField]!.replaceAll('-', '');
        if (rule.sexField && row[rule.sexField]) sex = row[rule.sexField]!;
      }
      if (rule.rule === 'id_sex' && rule.idField === field.key) sex = rule.sex;
    }
    const order = String(index * 2 + (sex === '1' ? 1 : 2)).padStart(3, '0');
    row[field.key] = idNumber('440606', birthDate, order);
  });
  return row;
}

function sampleValue(field: FieldDefinition): string {
  switch (field.kind) {
    case 'string':
      return field.key === 'record_id' ? 'R-1' : '张三';
    case 'certificate':
      return 'A123456789';
    case 'date':
      return '2024-03-01';
    case 'code':
      return field.codes?.[0] ?? CODE_TABLES[field.codeTable!].entries[0]!.code;
    case 'integer':
      return String(field.min ?? 0);
    case 'division':
      return '440606001001';
    case 'division_any':
      return '110105';
    case 'credit_code':
      return '91350100M000100Y43';
    case 'id_number':
      throw new Error('ID numbers are built by minimalRow');
  }
}

describe('every event type of the catalog', () => {
  for (const eventType of EVENT_TYPES) {
    describe(eventType.key, () => {
      const context = { ...CONTEXT, orgType: eventType.submitters[0]! };
      const row = minimalRow(eventType);

      it('accepts a minimal valid record built from its fields', () => {
        const result = validateRecord(eventType, row, context);
        expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(result.ok).toBe(true);
        expect(Object.keys(result.record).sort()).toEqual([...Object.keys(row), 'action'].sort());
      });

      for (const field of eventType.fields.filter((candidate) => candidate.required)) {
        it(`rejects a record without ${field.key}, naming it`, () => {
          const rest = Object.fromEntries(Object.entries(row).filter(([key]) => key !== field.key));
          const result = validateRecord(eventType, rest, context);
          expect(result.ok).toBe(false);
          const code = field.key === 'record_id' ? 'RECORD_ID_MISSING' : 'REQUIRED';
          const issue = result.issues.find((candidate) => candidate.code === code && candidate.field === field.key);
          expect(issue, JSON.stringify(result.issues)).toBeDefined();
          expect(issue!.messageZh).toContain(`${field.labelZh}（${field.key}）`);
          expect(issue!.message).toContain(`${field.labelEn} (${field.key})`);
        });
      }
    });
  }
});
