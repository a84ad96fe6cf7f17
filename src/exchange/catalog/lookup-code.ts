import { toHalfWidth } from '../../platform/identity/index.js';
import type { CodeTable } from './code-table.js';
import { CODE_TABLES, type CodeTableName } from './code-tables.js';

const indexes = new WeakMap<CodeTable, Map<string, string>>();

/**
 * The code a clerk meant: accepts the code itself, its Chinese or English label or an alias,
 * ignoring surrounding spaces, full-width forms and the case of Latin letters. Undefined when
 * nothing in the table matches.
 */
export function lookupCode(table: CodeTable | CodeTableName, raw: string | number): string | undefined {
  const codes = typeof table === 'string' ? CODE_TABLES[table] : table;
  return indexOf(codes).get(lookupKey(String(raw)));
}

/** The form in which codes, labels and input are compared. */
export function lookupKey(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, ' ').toLowerCase();
}

function indexOf(table: CodeTable): Map<string, string> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const entry of table.entries) {
      for (const name of [entry.code, entry.labelZh, entry.labelEn, ...(entry.aliases ?? [])]) {
        index.set(lookupKey(name), entry.code);
      }
    }
    indexes.set(table, index);
  }
  return index;
}
