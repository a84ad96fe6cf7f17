import type { ValidationCode } from './validation-codes.js';

/** An `error` rejects the row; a `warning` lets it through flagged for review. */
export type Severity = 'error' | 'warning';

/** One problem found in a row, worded for the clerk who has to fix it. */
export interface ValidationIssue {
  /** Stable UPPER_SNAKE rule code (VALIDATION_CODES). */
  code: ValidationCode;
  severity: Severity;
  /** The catalog key of the field, absent for whole-row issues. */
  field?: string;
  /** The offending cell as given (cut at 256 characters), never the whole row. */
  value?: string;
  /** English: names the field by its label and key and says how to fix it. */
  message: string;
  /** Chinese, without 第 N 行 (the caller prefixes the row): names the field and the fix. */
  messageZh: string;
}

/** What the validator needs to know besides the row: injected so that it stays pure. */
export interface ValidationContext {
  /** `YYYY-MM-DD`, the day of import; the validator never reads the clock. */
  today: string;
  /** The submitting organisation's type, from the credential (never from the file). */
  orgType: string;
  /** Whether a canonical 12-digit division code belongs to the district profile. */
  isOwnDivision: (code12: string) => boolean;
}

/** The outcome of validating one row. */
export interface ValidationResult {
  /** True when no issue has error severity. */
  ok: boolean;
  /**
   * Canonical values of the fields that were given and passed their own checks: dates
   * `YYYY-MM-DD`, codes as codes, ID numbers 18 characters, divisions 12 digits, integers as
   * numbers, names with · normalised; `action` defaults to `create`.
   */
  record: Record<string, string | number>;
  issues: ValidationIssue[];
}
