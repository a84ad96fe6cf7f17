import type { FieldDefinition } from '../../catalog/index.js';
import { VALIDATION_CODES, type ValidationCode } from './validation-codes.js';
import type { Severity, ValidationIssue } from './validation-result.js';

/** A text in Chinese and in English, in that order. */
export type Bilingual = readonly [zh: string, en: string];

/** How messages name a field: `出生日期（birth_date）` and `Date of birth (birth_date)`. */
export interface FieldNaming {
  readonly key: string;
  readonly named: Bilingual;
}

/** Values longer than this are cut in issues: a cell is evidence, not a payload to echo. */
const VALUE_MAX_CHARS = 256;
const PLACEHOLDER = /\{(\w+)\}/g;

/** The naming of a catalog field in both languages, computed once per field. */
export function fieldNaming(field: FieldDefinition): FieldNaming {
  return { key: field.key, named: [`${field.labelZh}（${field.key}）`, `${field.labelEn} (${field.key})`] };
}

/**
 * An issue of `code` with both messages filled in: `{field}` is the field's naming, the other
 * placeholders come from `params`. Severity is the code's own unless the code takes it from
 * a catalog rule, when `severity` must be given.
 */
export function makeIssue(
  code: ValidationCode,
  field: FieldNaming | undefined,
  value: string | undefined,
  params: Readonly<Record<string, Bilingual>> = {},
  severity?: Severity,
): ValidationIssue {
  const info = VALIDATION_CODES[code];
  return {
    code,
    severity: severity ?? (info.severity === 'rule' ? 'error' : info.severity),
    ...(field ? { field: field.key } : {}),
    ...(value === undefined ? {} : { value: value.length > VALUE_MAX_CHARS ? cut(value) : value }),
    message: fill(info.en, 1, field, params),
    messageZh: fill(info.zh, 0, field, params),
  };
}

/** Cuts at VALUE_MAX_CHARS without splitting a surrogate pair. */
function cut(value: string): string {
  const end = (value.charCodeAt(VALUE_MAX_CHARS - 1) & 0xfc00) === 0xd800 ? VALUE_MAX_CHARS - 1 : VALUE_MAX_CHARS;
  return `${value.slice(0, end)}…`;
}

function fill(
  template: string,
  lang: 0 | 1,
  field: FieldNaming | undefined,
  params: Readonly<Record<string, Bilingual>>,
) {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'field' && field) return field.named[lang];
    const param = params[name];
    return param ? param[lang] : whole;
  });
}
