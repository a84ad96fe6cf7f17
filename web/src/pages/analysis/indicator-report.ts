/** How one indicator was computed (docs/API.md, "Analysis: demographic indicators"). */
export interface IndicatorDetail {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  annualised: boolean;
  zh: string;
  en: string;
  suppressed: boolean;
  not_applicable: boolean;
}

export interface PyramidCell {
  group: string;
  male: number | null;
  female: number | null;
}

export interface ExchangeIndicators {
  records_by_org_month: Array<{ org: string; month: string; records: number }> | null;
  submitted_rows: number | null;
  rejected_rows: number | null;
  rejection_rate: number | null;
  duplicates: number | null;
  median_reporting_lag_days: number | null;
  open_cases_by_org: Array<{ org: string; open: number }>;
}

/** The answer of `GET /api/v1/stats/indicators` as the dashboard reads it. */
export interface IndicatorReport {
  period: { label: string; from: string; to: string; days: number; months: number | null; annualisation: number };
  division: { code: string; name: string; level: 'district' | 'town' | 'village' };
  published: boolean;
  population: number | null;
  births: number | null;
  deaths: number | null;
  population_end: { resident: number | null; pyramid: PyramidCell[] };
  asfr_5y: Record<string, number | null>;
  asfr_1y: Record<string, number | null>;
  indicators: Record<string, IndicatorDetail>;
  exchange: ExchangeIndicators | null;
}

export const INDICATORS_PATH = '/api/v1/stats/indicators';

/** The answer of `GET /api/v1/stats/dashboard`: the area's report, the areas one level down, the months of the trend. */
export interface DashboardReports {
  report: IndicatorReport;
  children: IndicatorReport[];
  trend: IndicatorReport[];
}

export const DASHBOARD_PATH = '/api/v1/stats/dashboard';
