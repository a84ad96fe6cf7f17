import type { AnalysisMessages } from './use-analysis-messages.js';
import { fill } from './use-analysis-messages.js';
import type { DataTable } from './data-table.js';
import type { EChartsCoreOption } from './echarts-core.js';
import { chartNumber, indicatorCell, type Cell } from './format-cell.js';
import type { ExchangeIndicators, IndicatorReport } from './indicator-report.js';

/** The numbers of one chart and how to draw them. */
export interface ChartModel {
  table: DataTable;
  option: EChartsCoreOption;
}

const COLORS = { male: '#1a56db', female: '#e0527a', births: '#2f9e44', deaths: '#868e96', band: 'rgba(47,158,68,0.28)' };
const ORDERS = ['1', '2', '3+'] as const;
/** The normal range of the sex ratio at birth (males per 100 females). */
export const SRB_NORMAL_BAND = [103, 107] as const;

const grid = { left: 48, right: 24, top: 40, bottom: 36, containLabel: true };
const axisTooltip = { trigger: 'axis' as const };

/** Births and deaths month by month (one report per month). */
export function trendChart(m: AnalysisMessages, months: readonly string[], reports: ReadonlyArray<IndicatorReport | undefined>): ChartModel {
  const rows = months.map((month, i) => {
    const report = reports[i];
    return {
      month,
      births: report ? indicatorCell(report, 'births') : null,
      deaths: report ? indicatorCell(report, 'deaths') : null,
    };
  });
  return {
    table: {
      name: m.charts.trend,
      columns: [
        { key: 'month', title: m.columns.month },
        { key: 'births', title: m.columns.births, digits: 0 },
        { key: 'deaths', title: m.columns.deaths, digits: 0 },
      ],
      rows,
    },
    option: {
      grid,
      tooltip: axisTooltip,
      legend: { top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: m.columns.births, type: 'line', color: COLORS.births, data: rows.map((r) => chartNumber(r.births)) },
        { name: m.columns.deaths, type: 'line', color: COLORS.deaths, data: rows.map((r) => chartNumber(r.deaths)) },
      ],
    },
  };
}

/** Residents on the last day by sex and 5-year age group, males to the left. */
export function pyramidChart(m: AnalysisMessages, report: IndicatorReport): ChartModel {
  const cell = (v: number | null): Cell => (v === null && report.published ? '<5' : v);
  const rows = report.population_end.pyramid.map((c) => ({ group: c.group, male: cell(c.male), female: cell(c.female) }));
  return {
    table: {
      name: m.charts.pyramid,
      columns: [
        { key: 'group', title: m.columns.group },
        { key: 'male', title: m.columns.male, digits: 0 },
        { key: 'female', title: m.columns.female, digits: 0 },
      ],
      rows,
    },
    option: {
      grid: { ...grid, left: 24 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? Math.abs(v).toLocaleString('en-US') : '—'),
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => Math.abs(v).toLocaleString('en-US') } },
      yAxis: { type: 'category', data: rows.map((r) => r.group), axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 10 } },
      series: [
        { name: m.columns.male, type: 'bar', stack: 'sex', color: COLORS.male, data: rows.map((r) => negate(chartNumber(r.male))) },
        { name: m.columns.female, type: 'bar', stack: 'sex', color: COLORS.female, data: rows.map((r) => chartNumber(r.female)) },
      ],
    },
  };
}

const negate = (v: number | null) => (v === null ? null : -v);

