import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import { creditCodeField, dateField, divisionField, idNumberField, textField } from './field-builders.js';
import { subjectIdNumber, subjectName } from './person-fields.js';

/** Youngest age at which someone may run a business on their own (民法典 art. 18): a warning only. */
const OPERATOR_MIN_AGE_YEARS = 16;

const creditCode = (meaning: readonly [string, string]) =>
  creditCodeField({ key: 'credit_code', required: true, label: ['统一社会信用代码', 'Credit code'], meaning });

/** Business-licensing (工商) events. */
export const COMMERCE_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'business_license',
    labelZh: '流动人口办理营业执照',
    labelEn: 'Business licence of a migrant',
    descriptionZh: '外地户籍人员在本区领取（个体工商户等）营业执照时报送。',
    descriptionEn: 'Sent when a person registered elsewhere obtains a business licence (e.g. as a sole trader) here.',
    department: 'commerce',
    submitters: ['commerce'],
    eventDateField: 'issued_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['经营者的公民身份号码。', "The operator's ID number."]),
      creditCode(['营业执照上的统一社会信用代码。', 'Unified social credit code on the licence.']),
      dateField({
        key: 'issued_on',
        required: true,
        label: ['发照日期', 'Date issued'],
        meaning: ['营业执照的核发日期。', 'The day the licence was issued.'],
      }),
      subjectName(false, ['经营者的姓名。', "The operator's name."]),
      textField({
        key: 'business_name',
        label: ['字号名称', 'Business name'],
        meaning: ['营业执照上的名称。', 'Name on the licence.'],
        maxLength: 100,
      }),
      divisionField({
        key: 'division',
        label: ['经营场所区划', 'Division of the premises'],
        meaning: ['经营场所所在的村居（或镇街）。', 'The village (or town) of the business premises.'],
      }),
      textField({
        key: 'address',
        label: ['经营场所', 'Address of the premises'],
        meaning: ['经营场所的详细地址。', 'Street address of the premises.'],
        maxLength: 200,
      }),
    ],
    rules: [
      {
        rule: 'age_at',
        idField: 'id_number',
        dateField: 'issued_on',
        min: OPERATOR_MIN_AGE_YEARS,
        severity: 'warning',
      },
    ],
    registryEffect: { kind: 'residence', basis: 'business_license' },
  }),
  defineEventType({
    key: 'enterprise_registration',
    labelZh: '企业注册',
    labelEn: 'Enterprise registration',
    descriptionZh: '企业在本区办理设立登记后报送。',
    descriptionEn: 'Sent when an enterprise is registered in the district.',
    department: 'commerce',
    submitters: ['commerce'],
    eventDateField: 'registered_on',
    subjectField: 'credit_code',
    subjectKind: 'enterprise',
    fields: [
      creditCode(['企业的统一社会信用代码。', "The enterprise's unified social credit code."]),
      textField({
        key: 'enterprise_name',
        required: true,
        label: ['企业名称', 'Enterprise name'],
        meaning: ['营业执照上的企业名称。', 'Name on the business licence.'],
        maxLength: 100,
      }),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['成立日期', 'Date registered'],
        meaning: ['企业设立登记（成立）的日期。', 'The day the enterprise was registered.'],
      }),
      idNumberField({
        key: 'legal_rep_id_number',
        label: ['法定代表人公民身份号码', "Legal representative's ID number"],
        meaning: ['法定代表人的公民身份号码。', "The legal representative's ID number."],
      }),
      divisionField({
        key: 'division',
        label: ['住所区划', 'Division of the seat'],
        meaning: ['企业住所所在的村居（或镇街）。', "The village (or town) of the enterprise's seat."],
      }),
      textField({
        key: 'address',
        label: ['住所', 'Address of the seat'],
        meaning: ['企业住所的详细地址。', "Street address of the enterprise's seat."],
        maxLength: 200,
      }),
    ],
    rules: [],
    registryEffect: { kind: 'enterprise', change: 'registered' },
  }),
  defineEventType({
    key: 'enterprise_deregistration',
    labelZh: '企业注销',
    labelEn: 'Enterprise deregistration',
    descriptionZh: '企业办理注销登记后报送。',
    descriptionEn: 'Sent when an enterprise is deregistered.',
    department: 'commerce',
    submitters: ['commerce'],
    eventDateField: 'deregistered_on',
    subjectField: 'credit_code',
    subjectKind: 'enterprise',
    fields: [
      creditCode(['注销企业的统一社会信用代码。', 'Unified social credit code of the enterprise.']),
      dateField({
        key: 'deregistered_on',
        required: true,
        label: ['注销日期', 'Date deregistered'],
        meaning: ['核准注销登记的日期。', 'The day the deregistration was approved.'],
      }),
    ],
    rules: [],
    registryEffect: { kind: 'enterprise', change: 'deregistered' },
  }),
];
