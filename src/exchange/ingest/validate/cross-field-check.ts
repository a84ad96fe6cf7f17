import type { CrossFieldRule, EventType, FieldDefinition } from '../../catalog/index.js';
import { ageInCompletedYears } from '../../../platform/identity/index.js';
import { digitsValue } from './calendar-day.js';
import { fieldNaming, makeIssue, type Bilingual, type FieldNaming } from './make-issue.js';
import type { ValidationIssue } from './validation-result.js';

/**
 * A compiled cross-field rule. It reads the canonical `record`, which holds only the fields
 * that passed their own checks, so a rule whose fields failed (or are empty) stays silent;
 * `one_of_required` reads the raw `values`, being about presence, and is skipped for a
 * cancellation.
 */
export type RuleCheck = (
  record: Readonly<Record<string, string | number>>,
  values: Readonly<Record<string, string | undefined>>,
  cancelling: boolean,
  issues: ValidationIssue[],
) => void;

const SEX_WORDS: Record<'1' | '2', { actual: Bilingual; expected: Bilingual }> = {
  '1': { actual: ['男性', 'male'], expected: ['男性', 'man'] },
  '2': { actual: ['女性', 'female'], expected: ['女性', 'woman'] },
};

type Rule<K extends CrossFieldRule['rule']> = Extract<CrossFieldRule, { rule: K }>;
type Naming = (key: string) => FieldNaming;

/** Compiles one catalog rule of `type` into a check; throws if it names a field the type lacks. */
export function crossFieldCheck(rule: CrossFieldRule, type: EventType): RuleCheck {
  const naming: Naming = (key) => fieldNaming(fieldOf(type, key));
  switch (rule.rule) {
    case 'date_not_before':
      return dateNotBefore(rule, naming);
    case 'id_agrees':
      return idAgrees(rule, naming);
    case 'one_of_required':
      return oneOfRequired(rule, naming);
    case 'age_at':
      return ageAt(rule, fieldOf(type, rule.idField), naming);
    case 'id_sex':
      return idSexIs(rule, naming);
    case 'fields_differ':
      return fieldsDiffer(rule, naming);
  }
}

function dateNotBefore(rule: Rule<'date_not_before'>, naming: Naming): RuleCheck {
  const [field, params] = [naming(rule.field), { other: naming(rule.other).named }];
  return (record, values, _cancelling, issues) => {
    const date = record[rule.field];
    const before = record[rule.other];
    if (date === undefined || before === undefined || date >= before) return;
    issues.push(makeIssue('DATE_ORDER', field, values[rule.field], params, rule.severity));
  };
}

function idAgrees(rule: Rule<'id_agrees'>, naming: Naming): RuleCheck {
  const params = { other: naming(rule.idField).named };
  const birth = rule.birthDateField === undefined ? undefined : naming(rule.birthDateField);
  const sex = rule.sexField === undefined ? undefined : naming(rule.sexField);
  return (record, values, _cancelling, issues) => {
    const idNumber = record[rule.idField];
    if (typeof idNumber !== 'string') return;
    const birthDate = birth && record[birth.key];
    if (birth && birthDate !== undefined && birthDate !== birthDateOf(idNumber)) {
      issues.push(makeIssue('ID_BIRTH_DATE_MISMATCH', birth, values[birth.key], params, rule.severity));
    }
    // 0 (unknown) and 9 (not stated) say nothing to compare.
    const sexCode = sex && record[sex.key];
    if (sex && (sexCode === '1' || sexCode === '2') && sexCode !== sexOf(idNumber)) {
      issues.push(makeIssue('ID_SEX_MISMATCH', sex, values[sex.key], params, rule.severity));
    }
  };
}

function oneOfRequired(rule: Rule<'one_of_required'>, naming: Naming): RuleCheck {
  const params = { alternatives: describeAlternatives(rule.groups.map((group) => group.map(naming))) };
  return (_record, values, cancelling, issues) => {
    if (cancelling || rule.groups.some((group) => group.every((key) => isFilled(values[key])))) return;
    issues.push(makeIssue('ONE_OF_REQUIRED', undefined, undefined, params, rule.severity));
  };
}

