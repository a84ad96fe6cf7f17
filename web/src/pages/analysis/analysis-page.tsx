import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Segmented, Select, Space, Spin, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Division } from '../../api/types.js';
import { useSignedIn } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../i18n/use-labels.js';
import { useLang } from '../../i18n/use-lang.js';
import { ancestorCodes, indexDivisions } from '../divisions/division-index.js';
import {
  asfrChart,
  CHILD_METRICS,
  childrenChart,
  orderChart,
  pyramidChart,
  srbChart,
  trendChart,
  type ChildMetric,
  type ChildReport,
} from './analysis-charts.js';
import { saveFile, tablesAsCsv, tablesAsXlsx } from './analysis-export.js';
import { defaultPeriod } from './analysis-period.js';
import { PRINT_CSS } from './analysis-print.js';
import { ChartCard } from './chart-card.js';
import { ChartView } from './chart-view.js';
import { allIndicatorsTable } from './all-indicators-table.js';
import { ExchangeSection, exchangeTables } from './exchange-section.js';
import { DASHBOARD_PATH, type DashboardReports, type IndicatorReport } from './indicator-report.js';
import { KpiCards, kpiTable } from './kpi-cards.js';
import { PeriodPicker } from './period-picker.js';
import { fill, useAnalysisMessages } from './use-analysis-messages.js';

const TREND_MONTHS = [12, 24] as const;

/** True when the period has no residents and no events in the area: nothing to chart. */
function isEmptyReport(report: IndicatorReport): boolean {
  return !(Number(report.population) > 0) && !report.births && !report.deaths && !(Number(report.population_end.resident) > 0);
}

/**
 * `/analysis`: the district (or the user's own town or village) at a glance for a period —
 * key figures, trends by month, pyramid, sex ratio at birth, the areas below compared, fertility
 * by age, birth orders and, for the bureau, the exchange itself. Period, area and publication
 * mode live in the address so a view can be shared and printed.
 */
