import type { FieldDefinition } from '../../catalog/index.js';
import { toHalfWidth } from '../../../platform/identity/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue, type Bilingual } from './make-issue.js';
import { codePointLength, findTextProblem } from './text-problem.js';

/** Keys ending in `_name` that name an organisation, not a person (no name rules apply). */
const ORGANISATION_NAME_KEYS = new Set(['business_name', 'enterprise_name']);

/** Stand-ins clerks write when the name is not known: accepted, flagged for review. */
const PLACEHOLDER_NAMES = new Set([
  '不详',
  '未知',
  '无名',
  '无名氏',
  '待定',
  '未取名',
  '婴儿',
  '男婴',
  '女婴',
  '新生儿',
]);
const PLACEHOLDER_PARTS = ['某某'];
const PLACEHOLDER_ENDINGS = ['之子', '之女'];

/** Middle-dot look-alikes (katakana, half-width katakana, bullet, hyphenation point, operators). */
const DOT_VARIANTS = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/;
const WHITESPACE_RUN = /\s+/g;
const SPACE_AROUND_DOT = / ?· ?/g;
const FULL_STOP = /\./g;

type NameShape = 'ok' | 'invalid' | 'digits';

/** Whether a field holds a person's name: key `name` or `<role>_name`, free text. */
export function isPersonNameField(field: FieldDefinition): boolean {
  if (field.kind !== 'string') return false;
  return field.key === 'name' || (field.key.endsWith('_name') && !ORGANISATION_NAME_KEYS.has(field.key));
}

/**
 * The check of a person's name. Canonical form: · for every middle-dot look-alike (and for `.`
 * in a name without Latin letters), no spaces in a Chinese name (clerks pad 2-character names
 * to line them up), single spaces in a Latin one, none around ·. At least 2 Chinese characters
 * or letters; symbols and notes are NAME_INVALID, digits or a stand-in NAME_SUSPICIOUS.
 */
export function personNameCheck(field: FieldDefinition): FieldCheck {
  const naming = fieldNaming(field);
  const max = field.maxLength;
  const params: Record<string, Bilingual> = max === undefined ? {} : { max: [String(max), String(max)] };
  return (text, raw, _context, issues) => {
    const problem = findTextProblem(text, undefined);
    if (problem !== undefined) {
      issues.push(makeIssue(problem, naming, raw, params));
      return undefined;
    }
    const plainHan = hanCount(text) >= 2;
    const name = plainHan ? text : normaliseName(text);
    if (max !== undefined && name.length > max && codePointLength(name) > max) {
      issues.push(makeIssue('TOO_LONG', naming, raw, params));
      return undefined;
    }
    const shape = plainHan ? 'ok' : nameShape(name);
    if (shape === 'invalid') {
      issues.push(makeIssue('NAME_INVALID', naming, raw));
      return undefined;
    }
    if (shape === 'digits' || isPlaceholder(name)) issues.push(makeIssue('NAME_SUSPICIOUS', naming, raw));
    return name;
  };
}

/** The number of Chinese characters when the text is nothing else, otherwise -1. */
function hanCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007) {
      count += 1;
    } else if (c >= 0xd840 && c <= 0xd8bf && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count += 1;
      i += 1;
    } else return -1;
  }
  return count;
}

function normaliseName(text: string): string {
  let name = toHalfWidth(text).replace(DOT_VARIANTS, '·');
  name = LATIN_LETTER.test(name)
    ? name.replace(WHITESPACE_RUN, ' ')
    : name.replace(WHITESPACE_RUN, '').replace(FULL_STOP, '·');
  return name.replace(SPACE_AROUND_DOT, '·');
}

function nameShape(name: string): NameShape {
  const latin = LATIN_LETTER.test(name);
  let letters = 0;
  let digits = false;
  let previous = '·';
  for (const ch of name) {
    if (ch === '·') {
      if (previous === '·') return 'invalid';
    } else if (ch >= '0' && ch <= '9') digits = true;
    else if (LATIN_LETTER.test(ch) || hanCount(ch) === 1) letters += 1;
    else if (!latin || (ch !== ' ' && ch !== '-' && ch !== "'" && ch !== '.')) return 'invalid';
    previous = ch;
  }
  if (previous === '·' || letters < 2) return 'invalid';
  return digits ? 'digits' : 'ok';
}

function isPlaceholder(name: string): boolean {
  if (PLACEHOLDER_NAMES.has(name)) return true;
  for (const part of PLACEHOLDER_PARTS) if (name.includes(part)) return true;
  for (const ending of PLACEHOLDER_ENDINGS) if (name.endsWith(ending)) return true;
  return false;
}