function ageAt(rule: Rule<'age_at'>, id: FieldDefinition, naming: Naming): RuleCheck {
  const field = naming(rule.idField);
  const params = { other: naming(rule.dateField).named, requirement: describeAge(id, rule.min, rule.max) };
  return (record, values, _cancelling, issues) => {
    const idNumber = record[rule.idField];
    const date = record[rule.dateField];
    if (typeof idNumber !== 'string' || typeof date !== 'string') return;
    if (isAgeWithin(idNumber, date, rule.min, rule.max)) return;
    issues.push(makeIssue('AGE_RANGE', field, values[rule.idField], params, rule.severity));
  };
}

function idSexIs(rule: Rule<'id_sex'>, naming: Naming): RuleCheck {
  const field = naming(rule.idField);
  const params = { expected: SEX_WORDS[rule.sex].expected, actual: SEX_WORDS[rule.sex === '1' ? '2' : '1'].actual };
  return (record, values, _cancelling, issues) => {
    const idNumber = record[rule.idField];
    if (typeof idNumber !== 'string' || sexOf(idNumber) === rule.sex) return;
    issues.push(makeIssue('ID_SEX_UNEXPECTED', field, values[rule.idField], params, rule.severity));
  };
}

function fieldsDiffer(rule: Rule<'fields_differ'>, naming: Naming): RuleCheck {
  const [firstKey, secondKey] = rule.fields;
  const [second, params] = [naming(secondKey), { other: naming(firstKey).named }];
  return (record, values, _cancelling, issues) => {
    const first = record[firstKey];
    if (first === undefined || first !== record[secondKey]) return;
    issues.push(makeIssue('SAME_PERSON_TWICE', second, values[secondKey], params, rule.severity));
  };
}

function fieldOf(type: EventType, key: string): FieldDefinition {
  const field = type.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`event type ${type.key}: a rule names the unknown field ${key}`);
  return field;
}

function isFilled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** The birth date (`YYYY-MM-DD`) a canonical 18-character ID number encodes. */
function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** The sex (GB/T 2261.1) a canonical ID number encodes: odd digit 17 → 1, even → 2. */
function sexOf(idNumber: string): '1' | '2' {
  return (idNumber.charCodeAt(16) - 48) % 2 === 1 ? '1' : '2';
}

/**
 * Whether the age from the ID number on `date` lies in [min, max]. The age is the difference
 * of the years or one less, so ageInCompletedYears is only needed when that is undecided.
 */
function isAgeWithin(idNumber: string, date: string, min = -Infinity, max = Infinity): boolean {
  const years = digitsValue(date, 0, 4) - digitsValue(idNumber, 6, 4);
  if (years - 1 >= min && years <= max) return true;
  if (years < min || years - 1 > max) return false;
  const age = ageInCompletedYears(birthDateOf(idNumber), date);
  return age >= min && age <= max;
}

function describeAlternatives(groups: FieldNaming[][]): Bilingual {
  const join = (lang: 0 | 1, and: string, or: string) =>
    groups.map((group) => group.map((field) => field.named[lang]).join(and)).join(or);
  return [join(0, '、', '，或'), join(1, ' + ', ', or ')];
}

/** "The mother must be at least 12 years old on that date", in both languages. */
function describeAge(id: FieldDefinition, min: number | undefined, max: number | undefined): Bilingual {
  const roleZh = id.labelZh.replace(/公民身份号码$/, '') || '本人';
  const ownerEn = id.labelEn.replace(/'s ID number$/, '');
  const roleEn = ownerEn === 'ID number' ? 'the person' : `the ${ownerEn.charAt(0).toLowerCase()}${ownerEn.slice(1)}`;
  if (min === 0 && max === undefined) {
    return [`该日期早于身份号码所示${roleZh}的出生日期`, `that date is before the birth of ${roleEn} by the ID number`];
  }
  const parts: Bilingual[] = [];
  if (min !== undefined) parts.push([`应已满${min}周岁`, `must be at least ${min} years old`]);
  if (max !== undefined) parts.push([`一般不超过${max}周岁`, `is expected to be at most ${max} years old`]);
  return [
    `按身份号码，${roleZh}在该日期${parts.map((part) => part[0]).join('且')}`,
    `by the ID number, ${roleEn} ${parts.map((part) => part[1]).join(' and ')} on that date`,
  ];
}
