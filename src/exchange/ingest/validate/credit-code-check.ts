import type { FieldDefinition } from '../../catalog/index.js';
import { validateCreditCode } from '../../../platform/identity/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue } from './make-issue.js';

/**
 * The check of a unified social credit code (GB 32100): CREDIT_FORMAT or CREDIT_CHECK, never
 * revealing the correct check character. Canonical: 18 upper-case characters.
 */
export function creditCodeCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  return (text, raw, _context, issues) => {
    const result = validateCreditCode(text);
    if (result.ok) return result.code;
    issues.push(makeIssue(result.problem, naming, raw));
    return undefined;
  };
}
