import { ageOn, birthdayNumber, dayNumber } from './calendar-days.js';
import type { Period } from './period.js';
import type { ResidentGroup } from './residents.queries.js';

export const FERTILE_FIRST_AGE = 15;
export const FERTILE_LAST_AGE = 49;
export const AGE_GROUPS_5Y = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49'] as const;
/** Population pyramid groups: 0-4 … 80-84, 85+. */
export const PYRAMID_GROUPS = [...Array.from({ length: 17 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '85+'] as const;

/** Person-days lived in the area within the period, and head counts on its last day. */
export interface PersonTime {
  days: number;
  daysBySex: { male: number; female: number };
  /** Women 15–49: all, by 5-year group (15-19 first), by single year (15 first). */
  womenDays: number;
  womenDays5y: number[];
  womenDays1y: number[];
  deaths: number;
  end: {
    resident: number;
    registered: number;
    managed: number;
    male: number;
    female: number;
    floating: number;
    pyramid: Array<{ group: string; male: number; female: number }>;
    marriedWomen15to49: number;
    marriedWomenUsingContraception: number;
  };
}

/** Splits the resident groups into person-days by sex and by the women's age (completed years on each day); counts heads on the last day. */
export function computePersonTime(groups: readonly ResidentGroup[], period: Period): PersonTime {
  const spans = FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1;
  const out: PersonTime = {
    days: 0,
    daysBySex: { male: 0, female: 0 },
    womenDays: 0,
    womenDays5y: AGE_GROUPS_5Y.map(() => 0),
    womenDays1y: Array.from({ length: spans }, () => 0),
    deaths: 0,
    end: { resident: 0, registered: 0, managed: 0, male: 0, female: 0, floating: 0, pyramid: PYRAMID_GROUPS.map((group) => ({ group, male: 0, female: 0 })), marriedWomen15to49: 0, marriedWomenUsingContraception: 0 },
  };
  const periodEnd = dayNumber(period.end);
  for (const g of groups) {
    const enter = dayNumber(g.enter);
    const exit = dayNumber(g.exit);
    if (exit === periodEnd && enter < periodEnd) {
      if (g.registered) out.end.registered += g.n;
      if (g.managed) out.end.managed += g.n;
    }
    if (!g.resident) continue;
    if (g.died) out.deaths += g.n;
    if (exit <= enter) continue;
    const days = (exit - enter) * g.n;
    out.days += days;
    if (g.sex === '1') out.daysBySex.male += days;
    if (g.sex === '2') out.daysBySex.female += days;
    if (g.sex === '2') addWomanDays(out, g, enter, exit);
    if (exit === periodEnd) countAtEnd(out, g, period);
  }
  return out;
}

function addWomanDays(out: PersonTime, g: ResidentGroup, enter: number, exit: number): void {
  const first = Math.max(FERTILE_FIRST_AGE, ageOn(g.birth, g.enter));
  for (let age = first; age <= FERTILE_LAST_AGE; age += 1) {
    const from = Math.max(enter, birthdayNumber(g.birth, age));
    if (from >= exit) break;
    const to = Math.min(exit, birthdayNumber(g.birth, age + 1));
    if (to <= from) continue;
    const days = (to - from) * g.n;
    out.womenDays += days;
    out.womenDays1y[age - FERTILE_FIRST_AGE]! += days;
    out.womenDays5y[Math.floor((age - FERTILE_FIRST_AGE) / 5)]! += days;
  }
}

function countAtEnd(out: PersonTime, g: ResidentGroup, period: Period): void {
  const age = ageOn(g.birth, period.to);
  const end = out.end;
  end.resident += g.n;
  if (!g.local) end.floating += g.n;
  const cell = end.pyramid[Math.min(Math.floor(age / 5), PYRAMID_GROUPS.length - 1)]!;
  if (g.sex === '1') {
    end.male += g.n;
    cell.male += g.n;
  } else if (g.sex === '2') {
    end.female += g.n;
    cell.female += g.n;
    if (g.married > 0 && age >= FERTILE_FIRST_AGE && age <= FERTILE_LAST_AGE) {
      end.marriedWomen15to49 += g.n;
      if (g.married === 2) end.marriedWomenUsingContraception += g.n;
    }
  }
}
