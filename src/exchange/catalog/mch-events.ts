import { defineEventType } from './define-event-type.js';
import type { CrossFieldRule, EventType } from './event-type.js';
import { certificateField, codeField, dateField, idNumberField, nameField } from './field-builders.js';
import { parentRules } from './person-rules.js';
import { subjectIdNumber } from './person-fields.js';

const notBeforeBirth = (dateField: string): CrossFieldRule => ({
  rule: 'age_at',
  idField: 'id_number',
  dateField,
  min: 0,
  severity: 'error',
});

/** Maternal and child service station (计生妇幼综合服务站) events; it also submits `birth` and `pregnancy_termination`. */
export const MCH_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'birth_certificate',
    labelZh: '出生医学证明发放',
    labelEn: 'Issue of a medical birth certificate',
    descriptionZh: '签发（含补发）《出生医学证明》后报送。',
    descriptionEn: 'Sent when a medical birth certificate is issued (or reissued).',
    department: 'mch',
    submitters: ['mch'],
    eventDateField: 'issued_on',
    subjectField: 'mother_id_number',
    subjectKind: 'person',
    fields: [
      certificateField({
        key: 'birth_certificate_number',
        required: true,
        label: ['出生医学证明编号', 'Birth certificate number'],
        meaning: [
          '证明上印制的编号，一般为1位字母加9位数字。',
          'The number printed on the certificate, usually a letter and 9 digits.',
        ],
      }),
      idNumberField({
        key: 'mother_id_number',
        required: true,
        label: ['母亲公民身份号码', "Mother's ID number"],
        meaning: ['证明所载母亲的公民身份号码。', "The mother's ID number as on the certificate."],
      }),
      codeField({
        key: 'child_sex',
        required: true,
        label: ['婴儿性别', "Baby's sex"],
        meaning: ['证明所载新生儿性别。', "The baby's sex as on the certificate."],
        codeTable: 'sex',
      }),
      dateField({
        key: 'birth_date',
        required: true,
        label: ['出生日期', 'Date of birth'],
        meaning: ['证明所载出生日期。', 'Date of birth as on the certificate.'],
      }),
      dateField({
        key: 'issued_on',
        required: true,
        label: ['签发日期', 'Date issued'],
        meaning: ['证明的签发日期。', 'The day the certificate was issued.'],
      }),
      nameField({
        key: 'child_name',
        label: ['婴儿姓名', "Baby's name"],
        meaning: ['证明所载新生儿姓名。', "The baby's name as on the certificate."],
      }),
      idNumberField({
        key: 'father_id_number',
        label: ['父亲公民身份号码', "Father's ID number"],
        meaning: ['证明所载父亲的公民身份号码。', "The father's ID number as on the certificate."],
      }),
      nameField({
        key: 'mother_name',
        label: ['母亲姓名', "Mother's name"],
        meaning: ['证明所载母亲姓名。', "The mother's name as on the certificate."],
      }),
      nameField({
        key: 'father_name',
        label: ['父亲姓名', "Father's name"],
        meaning: ['证明所载父亲姓名。', "The father's name as on the certificate."],
      }),
    ],
    rules: [
      { rule: 'date_not_before', field: 'issued_on', other: 'birth_date', severity: 'error' },
      ...parentRules({ mother: 'mother_id_number', father: 'father_id_number', childBirthDate: 'birth_date' }),
    ],
    registryEffect: { kind: 'birth', evidence: 'birth_certificate' },
  }),
  defineEventType({
    key: 'contraception',
    labelZh: '节育手术',
    labelEn: 'Contraceptive procedure',
    descriptionZh: '施行放取环、绝育、皮下埋植等节育手术后报送。',
    descriptionEn: 'Sent after an IUD insertion or removal, a sterilisation, an implant or another procedure.',
    department: 'mch',
    submitters: ['mch', 'town'],
    eventDateField: 'performed_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['受术者的公民身份号码。', 'ID number of the person treated.']),
      codeField({
        key: 'method',
        required: true,
        label: ['手术类别', 'Procedure'],
        meaning: ['施行的节育手术。', 'The procedure performed.'],
        codeTable: 'contraception_method',
      }),
      dateField({
        key: 'performed_on',
        required: true,
        label: ['手术日期', 'Date performed'],
        meaning: ['手术日期。', 'Date of the procedure.'],
      }),
    ],
    rules: [notBeforeBirth('performed_on')],
    registryEffect: { kind: 'contraception', stage: 'procedure' },
  }),
  defineEventType({
    key: 'contraception_followup',
    labelZh: '术后随访',
    labelEn: 'Follow-up after a contraceptive procedure',
    descriptionZh: '节育手术后随访一次报送一条。',
    descriptionEn: 'Sent for each follow-up visit after a contraceptive procedure.',
    department: 'mch',
    submitters: ['mch'],
    eventDateField: 'followed_up_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['受术者的公民身份号码。', 'ID number of the person treated.']),
      dateField({
        key: 'followed_up_on',
        required: true,
        label: ['随访日期', 'Date of follow-up'],
        meaning: ['随访日期。', 'Date of the follow-up.'],
      }),
      codeField({
        key: 'result',
        label: ['随访结果', 'Result'],
        meaning: ['随访结论。', 'Outcome of the follow-up.'],
        codeTable: 'followup_result',
      }),
    ],
    rules: [notBeforeBirth('followed_up_on')],
    registryEffect: { kind: 'contraception', stage: 'followup' },
  }),
  defineEventType({
    key: 'prepregnancy_checkup',
    labelZh: '孕前优生健康检查',
    labelEn: 'Pre-pregnancy health check',
    descriptionZh: '计划怀孕夫妇做孕前优生健康检查后，每人报送一条。',
    descriptionEn: 'Sent for each person of a couple planning a pregnancy after their pre-pregnancy check.',
    department: 'mch',
    submitters: ['mch'],
    eventDateField: 'checked_on',
    subjectField: 'id_number',
    subjectKind: 'person',
    fields: [
      subjectIdNumber(true, ['受检者的公民身份号码。', 'ID number of the person checked.']),
      dateField({
        key: 'checked_on',
        required: true,
        label: ['检查日期', 'Date checked'],
        meaning: ['检查日期。', 'Date of the check.'],
      }),
      idNumberField({
        key: 'spouse_id_number',
        label: ['配偶公民身份号码', "Spouse's ID number"],
        meaning: ['受检者配偶的公民身份号码。', "ID number of the person's spouse."],
      }),
      codeField({
        key: 'risk',
        label: ['风险评估结果', 'Risk assessment'],
        meaning: ['孕前风险评估结论。', 'Outcome of the pre-pregnancy risk assessment.'],
        codeTable: 'checkup_risk',
      }),
    ],
    rules: [
      notBeforeBirth('checked_on'),
      { rule: 'fields_differ', fields: ['id_number', 'spouse_id_number'], severity: 'error' },
    ],
    registryEffect: { kind: 'health_service', service: 'prepregnancy_checkup' },
  }),
];
