import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useLang } from '../../i18n/use-lang.js';
import type { DataTable } from './data-table.js';
import { digitsFor, formatCell, indicatorCell } from './format-cell.js';
import type { IndicatorReport } from './indicator-report.js';
import type { AnalysisMessages } from './use-analysis-messages.js';

/** The key figures at the top of the dashboard, in this order. */
export const KPI_KEYS = [
  'population',
  'births',
  'deaths',
  'crude_birth_rate',
  'crude_death_rate',
  'natural_growth_rate',
  'total_fertility_rate',
  'sex_ratio_at_birth',
] as const;

const UNIT_LABEL: Record<string, keyof AnalysisMessages['units']> = {
  '‰': 'permille',
  '%': 'percent',
  persons: 'persons',
  events: 'events',
  'children per woman': 'children',
  'males per 100 females': 'ratio',
};

/** The unit of an indicator in the UI language. */
export function unitLabel(m: AnalysisMessages, unit: string | undefined): string {
  const key = unit ? UNIT_LABEL[unit] : undefined;
  return key ? m.units[key] : (unit ?? '');
}

/** The key figures as a table (for the export). */
export function kpiTable(m: AnalysisMessages, report: IndicatorReport): DataTable {
  return {
    name: m.sections.kpi,
    columns: [
      { key: 'indicator', title: m.columns.indicator },
      { key: 'value', title: m.value, digits: 3 },
      { key: 'unit', title: m.unit },
      { key: 'numerator', title: m.numerator, digits: 2 },
      { key: 'denominator', title: m.denominator, digits: 2 },
    ],
    rows: KPI_KEYS.map((key) => {
      const d = report.indicators[key];
      return {
        indicator: m.kpi[key],
        value: indicatorCell(report, key),
        unit: unitLabel(m, d?.unit),
        numerator: d?.numerator ?? null,
        denominator: d?.denominator ?? null,
      };
    }),
  };
}

/** One card per key figure: value, unit, and its definition with numerator and denominator on hover. */
export function KpiCards({ m, report }: { m: AnalysisMessages; report: IndicatorReport }) {
  const { lang } = useLang();
  return (
    <Row gutter={[12, 12]} data-testid="analysis-kpis">
      {KPI_KEYS.map((key) => {
        const d = report.indicators[key];
        const cell = indicatorCell(report, key);
        const definition = d && (
          <div>
            <div>{lang === 'zh' ? d.zh : d.en}</div>
            {d.numerator !== null && (
              <div>
                {m.numerator}: {formatCell(d.numerator, 2)} · {m.denominator}: {formatCell(d.denominator, 2)}
              </div>
            )}
          </div>
        );
        return (
          <Col key={key} xs={12} md={6} className="analysis-kpi">
            <Card size="small" data-testid={`kpi-${key}`}>
              <Statistic
                title={
                  <Tooltip title={definition}>
                    <span>
                      {m.kpi[key]} <InfoCircleOutlined style={{ fontSize: 12 }} />
                    </span>
                  </Tooltip>
                }
                valueRender={() => (
                  <span data-testid={`kpi-value-${key}`} data-value={cell ?? ''}>
                    {formatCell(cell, digitsFor(d?.unit))}
                  </span>
                )}
                suffix={<Typography.Text type="secondary">{unitLabel(m, d?.unit)}</Typography.Text>}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
