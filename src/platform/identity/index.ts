export { isLeapYear, calendarDate } from './calendar-date.js';
export { CREDIT_CODE_CHARSET, creditCheckChar, validateCreditCode } from './credit-code.js';
export type { CreditCodeResult } from './credit-code.js';
export { ageInCompletedYears, parseLooseDate } from './dates.js';
export type { DateProblem, LooseDateOptions, LooseDateResult } from './dates.js';
export { toHalfWidth } from './half-width.js';
export {
  ID_EARLIEST_BIRTH_DATE,
  ID_PROBLEMS,
  idBirthDate,
  idCheckChar,
  idSex,
  normaliseIdNumber,
  parseIdNumber,
} from './id-number.js';
export type { IdNumberResult, IdProblem, IdSex } from './id-number.js';
export { isOneEditApart, isOneTranspositionApart } from './one-edit-apart.js';
