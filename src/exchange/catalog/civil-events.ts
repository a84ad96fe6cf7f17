import { coupleIdNumbers } from './couple-fields.js';
import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import { certificateField, codeField, dateField, idNumberField, nameField } from './field-builders.js';
import { coupleRules } from './person-rules.js';

/** Legal minimum marriage ages (民法典 art. 1047); a younger ID age points to a wrong number. */
const HUSBAND_MIN_AGE_YEARS = 22;
const WIFE_MIN_AGE_YEARS = 20;
/** An adopter must be 30 (民法典 art. 1098), with exceptions for relatives' children: a warning only. */
const ADOPTER_MIN_AGE_YEARS = 30;
/** A prior marital status is 未婚, 丧偶, 离婚 or 未说明: 已婚 before marrying is bigamy or a keying error. */
const PRIOR_MARITAL_STATUSES = ['10', '30', '40', '90'];

const registeredOn = dateField({
  key: 'registered_on',
  required: true,
  label: ['登记日期', 'Date registered'],
  meaning: ['婚姻登记机关办理登记的日期。', 'The day the registry registered it.'],
});

const priorMaritalStatus = (key: string, who: string, whoEn: string) =>
  codeField({
    key,
    label: [`${who}婚前婚姻状况`, `${whoEn}'s prior marital status`],
    meaning: [`${who}登记结婚前的婚姻状况。`, `The ${whoEn.toLowerCase()}'s marital status before this marriage.`],
    codeTable: 'marital_status',
    codes: PRIOR_MARITAL_STATUSES,
  });

/** Marriage-registry (民政) events. */
export const CIVIL_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'marriage',
    labelZh: '结婚登记',
    labelEn: 'Marriage registration',
    descriptionZh: '办理结婚登记后报送。',
    descriptionEn: 'Sent when the registry registers a marriage.',
    department: 'civil',
    submitters: ['civil'],
    eventDateField: 'registered_on',
    subjectField: 'wife_id_number',
    subjectKind: 'person',
    fields: [
      ...coupleIdNumbers(),
      registeredOn,
      nameField({
        key: 'husband_name',
        label: ['男方姓名', "Husband's name"],
        meaning: ['男方姓名。', "The husband's name."],
      }),
      nameField({ key: 'wife_name', label: ['女方姓名', "Wife's name"], meaning: ['女方姓名。', "The wife's name."] }),
      priorMaritalStatus('husband_prior_marital_status', '男方', 'Husband'),
      priorMaritalStatus('wife_prior_marital_status', '女方', 'Wife'),
      certificateField({
        key: 'certificate_number',
        label: ['结婚证字号', 'Marriage certificate number'],
        meaning: ['结婚证字号。', 'Number of the marriage certificate.'],
      }),
    ],
    rules: [
      ...coupleRules({ husband: 'husband_id_number', wife: 'wife_id_number' }),
      {
        rule: 'age_at',
        idField: 'husband_id_number',
        dateField: 'registered_on',
        min: HUSBAND_MIN_AGE_YEARS,
        severity: 'warning',
      },
      {
        rule: 'age_at',
        idField: 'wife_id_number',
        dateField: 'registered_on',
        min: WIFE_MIN_AGE_YEARS,
        severity: 'warning',
      },
    ],
    registryEffect: { kind: 'marriage' },
  }),
  defineEventType({
    key: 'divorce',
    labelZh: '离婚登记',
    labelEn: 'Divorce registration',
    descriptionZh: '办理离婚登记后报送（法院判决离婚不经此渠道）。',
    descriptionEn: 'Sent when the registry registers a divorce by agreement (court divorces do not come this way).',
    department: 'civil',
    submitters: ['civil'],
    eventDateField: 'registered_on',
    subjectField: 'wife_id_number',
    subjectKind: 'person',
    fields: [
      ...coupleIdNumbers(),
      registeredOn,
      certificateField({
        key: 'certificate_number',
        label: ['离婚证字号', 'Divorce certificate number'],
        meaning: ['离婚证字号。', 'Number of the divorce certificate.'],
      }),
    ],
    rules: coupleRules({ husband: 'husband_id_number', wife: 'wife_id_number' }),
    registryEffect: { kind: 'divorce' },
  }),
  defineEventType({
    key: 'adoption',
    labelZh: '收养登记',
    labelEn: 'Adoption registration',
    descriptionZh: '办理收养登记后报送。',
    descriptionEn: 'Sent when the registry registers an adoption.',
    department: 'civil',
    submitters: ['civil'],
    eventDateField: 'registered_on',
    subjectField: 'adopter_id_number',
    subjectKind: 'person',
    fields: [
      idNumberField({
        key: 'adopter_id_number',
        required: true,
        label: ['收养人公民身份号码', "Adopter's ID number"],
        meaning: [
          '收养人的公民身份号码（夫妻共同收养的填其中一方）。',
          "The adopter's ID number (one of the couple when both adopt).",
        ],
      }),
      nameField({
        key: 'child_name',
        required: true,
        label: ['被收养人姓名', "Adoptee's name"],
        meaning: ['被收养人的姓名。', "The adopted child's name."],
      }),
      codeField({
        key: 'child_sex',
        required: true,
        label: ['被收养人性别', "Adoptee's sex"],
        meaning: ['被收养人的性别。', "The adopted child's sex."],
        codeTable: 'sex',
      }),
      dateField({
        key: 'child_birth_date',
        required: true,
        label: ['被收养人出生日期', "Adoptee's date of birth"],
        meaning: ['被收养人的出生日期。', "The adopted child's date of birth."],
      }),
      registeredOn,
      idNumberField({
        key: 'adopter_spouse_id_number',
        label: ['收养人配偶公民身份号码', "Adopter's spouse's ID number"],
        meaning: ['收养人有配偶的，填配偶的公民身份号码。', "The adopter's spouse's ID number, if married."],
      }),
      idNumberField({
        key: 'child_id_number',
        label: ['被收养人公民身份号码', "Adoptee's ID number"],
        meaning: ['被收养人已有身份号码的填写。', "The adopted child's ID number, if any."],
      }),
    ],
    rules: [
      {
        rule: 'id_agrees',
        idField: 'child_id_number',
        birthDateField: 'child_birth_date',
        sexField: 'child_sex',
        severity: 'error',
      },
      { rule: 'date_not_before', field: 'registered_on', other: 'child_birth_date', severity: 'error' },
      { rule: 'fields_differ', fields: ['adopter_id_number', 'child_id_number'], severity: 'error' },
      { rule: 'fields_differ', fields: ['adopter_id_number', 'adopter_spouse_id_number'], severity: 'error' },
      {
        rule: 'age_at',
        idField: 'adopter_id_number',
        dateField: 'registered_on',
        min: ADOPTER_MIN_AGE_YEARS,
        severity: 'warning',
      },
    ],
    registryEffect: { kind: 'adoption' },
  }),
];
