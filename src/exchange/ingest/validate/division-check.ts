import type { FieldDefinition } from '../../catalog/index.js';
import { normaliseDivisionCode } from '../../../platform/district/district-file.js';
import { toHalfWidth } from '../../../platform/identity/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue, type Bilingual } from './make-issue.js';

/** Spaces and the apostrophe Excel users type to keep digits as text. */
const NOISE = /[\s']/g;

const EXPECTED: Record<'division' | 'division_any', Bilingual> = {
  division: [
    '本区9位镇街代码或12位村居代码',
    'the 9-digit town or 12-digit village code of a division of the district',
  ],
  division_any: ['6位区县、9位镇街或12位村居代码', 'a 6-digit county, 9-digit town or 12-digit village code'],
};

/**
 * The check of a division code. `division`: a town (9 digits, padded) or village (12 digits)
 * of this district, else DIVISION_INVALID (malformed, or a county-level code) or
 * DIVISION_NOT_IN_DISTRICT; `division_any`: any 6-, 9- or 12-digit code. No province code
 * starts with 0. Canonical: 12 digits.
 */
export function divisionCheck(field: FieldDefinition & { kind: 'division' | 'division_any' }): FieldCheck {
  const naming = fieldNaming(field);
  const ownDistrict = field.kind === 'division';
  const expected = { expected: EXPECTED[field.kind] };
  return (text, raw, context, issues) => {
    let cleaned = text;
    let code = normaliseDivisionCode(text);
    if (code === null) {
      cleaned = toHalfWidth(text).replace(NOISE, '');
      code = normaliseDivisionCode(cleaned);
    }
    if (
      code === null ||
      code.charCodeAt(0) === 0x30 ||
      (ownDistrict && (cleaned.length === 6 || isCountyLevel(code)))
    ) {
      issues.push(makeIssue('DIVISION_INVALID', naming, raw, expected));
      return undefined;
    }
    if (ownDistrict && !context.isOwnDivision(code)) {
      issues.push(makeIssue('DIVISION_NOT_IN_DISTRICT', naming, raw));
      return undefined;
    }
    return code;
  };
}

/** A 12-digit code whose town part is 000 names a county, not a town or village. */
function isCountyLevel(code12: string): boolean {
  return code12.charCodeAt(6) === 0x30 && code12.charCodeAt(7) === 0x30 && code12.charCodeAt(8) === 0x30;
}
