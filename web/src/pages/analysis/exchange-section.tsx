import { Card, Col, Row, Statistic } from 'antd';
import { exchangeRecordsChart, openCasesChart } from './analysis-charts.js';
import { ChartCard } from './chart-card.js';
import { ChartView } from './chart-view.js';
import type { DataTable } from './data-table.js';
import { formatCell } from './format-cell.js';
import type { ExchangeIndicators, IndicatorReport } from './indicator-report.js';
import type { AnalysisMessages } from './use-analysis-messages.js';

/** The exchange's own figures of the period as a table (for the export). */
function exchangeSummaryTable(m: AnalysisMessages, exchange: ExchangeIndicators): DataTable {
  return {
    name: m.charts.exchangeSummary,
    columns: [
      { key: 'indicator', title: m.columns.indicator },
      { key: 'value', title: m.value, digits: 2 },
    ],
    rows: [
      { indicator: m.exchange.submitted, value: exchange.submitted_rows },
      { indicator: m.exchange.rejected, value: exchange.rejected_rows },
      { indicator: `${m.exchange.rejectionRate} %`, value: exchange.rejection_rate },
      { indicator: m.exchange.duplicates, value: exchange.duplicates },
      { indicator: `${m.exchange.medianLag} (${m.units.days})`, value: exchange.median_reporting_lag_days },
    ],
  };
}

/** The exchange tables of the view: summary, records per department and month, open cases per unit. */
export function exchangeTables(m: AnalysisMessages, exchange: ExchangeIndicators): DataTable[] {
  return [
    ...(exchange.records_by_org_month ? [exchangeSummaryTable(m, exchange), exchangeRecordsChart(m, exchange).table] : []),
    openCasesChart(m, exchange).table,
  ];
}

/** The bureau's view of the exchange: rows submitted and rejected, lag, records per department, open cases. */
export function ExchangeSection({ m, report, exchange }: { m: AnalysisMessages; report: IndicatorReport; exchange: ExchangeIndicators }) {
  const records = exchange.records_by_org_month ? exchangeRecordsChart(m, exchange) : null;
  const cases = openCasesChart(m, exchange);
  const stat = (title: string, value: number | null, suffix?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Statistic title={title} value={formatCell(value, 2)} suffix={value === null ? undefined : suffix} />
    </Col>
  );
  return (
    <Card title={m.charts.exchangeSummary} style={{ marginTop: 12 }} className="analysis-card" data-testid="analysis-exchange">
      {records && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {stat(m.exchange.submitted, exchange.submitted_rows)}
          {stat(m.exchange.rejected, exchange.rejected_rows)}
          {stat(m.exchange.rejectionRate, exchange.rejection_rate, '%')}
          {stat(m.exchange.duplicates, exchange.duplicates)}
          {stat(m.exchange.medianLag, exchange.median_reporting_lag_days, m.units.days)}
        </Row>
      )}
      <Row gutter={[12, 12]} className="analysis-grid">
        {records && (
          <Col xs={24} xl={12}>
            <ChartCard
              id="exchange-records"
              title={m.charts.exchangeRecords}
              table={records.table}
              report={report}
              empty={records.table.rows.length === 0}
              chart={<ChartView title={m.charts.exchangeRecords} option={records.option} testId="analysis-chart-exchange-records" />}
            />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <ChartCard
            id="open-cases"
            title={m.charts.openCases}
            table={cases.table}
            report={report}
            empty={cases.table.rows.length === 0}
            chart={<ChartView title={m.charts.openCases} option={cases.option} testId="analysis-chart-open-cases" />}
          />
        </Col>
      </Row>
    </Card>
  );
}
