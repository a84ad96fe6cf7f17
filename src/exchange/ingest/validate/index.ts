export { VALIDATION_CODES, isValidationCode } from './validation-codes.js';
export type { CodeSeverity, ValidationCode, ValidationCodeInfo } from './validation-codes.js';
export type { Severity, ValidationContext, ValidationIssue, ValidationResult } from './validation-result.js';
export { validateRecord } from './validate-record.js';
