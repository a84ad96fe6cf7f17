import type { FieldKind } from '../../catalog/index.js';
import type { RawCell } from './parse-types.js';

/** Excel keeps 15 significant digits: a longer whole number in a number cell has lost digits. */
const EXACT_DIGITS_LIMIT = 1e15;
/** Field kinds whose every digit matters; a number cell there shows as Excel displays it. */
const DIGIT_KINDS: ReadonlySet<FieldKind> = new Set(['id_number', 'credit_code', 'certificate']);

/**
 * The text of a cell for a column of field kind `kind`: strings as they are; dates formatted in
 * the sheet as `YYYY-MM-DD`; a whole number ≥ 1e15 in an ID, credit-code or certificate column
 * the way Excel shows it (`4.40606E+17`), since its last digits are gone and validation must say
 * "format the column as text"; other numbers in plain digits, never in exponent notation.
 */
export function cellText(cell: RawCell, kind: FieldKind | undefined): string {
  if (typeof cell === 'string') return cell;
  if (cell.dateText !== undefined) return cell.dateText;
  const value = cell.number;
  if (kind !== undefined && DIGIT_KINDS.has(kind) && Number.isInteger(value) && Math.abs(value) >= EXACT_DIGITS_LIMIT) {
    return excelGeneralText(value);
  }
  return numberText(value);
}

/** A number in plain digits: integers below 1e21 exactly as stored, fractions without an exponent. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) {
    if (Math.abs(value) < 1e21) return Object.is(value, -0) ? '0' : BigInt(value).toString();
    return String(value);
  }
  const plain = String(value);
  if (!plain.includes('e') || Math.abs(value) < 1e-20) return plain;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** How Excel's General format shows a long number in a standard-width column: `4.40606E+17`. */
export function excelGeneralText(value: number): string {
  const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const power = Number(exponent);
  return `${trimmed}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}
