import type { Db } from '../../platform/db/index.js';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import { AppError } from '../../platform/errors/index.js';
import { findExchangeIndicators, type ExchangeIndicators } from '../exchange/exchange-indicators.queries.js';
import { cellsCanAnswer, findAggregatedTallies, talliesFromCells, type RegistryTallies } from '../aggregates/aggregated-registry.queries.js';
import { findAggregatesState, findAreasCells } from '../aggregates/analysis-aggregates.repository.js';
import { monthOf } from '../aggregates/person-cells.js';
import { tallyBirths } from './birth-tally.js';
import { findBirths } from './births.queries.js';
import { countCivilEvents } from './civil-events.queries.js';
import { definitionOf } from './definitions.js';
import { parsePeriod, type Period } from './period.js';
import { AGE_GROUPS_5Y, computePersonTime, FERTILE_FIRST_AGE, FERTILE_LAST_AGE } from './person-time.js';
import { cachedReport, findDataVersion } from './indicator-cache.js';
import { findResidentGroups } from './residents.queries.js';
import { suppressSmallCells } from './suppress-small-cells.js';

/** How one indicator was computed. */
export interface IndicatorDetail {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  /** True for rates scaled to a year. */
  annualised: boolean;
  zh: string;
  en: string;
  suppressed: boolean;
  not_applicable: boolean;
}

/** The object `popx stats --format json` prints and GET /api/v1/stats/indicators answers (docs/API.md). */
export interface IndicatorReport {
  period: { label: string; from: string; to: string; days: number; months: number | null; annualisation: number };
  division: { code: string; name: string; level: string };
  published: boolean;
  [key: string]: unknown;
  indicators: Record<string, IndicatorDetail>;
  exchange: ExchangeIndicators | null;
}

export interface IndicatorRequest {
  period: string;
  /** A division code of the district; the district itself when absent. */
  division?: string;
  /** Blank small cells for public release. */
  publish?: boolean;
  /** Compute anew even when an answer for the same data is kept (benchmarks). */
  fresh?: boolean;
  /** Scan the registry even when the pre-aggregated cells could answer (the reference; tests and benchmarks). */
  scan?: boolean;
}

interface Entry {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  annualised: boolean;
  /** The person counts it is built on (for publication). */
  cells: readonly string[];
  notApplicable?: boolean;
}

const ORDERS = ['1', '2', '3+'] as const;
const SINGLE_AGES = Array.from({ length: FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1 }, (_, i) => String(FERTILE_FIRST_AGE + i));

/**
 * The demographic indicators of one area and period, each with its numerator, denominator
 * and definition, and (for the district) the exchange's own indicators. Throws INVALID_PERIOD
 * or UNKNOWN_DIVISION for a request that names neither properly.
 */
export async function computeIndicators(db: Db, tree: DivisionTree, request: IndicatorRequest): Promise<IndicatorReport> {
  const period = parsePeriod(request.period);
  const division = requestedDivision(tree, request.division);
  const code = division.code;
  const district = areaPrefix(tree.root);
  const area = areaPrefix(division);
  const publish = Boolean(request.publish);
  const version = await findDataVersion(db.kysely);
  const compute = () => computeRegistryIndicators(db, period, { code, name: division.name, level: division.level }, area, district, publish, Boolean(request.scan));
  const [report, exchange] = await Promise.all([
    request.fresh || request.scan ? compute() : cachedReport(db, `${period.from}|${period.end}|${area}|${publish}|${version}`, compute),
    findExchangeIndicators(db.kysely, db.dialect, period, area === district ? null : area),
  ]);
  return { ...report, exchange };
}

/** The registry's indicators of one area (a code prefix) and period, rendered. */
async function computeRegistryIndicators(
  db: Db,
  period: Period,
  division: IndicatorReport['division'],
  area: string,
  district: string,
  publish: boolean,
  scan: boolean,
): Promise<IndicatorReport> {
  const tallies = (!scan && (await findAggregatedTallies(db.kysely, period, area, district))) || (await scanRegistry(db, period, area, district));
  return reportOfTallies(period, division, tallies, publish);
}

