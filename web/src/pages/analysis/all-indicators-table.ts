import type { DataTable } from './data-table.js';
import { indicatorCell } from './format-cell.js';
import type { IndicatorReport } from './indicator-report.js';
import { unitLabel } from './kpi-cards.js';
import type { AnalysisMessages } from './use-analysis-messages.js';

/** Every indicator of the report with its value, numerator, denominator, unit and definition (for the export). */
export function allIndicatorsTable(m: AnalysisMessages, report: IndicatorReport, lang: 'zh' | 'en'): DataTable {
  return {
    name: m.sections.indicators,
    columns: [
      { key: 'key', title: m.columns.key },
      { key: 'value', title: m.value, digits: 6 },
      { key: 'numerator', title: m.numerator, digits: 6 },
      { key: 'denominator', title: m.denominator, digits: 6 },
      { key: 'unit', title: m.unit },
      { key: 'definition', title: m.definition },
    ],
    rows: Object.entries(report.indicators).map(([key, d]) => ({
      key,
      value: d.not_applicable ? m.notApplicable : indicatorCell(report, key),
      numerator: d.numerator,
      denominator: d.denominator,
      unit: unitLabel(m, d.unit),
      definition: lang === 'en' ? d.en : d.zh,
    })),
  };
}