/** The sex ratio at birth of each area below (or of this area alone) against the band 103–107. */
export function srbChart(m: AnalysisMessages, report: IndicatorReport, children: readonly ChildReport[]): ChartModel {
  const areas = children.length > 0 ? children : [{ code: report.division.code, name: report.division.name, report }];
  const rows = areas.map((a) => ({
    area: a.name,
    births_male: a.report ? indicatorCell(a.report, 'births_male') : null,
    births_female: a.report ? indicatorCell(a.report, 'births_female') : null,
    sex_ratio_at_birth: a.report ? indicatorCell(a.report, 'sex_ratio_at_birth') : null,
  }));
  const own = chartNumber(indicatorCell(report, 'sex_ratio_at_birth'));
  return {
    table: {
      name: m.charts.srb,
      columns: [
        { key: 'area', title: m.columns.area },
        { key: 'births_male', title: m.columns.male, digits: 0 },
        { key: 'births_female', title: m.columns.female, digits: 0 },
        { key: 'sex_ratio_at_birth', title: m.columns.sex_ratio_at_birth, digits: 2 },
      ],
      rows,
    },
    option: {
      grid: { ...grid, right: 72 },
      tooltip: axisTooltip,
      xAxis: { type: 'category', data: rows.map((r) => r.area), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.min(80, Math.floor(v.min - 5))), max: (v: { max: number }) => Math.max(120, Math.ceil(v.max + 5)) },
      series: [
        {
          name: m.columns.sex_ratio_at_birth,
          type: 'bar',
          color: COLORS.male,
          data: rows.map((r) => chartNumber(r.sex_ratio_at_birth)),
          markArea: {
            silent: true,
            itemStyle: { color: COLORS.band },
            // The card's title names the band; a label inside it would sit on the axis labels.
            label: { show: false },
            data: [[{ name: m.normalBand, yAxis: SRB_NORMAL_BAND[0] }, { yAxis: SRB_NORMAL_BAND[1] }]],
          },
          markLine:
            own === null || children.length === 0
              ? undefined
              : { symbol: 'none', label: { formatter: `${m.areaValue} {c}` }, lineStyle: { color: COLORS.female, type: 'dashed' }, data: [{ yAxis: own }] },
        },
      ],
    },
  };
}

/** An area one level down and its report (undefined while loading or if it failed). */
export interface ChildReport {
  code: string;
  name: string;
  report: IndicatorReport | undefined;
}

export type ChildMetric = 'population' | 'births' | 'deaths' | 'crude_birth_rate' | 'total_fertility_rate';
export const CHILD_METRICS: readonly ChildMetric[] = ['population', 'births', 'deaths', 'crude_birth_rate', 'total_fertility_rate'];