export function AnalysisPage() {
  const m = useAnalysisMessages();
  const labels = useLabels();
  const { lang } = useLang();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultPeriod();
  const divisionParam = params.get('division') ?? undefined;
  const publish = params.get('publish') === '1';
  const [trendCount, setTrendCount] = useState<(typeof TREND_MONTHS)[number]>(12);
  const [metric, setMetric] = useState<ChildMetric>('births');
  const [asfrMode, setAsfrMode] = useState<'5y' | '1y'>('5y');

  const divisions = useApiQuery<{ items: Division[] }>('/api/v1/divisions');
  const index = useMemo(() => indexDivisions(divisions.data?.items ?? []), [divisions.data]);
  const districtWide = session.jurisdiction?.districtWide ?? false;
  const home = districtWide ? index.roots[0]?.code : session.user.org.divisions?.[0];
  // One request: the area, the areas one level down and the months of the trend (the server reads the cells once).
  const main = useApiQuery<DashboardReports>(DASHBOARD_PATH, { period, division: divisionParam, publish: publish ? '1' : undefined, months: String(trendCount) });
  const report = main.data?.report;
  const code = report?.division.code;

  const setParam = (key: 'period' | 'division' | 'publish', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'division' });
  };
  const drill = (target: string) => setParam('division', target === home ? undefined : target);
  // The address of the same view for another area (breadcrumbs are links: keyboard, new tab).
  const searchFor = (target: string) => {
    const next = new URLSearchParams(params);
    if (target === home) next.delete('division');
    else next.set('division', target);
    return `?${next.toString()}`;
  };

  const children: Division[] = useMemo(() => (code ? (index.childrenOf.get(code) ?? []) : []), [index, code]);
  const childByCode = useMemo(() => new Map((main.data?.children ?? []).map((r) => [r.division.code, r])), [main.data]);
  const trendReports = main.data?.trend ?? [];
  // The months as the answer has them (a new trend length shows once its answer is in).
  const months = trendReports.map((r) => r.period.label);

  if (main.error !== null && !report) return <ErrorState error={main.error} onRetry={main.reload} />;
  if (!report) return <LoadingState />;

  const childReports: ChildReport[] = children.map((c) => ({ code: c.code, name: c.name, report: childByCode.get(c.code) }));
  const childLevel = labels.level(children[0]?.level);
  const trend = trendChart(m, months, trendReports);
  const pyramid = pyramidChart(m, report);
  const srb = srbChart(m, report, childReports);
  const compared = children.length > 0 ? childrenChart(m, childLevel, childReports, metric) : null;
  const asfr = asfrChart(m, report, asfrMode);
  const order = orderChart(m, report);
  const showExchange = districtWide && report.exchange !== null;
  const empty = isEmptyReport(report);
  const tables = [
    kpiTable(m, report),
    trend.table,
    pyramid.table,
    srb.table,
    ...(compared ? [compared.table] : []),
    asfrChart(m, report, '5y').table,
    asfrChart(m, report, '1y').table,
    order.table,
    ...(showExchange && report.exchange ? exchangeTables(m, report.exchange) : []),
    allIndicatorsTable(m, report, lang),
  ];
  const fileBase = `popx-analysis-${report.division.code}-${report.period.label.replace(/\.\./g, '_')}${publish ? '-publish' : ''}`;
  const chain = [...ancestorCodes(index, report.division.code).reverse(), report.division.code];
  const crumbs = home && chain.includes(home) ? chain.slice(chain.indexOf(home)) : [report.division.code];

  return (
    <div className="analysis-page" data-testid="analysis-page" data-division={report.division.code} data-period={report.period.label}>
      <style>{PRINT_CSS}</style>
      <div className="analysis-print-only">
        <Typography.Title level={3}>
          {fill(m.printTitle, { area: report.division.name, period: report.period.label })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {report.period.from} – {report.period.to} · {fill(m.printedAt, { time: new Date().toLocaleString() })}
        </Typography.Text>
      </div>
      <div className="analysis-no-print">
        <PageHeader
          title={m.title}
          subtitle={m.subtitle}
          extra={
            <>
              <Button icon={<FileTextOutlined />} onClick={() => saveFile(tablesAsCsv(tables), `${fileBase}.csv`, 'text/csv;charset=utf-8')} data-testid="analysis-export-csv">
                {m.exportCsv}
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => saveFile(tablesAsXlsx(tables), `${fileBase}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}
                data-testid="analysis-export-xlsx"
              >
                {m.exportXlsx}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="analysis-print">
                {m.print}
              </Button>
            </>
          }
        />
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex wrap gap={16} align="center" justify="space-between">
            <PeriodPicker value={period} onChange={(p) => setParam('period', p)} />
            <Space wrap>
              {children.length > 0 && (
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 220 }}
                  placeholder={`${m.area}: ${childLevel}`}
                  value={null}
                  onChange={(v: string) => drill(v)}
                  options={children.map((c) => ({ value: c.code, label: c.name }))}
                  data-testid="analysis-drill"
                />
              )}
              <Switch checked={publish} onChange={(on) => setParam('publish', on ? '1' : undefined)} data-testid="analysis-publish" />
              <Typography.Text>{m.publish}</Typography.Text>
            </Space>
          </Flex>
        </Card>
      </div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        aria-label={m.breadcrumb}
        data-testid="analysis-breadcrumbs"
        items={crumbs.map((c, i) => {
          const name = index.byCode.get(c)?.name ?? (c === report.division.code ? report.division.name : c);
          return i === crumbs.length - 1
            ? { key: c, title: <span data-testid={`analysis-crumb-${c}`}>{name}</span> }
            : {
                key: c,
                title: (
                  <Link to={{ search: searchFor(c) }} data-testid={`analysis-crumb-${c}`}>
                    {name}
                  </Link>
                ),
              };
        })}
      />
      {main.error !== null && <QueryErrorAlert error={main.error} onRetry={main.reload} />}
      {publish && <Alert type="info" showIcon title={m.publishHint} style={{ marginBottom: 12 }} className="analysis-no-print" data-testid="analysis-publish-hint" />}
      <Spin spinning={main.loading}>
        {empty ? (
          <Card data-testid="analysis-empty">
            <EmptyState title={m.empty} hint={m.emptyHint} />
          </Card>
        ) : (
          <Flex vertical gap={12}>
            <KpiCards m={m} report={report} />
            <Row gutter={[12, 12]} className="analysis-grid">
              <Col xs={24} xl={12}>
                <ChartCard
                  id="trend"
                  title={`${m.charts.trend} · ${fill(m.charts.trendMonths, { count: trendCount })}`}
                  table={trend.table}
                  report={report}
                  definitions={['births', 'deaths']}
                  extra={
                    <Segmented
                      size="small"
                      value={trendCount}
                      onChange={(v) => setTrendCount(v as (typeof TREND_MONTHS)[number])}
                      options={TREND_MONTHS.map((n) => ({ value: n, label: String(n) }))}
                      data-testid="analysis-trend-months"
                    />
                  }
                  chart={<ChartView title={m.charts.trend} option={trend.option} testId="analysis-chart-trend" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  id="pyramid"
                  title={m.charts.pyramid}
                  table={pyramid.table}
                  report={report}
                  definitions={['population_end', 'sex_ratio']}
                  chart={<ChartView title={m.charts.pyramid} option={pyramid.option} testId="analysis-chart-pyramid" />}
                />
              </Col>
              {compared && (
                <Col xs={24} xl={12}>
                  <ChartCard
                    id="children"
                    title={fill(m.charts.children, { level: childLevel })}
                    table={compared.table}
                    report={report}
                    definitions={[metric]}
                    extra={
                      <Select<ChildMetric>
                        size="small"
                        value={metric}
                        style={{ width: 130 }}
                        onChange={setMetric}
                        options={CHILD_METRICS.map((k) => ({ value: k, label: m.metrics[k] }))}
                        data-testid="analysis-children-metric"
                      />
                    }
                    chart={
                      <>
                        <ChartView
                          title={fill(m.charts.children, { level: childLevel })}
                          option={compared.option}
                          onPick={(name) => {
                            const child = children.find((c) => c.name === name);
                            if (child) drill(child.code);
                          }}
                          testId="analysis-chart-children"
                        />
                        <Typography.Text type="secondary" className="analysis-no-print">
                          {m.drillHint}
                        </Typography.Text>
                      </>
                    }
                  />
                </Col>
              )}
              <Col xs={24} xl={12}>
                <ChartCard
                  id="srb"
                  title={m.charts.srb}
                  table={srb.table}
                  report={report}
                  definitions={['sex_ratio_at_birth', 'births_male', 'births_female']}
                  chart={<ChartView title={m.charts.srb} option={srb.option} testId="analysis-chart-srb" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  id="asfr"
                  title={m.charts.asfr}
                  table={asfr.table}
                  report={report}
                  definitions={[asfrMode === '5y' ? 'asfr_5y' : 'asfr_1y', 'general_fertility_rate', 'total_fertility_rate', 'total_fertility_rate_1y']}
                  extra={
                    <Segmented
                      size="small"
                      value={asfrMode}
                      onChange={(v) => setAsfrMode(v as '5y' | '1y')}
                      options={[
                        { value: '5y', label: m.charts.asfr5 },
                        { value: '1y', label: m.charts.asfr1 },
                      ]}
                      data-testid="analysis-asfr-mode"
                    />
                  }
                  chart={<ChartView title={m.charts.asfr} option={asfr.option} testId="analysis-chart-asfr" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  id="order"
                  title={m.charts.order}
                  table={order.table}
                  report={report}
                  definitions={['birth_order_shares', 'births_by_order']}
                  empty={!report.births}
                  chart={<ChartView title={m.charts.order} option={order.option} testId="analysis-chart-order" />}
                />
              </Col>
            </Row>
          </Flex>
        )}
        {showExchange && report.exchange && <ExchangeSection m={m} report={report} exchange={report.exchange} />}
      </Spin>
    </div>
  );
}
