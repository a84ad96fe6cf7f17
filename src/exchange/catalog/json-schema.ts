import { CREDIT_CODE_CHARSET } from '../../platform/identity/index.js';
import { CODE_TABLES } from './code-tables.js';
import type { EventType, FieldDefinition } from './event-type.js';

/** JSON Schema (draft-07) of one field of a canonical record. */
export interface FieldJsonSchema {
  type: 'string' | 'integer';
  title: string;
  description: string;
  $comment: string;
  pattern?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: string;
}

/** JSON Schema (draft-07) of a canonical record of one event type. */
export interface RecordJsonSchema {
  $schema: 'http://json-schema.org/draft-07/schema#';
  title: string;
  description: string;
  type: 'object';
  additionalProperties: false;
  required: string[];
  properties: Record<string, FieldJsonSchema>;
}

const CREDIT_SYMBOL = `[${CREDIT_CODE_CHARSET}]`;
const PATTERNS = {
  id_number: String.raw`^\d{17}[\dX]$`,
  date: String.raw`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`,
  division: String.raw`^\d{12}$`,
  credit_code: `^${CREDIT_SYMBOL}{2}\\d{6}${CREDIT_SYMBOL}{10}$`,
} as const;

/**
 * The JSON Schema of a record of this type in canonical form: every value a string except
 * integers, dates `YYYY-MM-DD`, ID numbers 18 characters, divisions 12 digits, codes as codes
 * (not labels). What the import normalises to; served by the API and the OpenAPI document.
 * Calendar validity, check characters and cross-field rules are the validator's, not the schema's.
 */
export function toJsonSchema(eventType: EventType): RecordJsonSchema {
  const properties: Record<string, FieldJsonSchema> = {};
  for (const field of eventType.fields) properties[field.key] = fieldSchema(field);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${eventType.labelZh} ${eventType.labelEn}`,
    description: `${eventType.descriptionZh}\n${eventType.descriptionEn}`,
    type: 'object',
    additionalProperties: false,
    required: eventType.fields.filter((field) => field.required).map((field) => field.key),
    properties,
  };
}

function fieldSchema(field: FieldDefinition): FieldJsonSchema {
  const base = {
    title: `${field.labelZh} ${field.labelEn}`,
    description: `${field.descriptionZh}\n${field.descriptionEn}`,
    $comment: field.codeTable ? `kind: ${field.kind}; code table: ${field.codeTable}` : `kind: ${field.kind}`,
  };
  switch (field.kind) {
    case 'id_number':
    case 'date':
    case 'credit_code':
      return { type: 'string', ...base, pattern: PATTERNS[field.kind] };
    case 'division':
    case 'division_any':
      return { type: 'string', ...base, pattern: PATTERNS.division };
    case 'string':
    case 'certificate':
      return { type: 'string', ...base, minLength: 1, ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
    case 'integer':
      return {
        type: 'integer',
        ...base,
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'code':
      return {
        type: 'string',
        ...base,
        enum: codesOf(field),
        ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}),
      };
  }
}

function codesOf(field: FieldDefinition): string[] {
  if (!field.codeTable) throw new Error(`code field ${field.key} names no code table`);
  const all = CODE_TABLES[field.codeTable].entries.map((entry) => entry.code);
  return field.codes ? all.filter((code) => field.codes!.includes(code)) : all;
}
