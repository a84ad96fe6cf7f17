import type { DataTable } from './data-table.js';
import type { Cell } from './format-cell.js';
import { writeXlsx } from './xlsx-writer.js';

/** A cell as the export writes it: numbers unrounded, `<5` as text, empty for no value. */
function exportValue(cell: Cell | undefined): string | number | null {
  return cell === undefined ? null : cell;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in Excel; numbers are written as numbers.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The view's tables as one CSV: each table starts with a line naming it, then its header and
 * rows, and a blank line. UTF-8 with a byte order mark so Excel reads the Chinese correctly.
 */
export function tablesAsCsv(tables: readonly DataTable[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(csvField(table.name));
    lines.push(table.columns.map((c) => csvField(c.title)).join(','));
    for (const row of table.rows) lines.push(table.columns.map((c) => csvField(exportValue(row[c.key]))).join(','));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** The view's tables as an XLSX workbook, one sheet each. */
export function tablesAsXlsx(tables: readonly DataTable[]): Uint8Array {
  return writeXlsx(
    tables.map((table) => ({
      name: table.name,
      rows: [table.columns.map((c) => c.title), ...table.rows.map((row) => table.columns.map((c) => exportValue(row[c.key])))],
    })),
  );
}

/** Saves bytes or text under `name` through a temporary link. */
export function saveFile(content: string | Uint8Array, name: string, type: string): void {
  const blob = new Blob([content as BlobPart], { type });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