/** The areas one level down compared on one metric; the table has them all. */
export function childrenChart(m: AnalysisMessages, levelName: string, children: readonly ChildReport[], metric: ChildMetric): ChartModel {
  const keys = ['population', 'births', 'deaths', 'crude_birth_rate', 'crude_death_rate', 'total_fertility_rate', 'sex_ratio_at_birth'] as const;
  const rows = children.map((c) => ({
    area: c.name,
    code: c.code,
    ...Object.fromEntries(keys.map((k) => [k, c.report ? indicatorCell(c.report, k) : null])),
  })) as Array<Record<string, Cell>>;
  const digits: Record<(typeof keys)[number], number> = {
    population: 1,
    births: 0,
    deaths: 0,
    crude_birth_rate: 2,
    crude_death_rate: 2,
    total_fertility_rate: 3,
    sex_ratio_at_birth: 2,
  };
  return {
    table: {
      name: fill(m.charts.children, { level: levelName }),
      columns: [
        { key: 'area', title: m.columns.area },
        { key: 'code', title: m.columns.code },
        ...keys.map((k) => ({ key: k, title: m.columns[k], digits: digits[k] })),
      ],
      rows,
    },
    option: {
      grid,
      tooltip: axisTooltip,
      xAxis: { type: 'category', data: rows.map((r) => r.area), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [{ name: m.metrics[metric], type: 'bar', color: COLORS.male, data: rows.map((r) => chartNumber(r[metric] ?? null)), cursor: 'pointer' }],
    },
  };
}

/** Age-specific fertility rates by 5-year group or single year of age. */
export function asfrChart(m: AnalysisMessages, report: IndicatorReport, mode: '5y' | '1y'): ChartModel {
  const family = mode === '5y' ? 'asfr_5y' : 'asfr_1y';
  const births = mode === '5y' ? 'births_by_age_5y' : 'births_by_age_1y';
  const ages = Object.keys(report[family]);
  const rows = ages.map((age) => ({ age, births: indicatorCell(report, `${births}.${age}`), asfr: indicatorCell(report, `${family}.${age}`) }));
  return {
    table: {
      name: `${m.charts.asfr} ${mode === '5y' ? m.charts.asfr5 : m.charts.asfr1}`,
      columns: [
        { key: 'age', title: mode === '5y' ? m.columns.group : m.columns.age },
        { key: 'births', title: m.columns.births, digits: 0 },
        { key: 'asfr', title: m.columns.asfr, digits: 2 },
      ],
      rows,
    },
    option: {
      grid,
      tooltip: axisTooltip,
      xAxis: { type: 'category', data: ages },
      yAxis: { type: 'value', name: '‰' },
      series: [
        mode === '5y'
          ? { name: m.columns.asfr, type: 'bar', color: COLORS.female, data: rows.map((r) => chartNumber(r.asfr)) }
          : { name: m.columns.asfr, type: 'line', smooth: true, color: COLORS.female, areaStyle: { opacity: 0.15 }, data: rows.map((r) => chartNumber(r.asfr)) },
      ],
    },
  };
}

/** Births by order (一孩、二孩、多孩) and their shares. */
export function orderChart(m: AnalysisMessages, report: IndicatorReport): ChartModel {
  const rows = ORDERS.map((o) => ({ order: m.orders[o], births: indicatorCell(report, `births_by_order.${o}`), share: indicatorCell(report, `birth_order_shares.${o}`) }));
  return {
    table: {
      name: m.charts.order,
      columns: [
        { key: 'order', title: m.columns.order },
        { key: 'births', title: m.columns.births, digits: 0 },
        { key: 'share', title: m.columns.share, digits: 2 },
      ],
      rows,
    },
    option: {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b}\n{d}%' },
          color: ['#1a56db', '#f59f00', '#e0527a'],
          data: rows.map((r) => ({ name: r.order, value: chartNumber(r.births) })),
        },
      ],
    },
  };
}

/** Records accepted per department and month, stacked by department. */
export function exchangeRecordsChart(m: AnalysisMessages, exchange: ExchangeIndicators): ChartModel {
  const records = exchange.records_by_org_month ?? [];
  const months = [...new Set(records.map((r) => r.month))].sort();
  const orgs = [...new Set(records.map((r) => r.org))].sort();
  return {
    table: {
      name: m.charts.exchangeRecords,
      columns: [
        { key: 'org', title: m.columns.org },
        { key: 'month', title: m.columns.month },
        { key: 'records', title: m.columns.records, digits: 0 },
      ],
      rows: records.map((r) => ({ org: r.org, month: r.month, records: r.records })),
    },
    option: {
      grid,
      tooltip: axisTooltip,
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: orgs.map((org) => ({
        name: org,
        type: 'bar',
        stack: 'records',
        data: months.map((month) => records.find((r) => r.org === org && r.month === month)?.records ?? 0),
      })),
    },
  };
}

/** Cross-verification cases open now per responsible unit. */
export function openCasesChart(m: AnalysisMessages, exchange: ExchangeIndicators): ChartModel {
  const rows = exchange.open_cases_by_org.map((c) => ({ org: c.org || '—', open: c.open }));
  return {
    table: {
      name: m.charts.openCases,
      columns: [
        { key: 'org', title: m.columns.org },
        { key: 'open', title: m.columns.open, digits: 0 },
      ],
      rows,
    },
    option: {
      grid,
      tooltip: axisTooltip,
      xAxis: { type: 'category', data: rows.map((r) => r.org), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: m.columns.open, type: 'bar', color: '#f59f00', data: rows.map((r) => r.open) }],
    },
  };
}
