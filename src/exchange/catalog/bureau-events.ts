import { coupleIdNumbers } from './couple-fields.js';
import { defineEventType } from './define-event-type.js';
import type { EventType } from './event-type.js';
import { certificateField, codeField, dateField, integerField, textField } from './field-builders.js';
import { coupleRules } from './person-rules.js';

const couple = coupleRules({ husband: 'husband_id_number', wife: 'wife_id_number' });

/** Population and family planning bureau (人口计生局) events, made by the platform's own workflows. */
export const BUREAU_EVENTS: readonly EventType[] = [
  defineEventType({
    key: 'birth_service_registration',
    labelZh: '生育服务登记(一孩生育服务手册)',
    labelEn: 'Birth service registration (first-child handbook)',
    descriptionZh: '为夫妻办理生育服务登记、发放生育服务手册时生成。',
    descriptionEn: "Made when the bureau registers a couple's planned birth and issues the birth service handbook.",
    department: 'bureau',
    submitters: ['bureau'],
    eventDateField: 'registered_on',
    subjectField: 'wife_id_number',
    subjectKind: 'person',
    fields: [
      ...coupleIdNumbers(),
      integerField({
        key: 'child_order',
        required: true,
        label: ['登记孩次', 'Child order'],
        meaning: ['登记生育的是夫妻的第几个子女。', "Which of the couple's children the registration is for."],
        min: 1,
        max: 10,
      }),
      dateField({
        key: 'registered_on',
        required: true,
        label: ['登记日期', 'Date registered'],
        meaning: ['办理登记的日期。', 'The day of the registration.'],
      }),
      certificateField({
        key: 'certificate_number',
        label: ['服务手册编号', 'Handbook number'],
        meaning: ['生育服务手册（生育服务证）编号。', 'Number of the birth service handbook.'],
      }),
      integerField({
        key: 'existing_children',
        label: ['现有子女数', 'Children already living'],
        meaning: ['登记时夫妻现有子女人数。', 'How many children the couple had at registration.'],
        min: 0,
        max: 20,
      }),
    ],
    rules: couple,
    registryEffect: { kind: 'birth_service', document: 'registration' },
  }),
  defineEventType({
    key: 'birth_permit',
    labelZh: '再生育审批(二孩生育证)',
    labelEn: 'Permit for a further child (second-child permit)',
    descriptionZh: '对夫妻再生育申请作出批准或不批准决定时生成。',
    descriptionEn: "Made when the bureau decides a couple's application for a further child.",
    department: 'bureau',
    submitters: ['bureau'],
    eventDateField: 'decided_on',
    subjectField: 'wife_id_number',
    subjectKind: 'person',
    fields: [
      ...coupleIdNumbers(),
      integerField({
        key: 'child_order',
        required: true,
        label: ['申请孩次', 'Child order'],
        meaning: [
          '申请生育的是夫妻的第几个子女（再生育至少为2）。',
          "Which of the couple's children is applied for (at least the second).",
        ],
        min: 2,
        max: 10,
      }),
      dateField({
        key: 'decided_on',
        required: true,
        label: ['审批日期', 'Date decided'],
        meaning: ['作出审批决定的日期。', 'The day of the decision.'],
      }),
      codeField({
        key: 'decision',
        required: true,
        label: ['审批决定', 'Decision'],
        meaning: ['批准或不批准。', 'Approved or refused.'],
        codeTable: 'permit_decision',
      }),
      certificateField({
        key: 'certificate_number',
        label: ['生育证编号', 'Permit number'],
        meaning: ['批准时发放的生育证编号。', 'Number of the permit issued on approval.'],
      }),
      textField({
        key: 'rule_set',
        label: ['政策规则集', 'Rule set'],
        meaning: ['审批所依据的生育政策规则集标识。', 'Identifier of the birth-policy rule set the decision applied.'],
        maxLength: 64,
      }),
      textField({
        key: 'reason',
        label: ['审批理由', 'Grounds'],
        meaning: ['批准所依据的条件或不批准的理由。', 'The condition the approval rests on, or why it was refused.'],
        maxLength: 500,
      }),
    ],
    rules: couple,
    registryEffect: { kind: 'birth_service', document: 'permit' },
  }),
];
