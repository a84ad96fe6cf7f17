import type { CodeTable } from './code-table.js';

/**
 * The major class a code counts as when two records are compared: GB/T 2261.2 初婚/再婚/复婚
 * (21–23) all count as 已婚 (20). Codes without a major class are returned unchanged.
 */
export function rollUpCode(table: CodeTable, code: string): string {
  return table.entries.find((entry) => entry.code === code)?.rollsUpTo ?? code;
}
