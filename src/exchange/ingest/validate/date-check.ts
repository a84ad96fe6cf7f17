import type { FieldDefinition } from '../../catalog/index.js';
import { ID_EARLIEST_BIRTH_DATE, parseLooseDate } from '../../../platform/identity/index.js';
import { digitsValue, isCalendarDay } from './calendar-day.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue } from './make-issue.js';

/** The earliest date any field accepts, the same bound as birth dates in ID numbers. */
const EARLIEST_DATE = ID_EARLIEST_BIRTH_DATE;
/** Four digits alone are a year, not a date (nor the Excel serial of a day in 1905). */
const YEAR_ONLY = /^\s*\d{4}\s*$/;

/**
 * The check of a date: `YYYY-MM-DD`, the loose forms of parseLooseDate and Excel serials, to
 * `YYYY-MM-DD`; not before 1850, not after `today` unless the field allows future dates.
 */
export function dateCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  const allowFuture = field.allowFuture === true;
  return (text, raw, context, issues) => {
    let date = text;
    if (!isIsoDate(text)) {
      const parsed = YEAR_ONLY.test(text)
        ? ({ ok: false, problem: 'DATE_FORMAT' } as const)
        : parseLooseDate(text, { allowSerial: true });
      if (!parsed.ok) {
        issues.push(makeIssue(parsed.problem, naming, raw));
        return undefined;
      }
      date = parsed.date;
    }
    if (date < EARLIEST_DATE) {
      issues.push(makeIssue('DATE_TOO_EARLY', naming, raw));
      return undefined;
    }
    if (!allowFuture && date > context.today) {
      issues.push(makeIssue('DATE_FUTURE', naming, raw, { today: [context.today, context.today] }));
      return undefined;
    }
    return date;
  };
}

/** Whether the text is a real date written exactly `YYYY-MM-DD` (no allocation). */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return false;
  return isCalendarDay(digitsValue(text, 0, 4), digitsValue(text, 5, 2), digitsValue(text, 8, 2));
}
