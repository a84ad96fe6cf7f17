import type { EventType } from '../../catalog/index.js';
import { compileEventType, orgTypeWords, type CompiledField } from './compile-event-type.js';
import { makeIssue } from './make-issue.js';
import type { ValidationContext, ValidationIssue, ValidationResult } from './validation-result.js';

/**
 * Validates one submitted row against its event type: the organisation may submit it, each
 * field passes the checks of its kind, required fields are filled (only `record_id` for a
 * cancellation), then the catalog's cross-field rules hold. Never throws on any input; an
 * unknown column is ignored (the parser reports it). Issues come in field order, then rule
 * order; `record` holds the canonical values of the fields that passed.
 */
export function validateRecord(
  eventType: EventType,
  values: Readonly<Record<string, string>>,
  context: ValidationContext,
): ValidationResult {
  const type = compileEventType(eventType);
  const issues: ValidationIssue[] = [];
  const record: Record<string, string | number> = {};
  if (!type.submitters.has(context.orgType)) {
    const params = { ...type.orgParams, orgType: orgTypeWords(context.orgType) };
    issues.push(makeIssue('ORG_NOT_ALLOWED', undefined, undefined, params));
  }
  const cells = values as Readonly<Record<string, string | undefined>>;
  const cancelling =
    type.action !== undefined && checkField(type.action, cells, false, context, record, issues) === 'cancel';
  for (const field of type.fields) checkField(field, cells, cancelling, context, record, issues);
  for (const rule of type.rules) rule(record, cells, cancelling, issues);
  let ok = true;
  for (const issue of issues) if (issue.severity === 'error') ok = false;
  return { ok, record, issues };
}

function checkField(
  field: CompiledField,
  values: Readonly<Record<string, string | undefined>>,
  cancelling: boolean,
  context: ValidationContext,
  record: Record<string, string | number>,
  issues: ValidationIssue[],
): string | number | undefined {
  const cell: unknown = values[field.key];
  const raw = typeof cell === 'string' ? cell : cell === undefined || cell === null ? '' : String(cell);
  const text = raw.trim();
  let value: string | number | undefined;
  if (text === '') {
    value = field.defaultValue;
    if (value === undefined && field.required && (field.requiredOnCancel || !cancelling)) {
      issues.push(makeIssue(field.missingCode, field.naming, undefined));
    }
  } else {
    value = field.check(text, raw, context, issues);
  }
  if (value !== undefined) record[field.key] = value;
  return value;
}
