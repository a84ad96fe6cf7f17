import type { ValidationContext, ValidationIssue } from './validation-result.js';

/**
 * The compiled check of one field: given the trimmed, non-empty `text` (and the cell `raw` as
 * given, for issues), pushes any issues and returns the canonical value, or undefined when the
 * value failed (an error was pushed).
 */
export type FieldCheck = (
  text: string,
  raw: string,
  context: ValidationContext,
  issues: ValidationIssue[],
) => string | number | undefined;
