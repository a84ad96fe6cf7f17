import fs from 'node:fs';
import { FERTILE_FIRST_AGE, FERTILE_LAST_AGE } from '../indicators/person-time.js';

/**
 * A census yearbook's table of women of childbearing age by age, with births by order (the
 * shape of the national census table 6-3 and its provincial and city copies): per single year
 * and 5-year group, the average women, births and their rate, and first, second, third-and-higher
 * births with their rates (‰). Stored as JSON (data/census-tables/); see its `notes`.
 */
export interface CensusFertilityTable {
  title: string;
  source: string;
  url: string;
  unit: string;
  period: { from: string; to: string };
  notes: string[];
  total: CensusRow;
  groups: CensusRow[];
  ages: CensusRow[];
}

/**
 * A count and the rate printed beside it: a number (‰ to 2 decimals), null for a blank cell (0
 * births, no rate printed), `unread` when the copy does not show it, `derived` when the row was
 * not read but derived from others (never claimed as published).
 */
export type CensusCell = [number, number | null | 'unread' | 'derived'];

export interface CensusRow {
  /** The single year (`23`) or group (`20-24`); absent on the total. */
  age: string;
  women: number;
  births: CensusCell;
  first: CensusCell;
  second: CensusCell;
  third_plus: CensusCell;
  /** Why the row is derived rather than read. */
  derived?: string;
}

export const BIRTH_COLUMNS = ['births', 'first', 'second', 'third_plus'] as const;
export type BirthColumn = (typeof BIRTH_COLUMNS)[number];

const AGES = Array.from({ length: FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1 }, (_, i) => String(FERTILE_FIRST_AGE + i));
const GROUPS = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49'];

/** Reads a table file and checks it adds up (throws naming the first cell that does not). */
export function readCensusFertilityTable(file: string): CensusFertilityTable {
  const table = JSON.parse(fs.readFileSync(file, 'utf8')) as CensusFertilityTable;
  checkCensusFertilityTable(table);
  return table;
}

/**
 * The transcription's own checks: every single year 15–49 and 5-year group present once; births
 * are first + second + third-and-higher; the years add up to their group and the groups to the
 * total (women and every count). Rates are not recomputed here: they are what is compared.
 */
