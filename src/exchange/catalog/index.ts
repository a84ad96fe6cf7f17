export type { CodeEntry, CodeTable } from './code-table.js';
export { CODE_TABLES, getCodeTable } from './code-tables.js';
export type { CodeTableName } from './code-tables.js';
export { COMMON_FIELDS } from './define-event-type.js';
export { EVENT_TYPES, eventTypeKeys, getEventType } from './event-catalog.js';
export type {
  CrossFieldRule,
  EventType,
  FieldDefinition,
  FieldKind,
  RegistryEffect,
  RuleSeverity,
  SubjectKind,
} from './event-type.js';
export { toJsonSchema } from './json-schema.js';
export type { FieldJsonSchema, RecordJsonSchema } from './json-schema.js';
export { lookupCode, lookupKey } from './lookup-code.js';
export { rollUpCode } from './roll-up-code.js';
