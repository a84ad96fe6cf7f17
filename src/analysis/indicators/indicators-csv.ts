import type { IndicatorReport } from './compute-indicators.js';

const COLUMNS = ['key', 'value', 'numerator', 'denominator', 'unit', 'suppressed', 'not_applicable', 'zh', 'en'] as const;

/** One CSV row per indicator (UTF-8, header first): key, value, numerator, denominator, unit, flags, definitions; then the pyramid's cells. */
export function indicatorsAsCsv(report: IndicatorReport): string {
  const lines = [COLUMNS.join(',')];
  lines.push(['period', report.period.label, '', '', '', '', '', `${report.period.from}..${report.period.to}`, ''].map(quote).join(','));
  lines.push(['division', report.division.code, '', '', '', '', '', report.division.name, report.division.level].map(quote).join(','));
  for (const [key, d] of Object.entries(report.indicators)) {
    lines.push([key, d.value, d.numerator, d.denominator, d.unit, d.suppressed, d.not_applicable, d.zh, d.en].map(quote).join(','));
  }
  const pyramid = (report.population_end as { pyramid?: Array<{ group: string; male: number | null; female: number | null }> } | undefined)?.pyramid ?? [];
  const heads = report.indicators['population_end.resident'];
  for (const cell of pyramid) {
    for (const sex of ['male', 'female'] as const) {
      const value = cell[sex];
      lines.push([`population_end.pyramid.${cell.group}.${sex}`, value, '', '', 'persons', value === null && report.published, false, heads?.zh ?? '', heads?.en ?? ''].map(quote).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function quote(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