/** The report of an area and period from its tallies (by the cells or the scan), rendered. */
function reportOfTallies(period: Period, division: IndicatorReport['division'], { time, births, events }: RegistryTallies, publish: boolean): IndicatorReport {
  const entries = new Map<string, Entry>();
  const count = (key: string, n: number) => entries.set(key, { value: n, numerator: null, denominator: null, annualised: false, cells: [key] });
  const average = (key: string, personDays: number) =>
    entries.set(key, { value: personDays / period.days, numerator: personDays, denominator: period.days, annualised: false, cells: [key] });
  const ratio = (key: string, numerator: number, denominator: number, scale: number, annualised: boolean, cells: readonly string[]) =>
    entries.set(key, {
      value: denominator > 0 ? (numerator / denominator) * scale * (annualised ? period.annualisation : 1) : null,
      numerator,
      denominator,
      annualised,
      cells,
    });

  const population = time.days / period.days;
  const women = time.womenDays / period.days;
  average('population', time.days);
  average('women_15_49', time.womenDays);
  const { male, female, byOrder, byAge1 } = births;
  count('births', births.total);
  count('births_male', male);
  count('births_female', female);
  count('deaths', time.deaths);
  ratio('crude_birth_rate', births.total, population, 1000, true, ['births']);
  ratio('crude_death_rate', time.deaths, population, 1000, true, ['deaths']);
  ratio('natural_growth_rate', births.total - time.deaths, population, 1000, true, ['births', 'deaths']);
  ratio('general_fertility_rate', births.total, women, 1000, true, ['births']);

  const byAge5 = AGE_GROUPS_5Y.map(() => 0);
  byAge1.forEach((n, a) => (byAge5[Math.floor(a / 5)]! += n));
  AGE_GROUPS_5Y.forEach((group, g) => {
    count(`births_by_age_5y.${group}`, byAge5[g]!);
    ratio(`asfr_5y.${group}`, byAge5[g]!, time.womenDays5y[g]! / period.days, 1000, true, [`births_by_age_5y.${group}`]);
  });
  SINGLE_AGES.forEach((age, a) => {
    count(`births_by_age_1y.${age}`, byAge1[a]!);
    ratio(`asfr_1y.${age}`, byAge1[a]!, time.womenDays1y[a]! / period.days, 1000, true, [`births_by_age_1y.${age}`]);
  });
  const tfr = (keys: string[], scale: number) => {
    const values = keys.map((key) => entries.get(key)!.value);
    return values.some((v) => v === null) ? null : (scale * values.reduce<number>((s, v) => s + v!, 0)) / 1000;
  };
  const asfr5Keys = AGE_GROUPS_5Y.map((g) => `asfr_5y.${g}`);
  const asfr1Keys = SINGLE_AGES.map((a) => `asfr_1y.${a}`);
  entries.set('total_fertility_rate', { value: tfr(asfr5Keys, 5), numerator: null, denominator: null, annualised: true, cells: AGE_GROUPS_5Y.map((g) => `births_by_age_5y.${g}`) });
  entries.set('total_fertility_rate_1y', { value: tfr(asfr1Keys, 1), numerator: null, denominator: null, annualised: true, cells: SINGLE_AGES.map((a) => `births_by_age_1y.${a}`) });
  ORDERS.forEach((order, o) => {
    count(`births_by_order.${order}`, byOrder[o]!);
    ratio(`birth_order_shares.${order}`, byOrder[o]!, births.total, 100, false, [`births_by_order.${order}`]);
    ratio(`fertility_rate_by_order.${order}`, byOrder[o]!, women, 1000, true, [`births_by_order.${order}`]);
  });
  // Fertility by age and order (a census table's 分孩次 columns): the numerators are counts only here.
  const byAgeOrder5 = AGE_GROUPS_5Y.flatMap(() => ORDERS.map(() => 0));
  SINGLE_AGES.forEach((_, a) => ORDERS.forEach((__, o) => (byAgeOrder5[Math.floor(a / 5) * 3 + o]! += births.byAgeOrder1[a * 3 + o]!)));
  AGE_GROUPS_5Y.forEach((group, g) =>
    ORDERS.forEach((order, o) =>
      ratio(`asfr_5y_by_order.${group}.${order}`, byAgeOrder5[g * 3 + o]!, time.womenDays5y[g]! / period.days, 1000, true, [`births_by_age_5y_by_order.${group}.${order}`]),
    ),
  );
  SINGLE_AGES.forEach((age, a) =>
    ORDERS.forEach((order, o) =>
      ratio(`asfr_1y_by_order.${age}.${order}`, births.byAgeOrder1[a * 3 + o]!, time.womenDays1y[a]! / period.days, 1000, true, [`births_by_age_1y_by_order.${age}.${order}`]),
    ),
  );
  ratio('sex_ratio_at_birth', male, female, 100, false, ['births_male', 'births_female']);
  ratio('sex_ratio', time.end.male, time.end.female, 100, false, ['population_end.by_sex.1', 'population_end.by_sex.2']);
  count('marriages', events.marriages);
  count('remarriages', events.remarriages);
  count('divorces', events.divorces);
  count('moves_in', events.movesIn);
  count('moves_out', events.movesOut);
  count('floating_population', time.end.floating);
  count('population_end.resident', time.end.resident);
  count('population_end.registered', time.end.registered);
  count('population_end.managed', time.end.managed);
  count('population_end.floating', time.end.floating);
  count('population_end.by_sex.1', time.end.male);
  count('population_end.by_sex.2', time.end.female);
  count('married_women_15_49', time.end.marriedWomen15to49);
  count('contraceptive_users', time.end.marriedWomenUsingContraception);
  ratio('contraceptive_prevalence', time.end.marriedWomenUsingContraception, time.end.marriedWomen15to49, 100, false, ['contraceptive_users']);
  count('terminations', events.terminations);
  ratio('termination_rate', events.terminations, women, 1000, true, ['terminations']);
  entries.set('policy_compliant_birth_rate', { value: null, numerator: null, denominator: births.total, annualised: false, cells: [], notApplicable: true });
  const pyramid = time.end.pyramid;

  const blank = publish ? suppressSmallCells(countsOf(entries, pyramid, byAgeOrder5, births.byAgeOrder1), complementGroups(pyramid.map((c) => c.group))) : new Set<string>();
  return render(period, division, entries, pyramid, blank, publish, null);
}

