import type { FieldDefinition } from './event-type.js';
import { codeField, dateField, idNumberField, integerField, nameField, type Bilingual } from './field-builders.js';

/** The subject's own ID number, name, sex and birth date, worded the same in every type. */
export function subjectIdNumber(required: boolean, whose: Bilingual): FieldDefinition {
  return idNumberField({ key: 'id_number', required, label: ['公民身份号码', 'ID number'], meaning: whose });
}

/** The subject's name. */
export function subjectName(required: boolean, whose: Bilingual): FieldDefinition {
  return nameField({ key: 'name', required, label: ['姓名', 'Name'], meaning: whose });
}

/** The subject's sex (GB/T 2261.1). */
export function subjectSex(required: boolean): FieldDefinition {
  return codeField({
    key: 'sex',
    required,
    label: ['性别', 'Sex'],
    meaning: [
      '须与身份号码第17位一致（单数男，双数女）。',
      'Must agree with digit 17 of the ID number (odd male, even female).',
    ],
    codeTable: 'sex',
  });
}

/** The subject's birth date. */
export function subjectBirthDate(required: boolean): FieldDefinition {
  return dateField({
    key: 'birth_date',
    required,
    label: ['出生日期', 'Date of birth'],
    meaning: ['须与身份号码第7–14位一致。', 'Must agree with digits 7–14 of the ID number.'],
  });
}

/** The subject's ethnic group (GB 3304), added because the standards' person record carries it. */
export function subjectEthnicity(): FieldDefinition {
  return codeField({
    key: 'ethnicity',
    label: ['民族', 'Ethnic group'],
    meaning: ['本人的民族。', "The person's ethnic group."],
    codeTable: 'ethnicity',
  });
}

/** The subject's marital status (GB/T 2261.2) as known to the source on the event date. */
export function subjectMaritalStatus(required: boolean, when: Bilingual): FieldDefinition {
  return codeField({
    key: 'marital_status',
    required,
    label: ['婚姻状况', 'Marital status'],
    meaning: when,
    codeTable: 'marital_status',
  });
}

/** The subject's living sons and daughters as reported (`sons`, `daughters`). */
export function childrenCounts(): FieldDefinition[] {
  const count = (key: string, zh: string, en: string) =>
    integerField({
      key,
      label: [`${zh}数`, `Number of ${en}`],
      meaning: [`本人现有${zh}的人数（含收养）。`, `How many ${en} the person has, adopted ones included.`],
      min: 0,
      max: 20,
    });
  return [count('sons', '儿子', 'sons'), count('daughters', '女儿', 'daughters')];
}
