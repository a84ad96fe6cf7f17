import { CODE_TABLES, lookupKey, type CodeEntry, type CodeTable, type FieldDefinition } from '../../catalog/index.js';
import type { FieldCheck } from './field-check.js';
import { fieldNaming, makeIssue, type Bilingual } from './make-issue.js';

/** Messages list the allowed codes up to this many; a longer table is cited by its title. */
const LISTED_CODES_MAX = 15;
/** A numeric code as an Excel number cell shows it: "10.0", or "1" for "01" (leading zero lost). */
const NUMBER_CELL = /^(\d+)(?:\.0+)?$/;

/**
 * The check of a coded field: the code, its Chinese or English label or an alias (as
 * lookupCode reads them: full-width forms, spaces and Latin case ignored), limited to
 * `field.codes` when set. A number cell's "10.0" reads as 10, and "1" as 01 in a table of
 * two-digit codes (Excel drops the leading zero). Canonical: the code. `action` reports
 * ACTION_INVALID instead of CODE_UNKNOWN.
 */
export function codeCheck(field: FieldDefinition): FieldCheck {
  if (!field.codeTable) throw new Error(`code field ${field.key} names no code table`);
  const table = CODE_TABLES[field.codeTable];
  const entries = table.entries.filter((entry) => !field.codes || field.codes.includes(entry.code));
  const { exact, index } = indexesOf(entries);
  const naming = fieldNaming(field);
  const code = field.key === 'action' ? 'ACTION_INVALID' : 'CODE_UNKNOWN';
  const allowed = describeAllowed(table, entries);
  const width = codeWidth(entries);
  const fromNumberCell = (text: string): string | undefined => {
    const digits = NUMBER_CELL.exec(lookupKey(text))?.[1];
    return digits === undefined ? undefined : index.get(digits.length < width ? digits.padStart(width, '0') : digits);
  };
  return (text, raw, _context, issues) => {
    const found = exact.get(text) ?? index.get(lookupKey(text)) ?? fromNumberCell(text);
    if (found !== undefined) return found;
    issues.push(makeIssue(code, naming, raw, { allowed }));
    return undefined;
  };
}

/** Every spelling of the entries as typed, and in lookupKey form (a later entry wins, as in lookupCode). */
function indexesOf(entries: readonly CodeEntry[]): { exact: Map<string, string>; index: Map<string, string> } {
  const exact = new Map<string, string>();
  const index = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.code, entry.labelZh, entry.labelEn, ...(entry.aliases ?? [])]) {
      exact.set(name, entry.code);
      index.set(lookupKey(name), entry.code);
    }
  }
  return { exact, index };
}

/** "1 男，2 女" (with English labels in English), or the table's title when it is long. */
function describeAllowed(table: CodeTable, entries: readonly CodeEntry[]): Bilingual {
  if (entries.length > LISTED_CODES_MAX) {
    return [
      `代码表“${table.titleZh}”（${table.system}）中的代码`,
      `a code of the table "${table.titleEn}" (${table.system})`,
    ];
  }
  return [
    entries.map((e) => `${e.code} ${e.labelZh}`).join('，'),
    entries.map((e) => `${e.code} ${e.labelEn}`).join(', '),
  ];
}

/** The width of the codes when all are digits of one width (leading zeros matter), else 0. */
function codeWidth(entries: readonly CodeEntry[]): number {
  const width = entries[0]?.code.length ?? 0;
  return entries.every((e) => /^\d+$/.test(e.code) && e.code.length === width) ? width : 0;
}
