import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import { emptyBirthTally, type BirthTally } from '../indicators/birth-tally.js';
import type { CivilEventCounts } from '../indicators/civil-events.queries.js';
import type { Period } from '../indicators/period.js';
import { AGE_GROUPS_5Y, FERTILE_FIRST_AGE, FERTILE_LAST_AGE, PYRAMID_GROUPS, type PersonTime } from '../indicators/person-time.js';
import { findAggregatesState, findAreaCells, type AggregatesMeta, type AggregatesState } from './analysis-aggregates.repository.js';
import { AREA_LEVELS } from './cell-grid.js';
import { isDeltaKind, KIND, monthOf, monthStartDay } from './person-cells.js';

/** What the indicators are computed from: person-time, births and civil events of one area and period. */
export interface RegistryTallies {
  time: PersonTime;
  births: BirthTally;
  events: CivilEventCounts;
}

/**
 * The tallies of a whole-month period and an area from the pre-aggregated cells, or null when
 * the cells cannot answer (not built, built for another district, behind the registry, months
 * outside their range, a period of days, an area code of another length): the caller then scans.
 */
export async function findAggregatedTallies(db: Kysely<Database>, period: Period, area: string, district: string): Promise<RegistryTallies | null> {
  const state = await findAggregatesState(db);
  if (!cellsCanAnswer(state, [period], [area], district)) return null;
  return talliesFromCells(state.meta, await findAreaCells(db, area, monthOf(period.to)), period);
}

/** Whether the cells answer every period for every area (each a district, town or village prefix). */
export function cellsCanAnswer(state: AggregatesState | null, periods: readonly Period[], areas: readonly string[], district: string): state is AggregatesState {
  if (!state) return false;
  const { meta } = state;
  // Behind the registry (a projection without the hook): the scan answers until the cells are rebuilt.
  if (meta.district !== district || meta.registrySeq !== state.cursor) return false;
  if (!areas.every((area) => (AREA_LEVELS as readonly number[]).includes(area.length))) return false;
  return periods.every((period) => period.months !== null && monthOf(period.from) >= meta.first && monthOf(period.to) <= meta.last);
}

/** The tallies of a period from one area's cells (read from the range's first month to at least the period's last). */
export function talliesFromCells(meta: AggregatesMeta, cells: ReadonlyArray<{ month: number; kind: number; value: number }>, period: Period): RegistryTallies {
  const first = monthOf(period.from);
  const last = monthOf(period.to);
  // Δ kinds summed month by month from the range's first month; amounts per month.
  const months = last - meta.first + 1;
  const running = new Map<number, number>();
  const byMonth: Array<Map<number, number>> = Array.from({ length: months }, () => new Map());
  for (const c of cells) if (c.month <= last) byMonth[c.month - meta.first]!.set(c.kind, c.value);
  const tallies = emptyTallies();
  const { time } = tallies;
  const fertileAges = FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1;
  for (let m = 0; m < months; m += 1) {
    const month = meta.first + m;
    const inPeriod = month >= first;
    const days = monthStartDay(month + 1) - monthStartDay(month);
    for (const [kind, value] of byMonth[m]!) {
      if (isDeltaKind(kind)) running.set(kind, (running.get(kind) ?? 0) + value);
      else if (inPeriod) addAmount(tallies, kind, value, month, last);
    }
    if (!inPeriod) continue;
    time.days += days * (running.get(KIND.daysFull) ?? 0) + (byMonth[m]!.get(KIND.daysPart) ?? 0);
    for (let a = 0; a < fertileAges; a += 1) {
      const age = FERTILE_FIRST_AGE + a;
      const womanDays = days * (running.get(KIND.womanDaysFull + age) ?? 0) + (byMonth[m]!.get(KIND.womanDaysPart + age) ?? 0);
      time.womenDays += womanDays;
      time.womenDays1y[a]! += womanDays;
      time.womenDays5y[Math.floor(a / 5)]! += womanDays;
    }
  }
  const head = (kind: number) => running.get(kind) ?? 0;
  const end = time.end;
  end.resident = head(KIND.resident);
  end.floating = head(KIND.floating);
  end.registered = head(KIND.registered);
  end.managed = head(KIND.managed);
  end.marriedWomen15to49 = head(KIND.marriedWomen);
  end.marriedWomenUsingContraception = head(KIND.contraception);
  end.pyramid.forEach((cell, g) => {
    cell.male = head(KIND.pyramid + g);
    cell.female = head(KIND.pyramid + 20 + g);
    end.male += cell.male;
    end.female += cell.female;
  });
  return tallies;
}

function addAmount(t: RegistryTallies, kind: number, value: number, month: number, last: number): void {
  const { time, births, events } = t;
  if (kind >= KIND.deathsBeforeBirth) {
    if (month + kind - KIND.deathsBeforeBirth <= last) time.deaths += value;
  } else if (kind === KIND.deaths) time.deaths += value;
  else if (kind >= KIND.birthsBySex && kind < KIND.birthsBySex + 3) {
    births.total += value;
    if (kind === KIND.birthsBySex + 1) births.male += value;
    if (kind === KIND.birthsBySex + 2) births.female += value;
  } else if (kind > KIND.birthsByOrder && kind <= KIND.birthsByOrder + 3) births.byOrder[kind - KIND.birthsByOrder - 1]! += value;
  else if (kind >= KIND.birthsByMotherAge && kind <= KIND.birthsByMotherAge + FERTILE_LAST_AGE - FERTILE_FIRST_AGE) births.byAge1[kind - KIND.birthsByMotherAge]! += value;
  else if (kind >= KIND.birthsByMotherAgeOrder && kind < KIND.birthsByMotherAgeOrder + births.byAgeOrder1.length) births.byAgeOrder1[kind - KIND.birthsByMotherAgeOrder]! += value;
  else if (kind === KIND.marriages) events.marriages += value;
  else if (kind === KIND.remarriages) events.remarriages += value;
  else if (kind === KIND.divorces) events.divorces += value;
  else if (kind === KIND.movesIn) events.movesIn += value;
  else if (kind === KIND.movesOut) events.movesOut += value;
  else if (kind === KIND.terminations) events.terminations += value;
}

function emptyTallies(): RegistryTallies {
  return {
    time: {
      days: 0,
      daysBySex: { male: 0, female: 0 },
      womenDays: 0,
      womenDays5y: AGE_GROUPS_5Y.map(() => 0),
      womenDays1y: Array.from({ length: FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1 }, () => 0),
      deaths: 0,
      end: { resident: 0, registered: 0, managed: 0, male: 0, female: 0, floating: 0, pyramid: PYRAMID_GROUPS.map((group) => ({ group, male: 0, female: 0 })), marriedWomen15to49: 0, marriedWomenUsingContraception: 0 },
    },
    births: emptyBirthTally(),
    events: { marriages: 0, remarriages: 0, divorces: 0, movesIn: 0, movesOut: 0, terminations: 0 },
  };
}