/** What the district dashboard asks at once (GET /api/v1/stats/dashboard). */
export interface DashboardRequest {
  period: string;
  division?: string;
  publish?: boolean;
  /** Months of the trend, ending with the period's last month (default 12). */
  trendMonths?: number;
  fresh?: boolean;
}

/** The area's report, its child areas' reports for the same period, and its months' reports (the trend). */
export interface DashboardReports {
  report: IndicatorReport;
  /** One per division one level down (towns of the district, villages of a town; none for a village), in the tree's order. */
  children: IndicatorReport[];
  /** One per month, oldest first, ending with the period's last month. */
  trend: IndicatorReport[];
}

export const TREND_MONTHS_MAX = 36;

/**
 * The reports a district dashboard draws, computed together: one data-version check, one exchange
 * block (on the area's report; the others carry none), and — when the cells can answer every
 * report — one query for the cells of the area and of the areas below it, from which every
 * report's tallies are summed in memory. Otherwise each report is computed as
 * computeIndicators would (the scan). Same figures as the separate requests.
 */
export async function computeDashboard(db: Db, tree: DivisionTree, request: DashboardRequest): Promise<DashboardReports> {
  const period = parsePeriod(request.period);
  const division = requestedDivision(tree, request.division);
  const code = division.code;
  const count = request.trendMonths ?? 12;
  if (!Number.isInteger(count) || count < 0 || count > TREND_MONTHS_MAX) throw new AppError('INVALID_PERIOD', { details: { period: request.period, trend_months: count } });
  const district = areaPrefix(tree.root);
  const area = areaPrefix(division);
  const publish = Boolean(request.publish);
  const children = tree.childrenOf(code);
  const months = monthsEndingAt(period.to, count).map((month) => parsePeriod(month));
  const version = await findDataVersion(db.kysely);
  const compute = async (): Promise<DashboardReports> => {
    const state = await findAggregatesState(db.kysely);
    const areas = [area, ...children.map((c) => areaPrefix(c))];
    const describe = (d: { code: string; name: string; level: string }) => ({ code: d.code, name: d.name, level: d.level });
    if (cellsCanAnswer(state, [period, ...months], areas, district)) {
      const last = Math.max(monthOf(period.to), ...months.map((m) => monthOf(m.to)));
      // Months before the first any report covers are read as one opening row per kind.
      const fold = Math.min(monthOf(period.from), ...months.map((m) => monthOf(m.from)));
      const base = fold > state.meta.first ? { ...state.meta, first: fold - 1 } : state.meta;
      const cells = await findAreasCells(db.kysely, areas, base.first + 1, last, db.sqlite);
      const of = (a: string, p: Period) => talliesFromCells(base, cells.get(a)!, p);
      return {
        report: reportOfTallies(period, describe(division), of(area, period), publish),
        children: children.map((c) => reportOfTallies(period, describe(c), of(areaPrefix(c), period), publish)),
        trend: months.map((m) => reportOfTallies(m, describe(division), of(area, m), publish)),
      };
    }
    const one = (p: Period, d: { code: string; name: string; level: string }) => computeRegistryIndicators(db, p, describe(d), areaPrefix(d), district, publish, false);
    const out: DashboardReports = { report: await one(period, division), children: [], trend: [] };
    for (const c of children) out.children.push(await one(period, c));
    for (const m of months) out.trend.push(await one(m, division));
    return out;
  };
  const key = `dashboard|${period.from}|${period.end}|${area}|${publish}|${count}|${version}`;
  const [reports, exchange] = await Promise.all([
    request.fresh ? compute() : cachedReport(db, key, compute),
    findExchangeIndicators(db.kysely, db.dialect, period, area === district ? null : area),
  ]);
  return { report: { ...reports.report, exchange }, children: reports.children.map((r) => ({ ...r, exchange: null })), trend: reports.trend.map((r) => ({ ...r, exchange: null })) };
}

