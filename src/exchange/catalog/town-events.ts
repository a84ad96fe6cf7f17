import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import { codeField, dateField, divisionField, idNumberField, textField } from './field-builders.js';
import { pregnancyRules } from './person-rules.js';
import {
  childrenCounts,
  subjectBirthDate,
  subjectEthnicity,
  subjectIdNumber,
  subjectMaritalStatus,
  subjectName,
} from './person-fields.js';

/** Methods a woman can be "using"; 2 (IUD removal) is a procedure, not a current method. */
const CURRENT_CONTRACEPTION_METHODS = ['1', '3', '4', '5', '9'];

/** Town and village (镇街人口计生办、村居) events; towns also submit `birth` and `contraception`. */
export const TOWN_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'woman_profile',
    labelZh: '育龄妇女基础信息',
    labelEn: 'Profile of a woman of childbearing age',
    descriptionZh: '镇街、村居采集或核实育龄妇女基础信息后报送；信息有变化时以更正或新记录报送。',
    descriptionEn:
      'Sent when a town or village collects or verifies the profile of a woman aged 15–49, and again when it changes.',
    department: 'town',
    submitters: ['town', 'village'],
    eventDateField: 'recorded_on',
    eventDateDefault: 'received_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['育龄妇女的公民身份号码。', "The woman's ID number."]),
      subjectName(true, ['育龄妇女的姓名。', "The woman's name."]),
      subjectBirthDate(true),
      subjectMaritalStatus(true, ['核实时的婚姻状况。', 'Marital status when verified.']),
      divisionField({
        key: 'division',
        required: true,
        label: ['现居住地区划', 'Division of residence'],
        meaning: ['现居住地所在的村居（或镇街）。', 'The village (or town) where she lives.'],
      }),
      idNumberField({
        key: 'spouse_id_number',
        label: ['配偶公民身份号码', "Spouse's ID number"],
        meaning: ['有配偶的，填配偶的公民身份号码。', "Her spouse's ID number, if married."],
      }),
      ...childrenCounts(),
      codeField({
        key: 'contraception_method',
        label: ['避孕方法', 'Contraceptive method'],
        meaning: [
          '夫妻目前落实的避孕节育措施；未避孕的不填。',
          "The couple's current contraceptive method; empty if none.",
        ],
        codeTable: 'contraception_method',
        codes: CURRENT_CONTRACEPTION_METHODS,
      }),
      textField({
        key: 'address',
        label: ['现居住地址', 'Address of residence'],
        meaning: ['现居住的详细地址。', 'Street address where she lives.'],
        maxLength: 200,
      }),
      dateField({
        key: 'recorded_on',
        label: ['核实日期', 'Date verified'],
        meaning: [
          '采集或核实这些信息的日期；不填按平台收到之日。',
          'The day the details were collected or verified; empty means the day received.',
        ],
      }),
      subjectEthnicity(),
      divisionField({
        key: 'hukou_division',
        anyDistrict: true,
        label: ['户籍地区划', 'Division of household registration'],
        meaning: [
          '户口所在地的区划代码（流动人口填外地户籍地）。',
          'Division code of her household registration (elsewhere for a migrant).',
        ],
      }),
    ],
    rules: [
      { rule: 'id_agrees', idField: 'id_number', birthDateField: 'birth_date', severity: 'error' },
      { rule: 'id_sex', idField: 'id_number', sex: '2', severity: 'warning' },
      { rule: 'fields_differ', fields: ['id_number', 'spouse_id_number'], severity: 'error' },
    ],
    registryEffect: { kind: 'woman_profile' },
  }),
  defineEventType({
    key: 'pregnancy',
    labelZh: '孕情登记',
    labelEn: 'Pregnancy registration',
    descriptionZh: '镇街、村居掌握育龄妇女怀孕后报送。',
    descriptionEn: 'Sent when a town or village learns that a woman is pregnant.',
    department: 'town',
    submitters: ['town', 'village'],
    eventDateField: 'registered_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['孕妇的公民身份号码。', "The pregnant woman's ID number."]),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['孕情登记日期', 'Date registered'],
        meaning: ['登记孕情的日期。', 'The day the pregnancy was registered.'],
      }),
      dateField({
        key: 'expected_delivery_on',
        required: true,
        allowFuture: true,
        label: ['预产期', 'Expected delivery date'],
        meaning: ['预计分娩日期。', 'Expected date of delivery.'],
      }),
      dateField({
        key: 'last_menstrual_on',
        label: ['末次月经日期', 'Last menstrual period'],
        meaning: ['末次月经第一天。', 'First day of the last menstrual period.'],
      }),
    ],
    rules: [
      ...pregnancyRules({ woman: 'id_number', date: 'registered_on' }),
      { rule: 'date_not_before', field: 'registered_on', other: 'last_menstrual_on', severity: 'error' },
      { rule: 'date_not_before', field: 'expected_delivery_on', other: 'last_menstrual_on', severity: 'error' },
      { rule: 'date_not_before', field: 'expected_delivery_on', other: 'registered_on', severity: 'warning' },
    ],
    registryEffect: { kind: 'pregnancy', stage: 'registered' },
  }),
];
