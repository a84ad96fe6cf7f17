import type { FieldDefinition } from '../../catalog/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue, type Bilingual } from './make-issue.js';
import { findTextProblem } from './text-problem.js';

/** Certificates are kept as written, up to this many characters, when the catalog sets no limit. */
const CERTIFICATE_MAX_CHARS = 40;

/**
 * The check of free text and certificate numbers: no formula, no control character, within
 * `maxLength`. The canonical value is the trimmed text, otherwise as written.
 */
export function textCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  const max = field.maxLength ?? (field.kind === 'certificate' ? CERTIFICATE_MAX_CHARS : undefined);
  const params = maxParams(max);
  return (text, raw, _context, issues) => {
    const problem = findTextProblem(text, max);
    if (problem === undefined) return text;
    issues.push(makeIssue(problem, naming, raw, params));
    return undefined;
  };
}

/** The check of `record_id`: text of at most `maxLength` characters without control characters. */
export function recordIdCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  const params = maxParams(field.maxLength);
  return (text, raw, _context, issues) => {
    const problem = findTextProblem(text, field.maxLength);
    if (problem === undefined) return text;
    issues.push(makeIssue(problem === 'FORMULA_TEXT' ? problem : 'RECORD_ID_INVALID', naming, raw, params));
    return undefined;
  };
}

function maxParams(max: number | undefined): Record<string, Bilingual> {
  return max === undefined ? {} : { max: [String(max), String(max)] };
}
