import { defineEventType } from './define-event-type.js';
import type { CrossFieldRule, EventType } from './event-type.js';
import {
  certificateField,
  codeField,
  creditCodeField,
  dateField,
  divisionField,
  idNumberField,
} from './field-builders.js';
import { childrenCounts, subjectIdNumber, subjectMaritalStatus, subjectName } from './person-fields.js';

/** Minimum working age (劳动法 art. 15); a younger ID age is flagged for review. */
const WORKING_MIN_AGE_YEARS = 16;

const workingAge = (dateField: string): CrossFieldRule => ({
  rule: 'age_at',
  idField: 'id_number',
  dateField,
  min: WORKING_MIN_AGE_YEARS,
  severity: 'warning',
});

const enrolledOn = dateField({
  key: 'enrolled_on',
  required: true,
  label: ['参保日期', 'Date enrolled'],
  meaning: ['参加该保险的日期。', 'The day the insurance started.'],
});

const insuranceStatus = codeField({
  key: 'status',
  label: ['参保状态', 'Insurance status'],
  meaning: ['报送时的参保状态。', 'Status of the insurance when reported.'],
  codeTable: 'insurance_status',
});

const reportedMaritalStatus = subjectMaritalStatus(false, [
  '登记时本人申报的婚姻状况。',
  'Marital status the person declared.',
]);

/** Labour and social security (劳动和社会保障) events. */
export const LABOR_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'only_child_insurance',
    labelZh: '独生子女户两全保险',
    labelEn: 'Only-child family endowment insurance',
    descriptionZh: '独生子女父母参加（或终止）两全保险时报送。',
    descriptionEn: "Sent when a parent of an only child joins or leaves the family's endowment insurance.",
    department: 'labor',
    submitters: ['labor'],
    eventDateField: 'enrolled_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, [
        '参保的独生子女父亲或母亲的公民身份号码。',
        'ID number of the insured parent of the only child.',
      ]),
      enrolledOn,
      idNumberField({
        key: 'child_id_number',
        label: ['独生子女公民身份号码', "Only child's ID number"],
        meaning: ['该户独生子女的公民身份号码。', "ID number of the family's only child."],
      }),
      certificateField({
        key: 'policy_number',
        label: ['保单号', 'Policy number'],
        meaning: ['保险单号。', 'Number of the insurance policy.'],
      }),
      insuranceStatus,
    ],
    rules: [{ rule: 'fields_differ', fields: ['id_number', 'child_id_number'], severity: 'error' }],
    registryEffect: { kind: 'benefit', benefit: 'only_child_insurance' },
  }),
  defineEventType({
    key: 'two_daughter_pension',
    labelZh: '双女绝育户养老保险',
    labelEn: 'Pension insurance of sterilised two-daughter families',
    descriptionZh: '双女绝育户夫妻参加（或终止）养老保险时报送。',
    descriptionEn:
      'Sent when a parent of a two-daughter family with a sterilisation joins or leaves the pension insurance.',
    department: 'labor',
    submitters: ['labor'],
    eventDateField: 'enrolled_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['参保的父亲或母亲的公民身份号码。', 'ID number of the insured parent.']),
      enrolledOn,
      insuranceStatus,
    ],
    rules: [],
    registryEffect: { kind: 'benefit', benefit: 'two_daughter_pension' },
  }),
  defineEventType({
    key: 'unemployment_registration',
    labelZh: '失业登记(育龄妇女婚育情况)',
    labelEn: 'Unemployment registration (marital and childbearing status)',
    descriptionZh: '办理失业登记时报送本人申报的婚育情况。',
    descriptionEn: 'Sent at unemployment registration with the marital and childbearing status the person declared.',
    department: 'labor',
    submitters: ['labor'],
    eventDateField: 'registered_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['失业登记人员的公民身份号码。', 'ID number of the registered person.']),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['失业登记日期', 'Date registered'],
        meaning: ['办理失业登记的日期。', 'The day of the unemployment registration.'],
      }),
      reportedMaritalStatus,
      ...childrenCounts(),
    ],
    rules: [workingAge('registered_on')],
    registryEffect: { kind: 'status_report' },
  }),
  defineEventType({
    key: 'employment_record',
    labelZh: '就业人员婚育情况',
    labelEn: 'Marital and childbearing status of an employee',
    descriptionZh: '就业登记或用工备案时报送本人申报的婚育情况。',
    descriptionEn: 'Sent at employment registration with the marital and childbearing status the person declared.',
    department: 'labor',
    submitters: ['labor'],
    eventDateField: 'recorded_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['就业人员的公民身份号码。', "The employee's ID number."]),
      dateField({
        key: 'recorded_on',
        required: true,
        label: ['记录日期', 'Date recorded'],
        meaning: ['就业登记或备案的日期。', 'The day of the employment registration.'],
      }),
      creditCodeField({
        key: 'employer_credit_code',
        label: ['用人单位统一社会信用代码', "Employer's credit code"],
        meaning: ['用人单位的统一社会信用代码。', "The employer's unified social credit code."],
      }),
      reportedMaritalStatus,
      ...childrenCounts(),
    ],
    rules: [workingAge('recorded_on')],
    registryEffect: { kind: 'status_report' },
  }),
  defineEventType({
    key: 'labor_migration',
    labelZh: '劳务输入输出/劳动力转移',
    labelEn: 'Labour migration in or out',
    descriptionZh: '组织劳务输入本区或输出到外地（劳动力转移）时报送。',
    descriptionEn: 'Sent when workers are brought into the district or placed outside it.',
    department: 'labor',
    submitters: ['labor'],
    eventDateField: 'moved_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['输入或输出人员的公民身份号码。', 'ID number of the worker.']),
      codeField({
        key: 'direction',
        required: true,
        label: ['流向', 'Direction'],
        meaning: ['输入本区或输出外地。', 'Into the district or out of it.'],
        codeTable: 'labor_direction',
      }),
      dateField({
        key: 'moved_on',
        required: true,
        label: ['转移日期', 'Date moved'],
        meaning: ['输入或输出的日期。', 'The day of the move.'],
      }),
      subjectName(false, ['输入或输出人员的姓名。', "The worker's name."]),
      divisionField({
        key: 'counterpart_division',
        anyDistrict: true,
        label: ['对方地区划', 'Division of origin or destination'],
        meaning: ['输入的来源地或输出的目的地。', 'Where an inbound worker comes from, or where an outbound one goes.'],
      }),
    ],
    rules: [workingAge('moved_on')],
    registryEffect: { kind: 'labor_migration' },
  }),
];
