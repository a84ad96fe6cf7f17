import type { IndicatorReport } from './indicator-report.js';

/** A table cell or chart value: a number, `<5` when blanked for publication, null when it cannot be computed. */
export type Cell = number | string | null;

/** What a blanked cell shows (docs/API.md: counts of 1–4 persons and the cells that would reveal them). */
export const SUPPRESSED = '<5';
/** What a figure that cannot be computed or does not apply shows. */
export const NO_VALUE = '—';

/** The cell of one indicator of the report: its value, `<5` when suppressed, null otherwise missing. */
export function indicatorCell(report: IndicatorReport, key: string): Cell {
  const detail = report.indicators[key];
  if (!detail) return null;
  if (detail.suppressed) return SUPPRESSED;
  return detail.value;
}

/** Decimal places an indicator of this unit is shown with. */
export function digitsFor(unit: string | undefined): number {
  if (unit === '‰' || unit === '%' || unit === 'males per 100 females') return 2;
  return unit === 'children per woman' ? 3 : 1;
}

/** A cell as text: grouped digits, at most `digits` decimals; strings as they are; `—` for null. */
export function formatCell(cell: Cell, digits = 2): string {
  if (cell === null) return NO_VALUE;
  if (typeof cell === 'string') return cell;
  return cell.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A number for a chart (a blanked or missing cell draws nothing). */
export function chartNumber(cell: Cell): number | null {
  return typeof cell === 'number' ? cell : null;
}
