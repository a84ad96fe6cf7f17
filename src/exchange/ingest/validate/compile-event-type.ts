import type { EventType, FieldDefinition } from '../../catalog/index.js';
import { ORG_TYPES, isOrgType } from '../../../platform/orgs/org-types.js';
import { codeCheck } from './code-check.js';
import { creditCodeCheck } from './credit-code-check.js';
import { crossFieldCheck, type RuleCheck } from './cross-field-check.js';
import { dateCheck } from './date-check.js';
import { divisionCheck } from './division-check.js';
import type { FieldCheck } from './field-check.js';
import { idNumberCheck } from './id-number-check.js';
import { integerCheck } from './integer-check.js';
import { fieldNaming, type Bilingual, type FieldNaming } from './make-issue.js';
import { isPersonNameField, personNameCheck } from './person-name-check.js';
import { recordIdCheck, textCheck } from './text-check.js';

/** One field of an event type, ready to check. */
export interface CompiledField {
  readonly key: string;
  readonly naming: FieldNaming;
  readonly required: boolean;
  /** Required even in a cancellation (only `record_id` is). */
  readonly requiredOnCancel: boolean;
  readonly missingCode: 'REQUIRED' | 'RECORD_ID_MISSING';
  readonly defaultValue: string | undefined;
  readonly check: FieldCheck;
}

/** Everything `validateRecord` needs about an event type, computed once per type. */
export interface CompiledEventType {
  readonly submitters: ReadonlySet<string>;
  /** `{eventType}` and `{submitters}` of ORG_NOT_ALLOWED. */
  readonly orgParams: Readonly<Record<'eventType' | 'submitters', Bilingual>>;
  /** The `action` field, checked first since a cancellation relaxes the required fields. */
  readonly action: CompiledField | undefined;
  /** The other fields, in catalog order. */
  readonly fields: readonly CompiledField[];
  readonly rules: readonly RuleCheck[];
}

const compiled = new WeakMap<EventType, CompiledEventType>();

/** The compiled form of an event type, made on first use and kept while the type lives. */
export function compileEventType(type: EventType): CompiledEventType {
  let result = compiled.get(type);
  if (!result) {
    const fields = type.fields.map(compileField);
    result = {
      submitters: new Set(type.submitters),
      orgParams: {
        eventType: [type.labelZh, type.labelEn],
        submitters: [
          type.submitters.map((org) => ORG_TYPES[org].zh).join('、'),
          type.submitters.map((org) => ORG_TYPES[org].en).join(', '),
        ],
      },
      action: fields.find((field) => field.key === 'action'),
      fields: fields.filter((field) => field.key !== 'action'),
      rules: type.rules.map((rule) => crossFieldCheck(rule, type)),
    };
    compiled.set(type, result);
  }
  return result;
}

/** How ORG_NOT_ALLOWED names the submitting organisation type. */
export function orgTypeWords(orgType: string): Bilingual {
  return isOrgType(orgType) ? [ORG_TYPES[orgType].zh, ORG_TYPES[orgType].en] : [orgType, orgType];
}

function compileField(field: FieldDefinition): CompiledField {
  const isRecordId = field.key === 'record_id';
  return {
    key: field.key,
    naming: fieldNaming(field),
    required: field.required,
    requiredOnCancel: isRecordId,
    missingCode: isRecordId ? 'RECORD_ID_MISSING' : 'REQUIRED',
    defaultValue: field.defaultValue,
    check: checkOf(field),
  };
}

function checkOf(field: FieldDefinition): FieldCheck {
  switch (field.kind) {
    case 'id_number':
      return idNumberCheck(field);
    case 'string':
      if (field.key === 'record_id') return recordIdCheck(field);
      return isPersonNameField(field) ? personNameCheck(field) : textCheck(field);
    case 'certificate':
      return textCheck(field);
    case 'date':
      return dateCheck(field);
    case 'code':
      return codeCheck(field);
    case 'integer':
      return integerCheck(field);
    case 'division':
    case 'division_any':
      return divisionCheck({ ...field, kind: field.kind });
    case 'credit_code':
      return creditCodeCheck(field);
  }
}