/** The division a request names (the district by default); a 6-digit county or 9-digit town code, as the catalog allows them, means its 12-digit division. */
function requestedDivision(tree: DivisionTree, requested: string | undefined) {
  const code = requested && /^(\d{6}|\d{9})$/.test(requested) ? requested.padEnd(12, '0') : (requested ?? tree.root.code);
  const division = tree.get(code);
  if (!division) throw new AppError('UNKNOWN_DIVISION', { details: { division: code } });
  return division;
}

/** The `count` whole months (YYYY-MM) ending with the month of `lastDay`, oldest first. */
export function monthsEndingAt(lastDay: string, count: number): string[] {
  const end = Number(lastDay.slice(0, 4)) * 12 + Number(lastDay.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const total = end - (count - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** The tallies by the reference scan of the registry: every person of the area once. */
async function scanRegistry(db: Db, period: Period, area: string, district: string): Promise<RegistryTallies> {
  const [groups, births, events] = await Promise.all([
    findResidentGroups(db.kysely, db.dialect, period, area, district),
    findBirths(db.kysely, period, area),
    countCivilEvents(db.kysely, period, area),
  ]);
  return { time: computePersonTime(groups, period), births: tallyBirths(births), events };
}

/** The code prefix every division under this one shares: 6 digits for the district, 9 for a town, the whole code for a village. */
export function areaPrefix(division: { code: string; level: string }): string {
  if (division.level === 'district') return division.code.slice(0, 6);
  if (division.level === 'town') return division.code.slice(0, 9);
  return division.code;
}

function countsOf(
  entries: ReadonlyMap<string, Entry>,
  pyramid: ReadonlyArray<{ group: string; male: number; female: number }>,
  byAgeOrder5: readonly number[],
  byAgeOrder1: readonly number[],
): Map<string, number> {
  const counts = new Map<string, number>();
  AGE_GROUPS_5Y.forEach((group, g) => ORDERS.forEach((order, o) => counts.set(`births_by_age_5y_by_order.${group}.${order}`, byAgeOrder5[g * 3 + o]!)));
  SINGLE_AGES.forEach((age, a) => ORDERS.forEach((order, o) => counts.set(`births_by_age_1y_by_order.${age}.${order}`, byAgeOrder1[a * 3 + o]!)));
  for (const [key, entry] of entries) if (entry.cells.length === 1 && entry.cells[0] === key && entry.numerator === null && entry.value !== null) counts.set(key, entry.value);
  for (const { group, male, female } of pyramid) {
    counts.set(`pyramid.${group}.male`, male);
    counts.set(`pyramid.${group}.female`, female);
  }
  return counts;
}

/** Groups of counts whose total is published alongside them. */
function complementGroups(pyramidGroups: readonly string[]): string[][] {
  return [
    ['births_male', 'births_female'],
    ORDERS.map((o) => `births_by_order.${o}`),
    AGE_GROUPS_5Y.map((g) => `births_by_age_5y.${g}`),
    SINGLE_AGES.map((a) => `births_by_age_1y.${a}`),
    // The orders of an age add up to its births, which are published.
    ...AGE_GROUPS_5Y.map((g) => ORDERS.map((o) => `births_by_age_5y_by_order.${g}.${o}`)),
    ...SINGLE_AGES.map((a) => ORDERS.map((o) => `births_by_age_1y_by_order.${a}.${o}`)),
    ['population_end.by_sex.1', 'population_end.by_sex.2'],
    pyramidGroups.map((g) => `pyramid.${g}.male`),
    pyramidGroups.map((g) => `pyramid.${g}.female`),
  ];
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

function render(
  period: Period,
  division: IndicatorReport['division'],
  entries: ReadonlyMap<string, Entry>,
  pyramid: ReadonlyArray<{ group: string; male: number; female: number }>,
  blank: ReadonlySet<string>,
  published: boolean,
  exchange: ExchangeIndicators | null,
): IndicatorReport {
  const values: Record<string, unknown> = {};
  const indicators: Record<string, IndicatorDetail> = {};
  for (const [key, entry] of entries) {
    const suppressed = entry.cells.some((cell) => blank.has(cell));
    const definition = definitionOf(key);
    const value = suppressed ? null : round(entry.value);
    indicators[key] = {
      value,
      numerator: suppressed ? null : round(entry.numerator),
      denominator: suppressed ? null : round(entry.denominator),
      unit: definition.unit,
      annualised: entry.annualised,
      zh: definition.zh,
      en: definition.en,
      suppressed,
      not_applicable: Boolean(entry.notApplicable),
    };
    setPath(values, key, value);
  }
  // The figures first, then how each was computed, then the exchange: the order a reader wants.
  const report: IndicatorReport = {
    period: { label: period.label, from: period.from, to: period.to, days: period.days, months: period.months, annualisation: round(period.annualisation)! },
    division,
    published,
    ...values,
    indicators,
    exchange,
  };
  (report.population_end as Record<string, unknown>).pyramid = pyramid.map(({ group, male, female }) => ({
    group,
    male: blank.has(`pyramid.${group}.male`) ? null : male,
    female: blank.has(`pyramid.${group}.female`) ? null : female,
  }));
  return report;
}

/** Sets `a.b.c` inside the report, making the objects on the way. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
