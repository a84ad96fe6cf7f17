import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError } from '../api/api-error.js';

interface FieldError {
  name: string;
  errors: string[];
}

function pickString(obj: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

const REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers']);

// `body/liaisonPhone` or `/liaisonPhone` → `liaisonPhone`; nested paths keep the top field.
function fieldName(raw: string): string | null {
  const parts = raw.split('/').filter((p) => p && !REQUEST_PARTS.has(p));
  return parts[0] ?? null;
}

// VALIDATION_FAILED details are not fixed by the contract; accept the common shapes:
// [{field|path|instancePath|property, message, messageZh}] or {fields: {name: message}}.
function fieldErrorsFromDetails(details: unknown): FieldError[] {
  const zhMode = i18next.language !== 'en';
  const messageKeys = zhMode ? ['messageZh', 'message'] : ['message', 'messageZh'];
  const list: unknown[] = Array.isArray(details)
    ? details
    : Array.isArray((details as { errors?: unknown } | null)?.errors)
      ? (details as { errors: unknown[] }).errors
      : [];
  const result: FieldError[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const obj = entry as Record<string, unknown>;
    const rawName = pickString(obj, ['field', 'path', 'instancePath', 'property']);
    const message = pickString(obj, messageKeys);
    const name = rawName ? fieldName(rawName) : null;
    if (name && message) result.push({ name, errors: [message] });
  }
  const fields = (details as { fields?: unknown } | null)?.fields;
  if (fields && typeof fields === 'object') {
    for (const [name, message] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof message === 'string') result.push({ name, errors: [message] });
    }
  }
  return result;
}

/**
 * Puts a server error next to the form field it concerns. `codeFields` maps error codes to the
 * field they are about (e.g. ORG_EXISTS → code). Returns false when no field could take it,
 * so the caller shows it above the form instead.
 */
export function applyServerErrors<T>(
  form: FormInstance<T>,
  err: unknown,
  describe: (err: unknown) => string,
  codeFields: Readonly<Record<string, string>> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = form.getFieldsValue(true) as Record<string, unknown>;
  const byCode = codeFields[err.code];
  const fieldErrors = byCode ? [{ name: byCode, errors: [describe(err)] }] : fieldErrorsFromDetails(err.details);
  const applicable = fieldErrors.filter((f) => f.name in known);
  if (applicable.length === 0) return false;
  form.setFields(applicable.map((f) => ({ name: f.name as never, errors: f.errors })));
  return true;
}