export function checkCensusFertilityTable(table: CensusFertilityTable): void {
  const fail = (what: string) => {
    throw new Error(`census table ${table.source}: ${what}`);
  };
  if (table.ages.map((r) => r.age).join() !== AGES.join()) fail(`the single years must be ${AGES[0]}–${AGES[AGES.length - 1]} in order`);
  if (table.groups.map((r) => r.age).join() !== GROUPS.join()) fail(`the groups must be ${GROUPS.join(', ')}`);
  for (const row of [table.total, ...table.groups, ...table.ages]) {
    if (row.births[0] !== row.first[0] + row.second[0] + row.third_plus[0]) fail(`row ${row.age}: births ≠ first + second + third and higher`);
  }
  const sum = (rows: readonly CensusRow[], pick: (r: CensusRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const picks: Array<[string, (r: CensusRow) => number]> = [['women', (r) => r.women], ...BIRTH_COLUMNS.map((c): [string, (r: CensusRow) => number] => [c, (r) => r[c][0]])];
  GROUPS.forEach((group, g) => {
    const years = table.ages.slice(g * 5, g * 5 + 5);
    for (const [name, pick] of picks) if (sum(years, pick) !== pick(table.groups[g]!)) fail(`${name}: ages ${group} do not add up to the group`);
  });
  for (const [name, pick] of picks) if (sum(table.groups, pick) !== pick(table.total)) fail(`${name}: the groups do not add up to the total`);
}

/** The published decimal of a rate: the printed number as text with 2 decimals, or null when there is none to compare. */
export function publishedRate(cell: CensusCell): string | null {
  const [count, rate] = cell;
  if (rate === null) return count === 0 ? '0.00' : null;
  return typeof rate === 'number' ? rate.toFixed(2) : null;
}

/** One published figure beside the engine's. */
export interface CensusComparison {
  /** `total`, a 5-year group (`20-24`) or a single year (`23`). */
  row: string;
  /** `women`, or a birth column's count (`first`) or rate (`first ‰`). */
  column: string;
  /** As printed (rates to 2 decimals); null when the table does not show it (derived row, cut-off cell). */
  published: string | null;
  /** The engine's figure in the same form (rates rounded half up to 2 decimals as the yearbook prints them). */
  reproduced: string;
  /** Published and reproduced agree; null when there is nothing published to compare. */
  agrees: boolean | null;
}

const ORDER_KEYS: Record<Exclude<BirthColumn, 'births'>, string> = { first: '1', second: '2', third_plus: '3+' };

/** The parts of an indicator report the comparison reads (compute-indicators.ts's IndicatorReport). */
export interface ReportForComparison {
  indicators: Record<string, { value: number | null; numerator: number | null; denominator: number | null }>;
}

/** Every figure of the table beside the engine's report of the table's period and area. */
export function compareWithReport(table: CensusFertilityTable, report: ReportForComparison): CensusComparison[] {
  const out: CensusComparison[] = [];
  const detail = (key: string) => {
    const d = report.indicators[key];
    if (!d) throw new Error(`the report has no indicator ${key}`);
    return d;
  };
  const count = (n: number | null) => (n === null ? '—' : String(Math.round(n * 1e6) / 1e6));
  const rate = (n: number | null) => (n === null ? '—' : roundHalfUp(n, 2));
  const add = (row: CensusRow, column: string, published: string | null, reproduced: string) => out.push({ row: row === table.total ? 'total' : row.age, column, published, reproduced, agrees: published === null ? null : published === reproduced });
  const addRow = (row: CensusRow, keys: { women: string; births: [string, string]; order: (o: string) => string }) => {
    add(row, 'women', row.derived ? null : String(row.women), count(detail(keys.women).denominator));
    add(row, 'births', row.derived ? null : String(row.births[0]), count(detail(keys.births[0]).value));
    add(row, 'births ‰', publishedRate(row.births), rate(detail(keys.births[1]).value));
    for (const column of ['first', 'second', 'third_plus'] as const) {
      const d = detail(keys.order(ORDER_KEYS[column]));
      add(row, column, row.derived ? null : String(row[column][0]), count(d.numerator));
      add(row, `${column} ‰`, publishedRate(row[column]), rate(d.value));
    }
  };
  addRow(table.total, { women: 'general_fertility_rate', births: ['births', 'general_fertility_rate'], order: (o) => `fertility_rate_by_order.${o}` });
  for (const row of table.groups) addRow(row, { women: `asfr_5y.${row.age}`, births: [`births_by_age_5y.${row.age}`, `asfr_5y.${row.age}`], order: (o) => `asfr_5y_by_order.${row.age}.${o}` });
  for (const row of table.ages) addRow(row, { women: `asfr_1y.${row.age}`, births: [`births_by_age_1y.${row.age}`, `asfr_1y.${row.age}`], order: (o) => `asfr_1y_by_order.${row.age}.${o}` });
  return out;
}

/**
 * The total fertility rate by the published method (Σ single-year rates ÷ 1000, children per
 * woman) from the table's printed single-year rates, or null when one is not printed.
 */
export function publishedTotalFertilityRate(table: CensusFertilityTable): number | null {
  let sum = 0;
  for (const row of table.ages) {
    const printed = publishedRate(row.births);
    if (printed === null) return null;
    sum += Number(printed);
  }
  return sum / 1000;
}

/** A number rounded half up to `places` decimals, as text (statistical tables round 0.125 up; binary floats would not). */
export function roundHalfUp(value: number, places: number): string {
  const scaled = value * 10 ** places;
  // A value within float noise of a half rounds up, as exact decimal arithmetic would.
  const rounded = Math.floor(scaled + 0.5 + 1e-9);
  return (rounded / 10 ** places).toFixed(places);
}
