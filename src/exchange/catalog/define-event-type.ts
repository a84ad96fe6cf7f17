import type { EventType, FieldDefinition } from './event-type.js';
import { codeField, textField } from './field-builders.js';

/** The two fields every record starts with (docs/event-catalog.md, Conventions). */
export const COMMON_FIELDS: readonly FieldDefinition[] = [
  textField({
    key: 'record_id',
    required: true,
    label: ['记录编号', 'Record ID'],
    meaning: [
      '报送单位自己系统中这条记录的唯一编号；更正或撤销时须填原记录的编号。',
      "The record's unique ID in the submitting organisation's own system; a correction or cancellation repeats it.",
    ],
    maxLength: 64,
  }),
  codeField({
    key: 'action',
    label: ['操作', 'Action'],
    meaning: [
      '新增一条记录，更正（替换同一记录编号的原记录）或撤销（收回原记录）。',
      'Create a record, correct it (replaces the earlier record with the same record ID) or cancel it (retracts it).',
    ],
    codeTable: 'action',
    defaultValue: 'create',
  }),
];

/** An event type definition with the common fields put first, frozen. */
export function defineEventType(definition: EventType): EventType {
  return Object.freeze({ ...definition, fields: Object.freeze([...COMMON_FIELDS, ...definition.fields]) });
}
