import type { FieldDefinition } from '../../catalog/index.js';
import { ID_EARLIEST_BIRTH_DATE, normaliseIdNumber, parseIdNumber } from '../../../platform/identity/index.js';
import { compactDate, digitsValue, isCalendarDay } from './calendar-day.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue } from './make-issue.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = Number(ID_EARLIEST_BIRTH_DATE.replaceAll('-', ''));
/**
 * Province prefixes that parseIdNumber has accepted, learned from it so that the fast path
 * never disagrees with it: 1 = accepted, 0 = not seen yet (take the full path).
 */
const ACCEPTED_PREFIXES = new Uint8Array(100);
/** Excel keeps 15 significant digits: an 18-digit number typed into a number cell ends in 000. */
const EXCEL_LOST_DIGITS = /^\d{15}000$/;

/**
 * The check of a resident ID number (GB 11643). Canonical: 18 characters, upper-case X; a
 * 15-digit legacy number is converted (with an ID_CONVERTED_15 warning showing the result).
 * The correct check character is never revealed. An unknown county code is not an issue: the
 * code is frozen when the number is assigned.
 */
export function idNumberCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  return (text, raw, context, issues) => {
    if (isCanonicalValid(text, compactDate(context.today))) return text;
    const parsed = parseIdNumber(text, { today: context.today });
    if (parsed.ok) {
      ACCEPTED_PREFIXES[digitsValue(parsed.idNumber, 0, 2)] = 1;
      if (parsed.converted15) {
        const converted = [parsed.idNumber, parsed.idNumber] as const;
        issues.push(makeIssue('ID_CONVERTED_15', naming, raw, { converted }));
      }
      return parsed.idNumber;
    }
    const lostDigits = parsed.problem === 'ID_CHECK_DIGIT' && EXCEL_LOST_DIGITS.test(normaliseIdNumber(text));
    issues.push(makeIssue(lostDigits ? 'ID_SCIENTIFIC_NOTATION' : parsed.problem, naming, raw));
    return undefined;
  };
}

/**
 * Whether the text already is a valid canonical 18-character number, decided without
 * allocating; false sends it down the full path (parseIdNumber), which also names the problem.
 */
function isCanonicalValid(text: string, today: number): boolean {
  if (text.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    sum += digit * WEIGHTS[i]!;
  }
  if (text.charCodeAt(17) !== CHECK_CHARS.charCodeAt(sum % 11)) return false;
  if (ACCEPTED_PREFIXES[digitsValue(text, 0, 2)] !== 1) return false;
  const year = digitsValue(text, 6, 4);
  const month = digitsValue(text, 10, 2);
  const day = digitsValue(text, 12, 2);
  const birth = year * 10000 + month * 100 + day;
  return isCalendarDay(year, month, day) && birth >= EARLIEST_BIRTH && birth <= today;
}
