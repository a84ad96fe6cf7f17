/** Analysis (综合分析): demographic indicators by period and area, the exchange's own indicators, public release. */
export { analysisCapability } from './analysis-capability.js';
export { computeDashboard, computeIndicators, type DashboardReports, type DashboardRequest, type IndicatorDetail, type IndicatorReport, type IndicatorRequest } from './indicators/compute-indicators.js';
export { parsePeriod, type Period } from './indicators/period.js';
export { indicatorsAsCsv } from './indicators/indicators-csv.js';
export { analysisChunkHook, ensureAnalysisAggregatesOf, rebuildAnalysisAggregatesOf } from './aggregates/maintain-aggregates.js';
