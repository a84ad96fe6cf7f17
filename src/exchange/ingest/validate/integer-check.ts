import type { FieldDefinition } from '../../catalog/index.js';
import { toHalfWidth } from '../../../platform/identity/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue, type Bilingual } from './make-issue.js';

/** Digits, optionally signed, optionally grouped by thousands, optionally with a zero decimal part (Excel's "3.0"). */
const WHOLE_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0*)?$/;

/**
 * The check of an integer field: a whole number (`3`, `3.0`, `3,200`, full-width digits) between
 * `min` and `max`. Canonical: the number.
 */
export function integerCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  const min = field.min ?? Number.MIN_SAFE_INTEGER;
  const max = field.max ?? Number.MAX_SAFE_INTEGER;
  const range: Record<string, Bilingual> = { min: [String(min), String(min)], max: [String(max), String(max)] };
  return (text, raw, _context, issues) => {
    const value = readWholeNumber(text);
    if (value === undefined) {
      issues.push(makeIssue('INTEGER_INVALID', naming, raw));
      return undefined;
    }
    if (value < min || value > max) {
      issues.push(makeIssue('OUT_OF_RANGE', naming, raw, range));
      return undefined;
    }
    return value;
  };
}

function readWholeNumber(text: string): number | undefined {
  let value = 0;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  if (i === 1 && text.length === 1) return undefined;
  for (; i < text.length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return slowWholeNumber(text);
    value = value * 10 + digit;
  }
  if (!Number.isSafeInteger(value)) return undefined;
  return text.charCodeAt(0) === 0x2d ? -value || 0 : value;
}

function slowWholeNumber(text: string): number | undefined {
  const plain = toHalfWidth(text).trim();
  if (!WHOLE_NUMBER.test(plain)) return undefined;
  const value = Number(plain.replaceAll(',', ''));
  return Number.isSafeInteger(value) ? value || 0 : undefined;
}
