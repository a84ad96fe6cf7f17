import type { ColumnKind } from './tabular-writer.js';
import { neutraliseFormula } from './neutralise-formula.js';

/** How a CSV writer turns values into text. */
export interface CsvFieldOptions {
  /** Prefix `'` to text that a spreadsheet would run as a formula. */
  neutraliseFormulas: boolean;
  /** Write all-digit values of text columns as `="…"` so Excel keeps them as text. */
  excelTextGuard: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const ALL_DIGITS = /^\d+$/;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Empty
 * for null, undefined and ''. Numbers are written with `String`, so the output is the same on
 * every run and machine.
 */
export function formatCsvField(
  value: string | number | null | undefined,
  kind: ColumnKind | undefined,
  options: CsvFieldOptions,
): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (text.length === 0) return '';
  if (kind === 'text' && options.excelTextGuard && ALL_DIGITS.test(text)) {
    // A constant formula, built here rather than taken from the data, so it is not neutralised.
    text = `="${text}"`;
  } else if (options.neutraliseFormulas && typeof value === 'string') {
    text = neutraliseFormula(text);
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
