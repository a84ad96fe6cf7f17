import { ageOn, birthdayNumber, dayNumber, dayText } from '../indicators/calendar-days.js';
import { FERTILE_FIRST_AGE, FERTILE_LAST_AGE, PYRAMID_GROUPS } from '../indicators/person-time.js';
import { ageOrderIndex } from '../indicators/birth-tally.js';
import type { PersonFacts } from './person-facts.queries.js';

/**
 * The monthly cells one person adds to, by kind. Kinds marked Δ hold the change of a quantity
 * from the previous month (a running sum from the first month gives its value, so a person
 * living there for years touches a few cells, not one per month); the others hold the month's
 * own amount. Cells before the first month fold into it; cells after the last are dropped.
 */
export const KIND = {
  /** Person-days within months partly lived (direct) and whole months lived (Δ, a head count). */
  daysPart: 1,
  daysFull: 2,
  /** The same for women at a single year of age (kind + age, 15–49). */
  womanDaysPart: 100,
  womanDaysFull: 200,
  /** Heads on the month's last day (Δ): residents, floating, married women 15–49, of them using contraception. */
  resident: 300,
  floating: 301,
  marriedWomen: 302,
  contraception: 303,
  /** Heads by sex and pyramid group (Δ): + group for men, + 20 + group for women. */
  pyramid: 310,
  /** Heads registered (by hukou division) and managed (by managing division) on the last day (Δ). */
  registered: 400,
  managed: 401,
  /** Deaths of the month; a death before its recorded birth counts from the birth's month on (kind + months between). */
  deaths: 500,
  deathsBeforeBirth: 1000,
  /** Births by sex code (+0, 1, 2), by order (+1, 2, 3 = 3 and over), by the mother's age (+ age − 15). */
  birthsBySex: 600,
  birthsByOrder: 610,
  birthsByMotherAge: 620,
  /** Births by the mother's age and order: + (age − 15) × 3 + order − 1 (third and later as 3). */
  birthsByMotherAgeOrder: 800,
  /** Civil events of the month. */
  marriages: 700,
  remarriages: 701,
  divorces: 702,
  movesIn: 703,
  movesOut: 704,
  terminations: 705,
} as const;

/** Kinds that hold changes rather than amounts. */
export function isDeltaKind(kind: number): boolean {
  return kind === KIND.daysFull || (kind >= KIND.womanDaysFull && kind < KIND.womanDaysFull + 100) || (kind >= KIND.resident && kind < KIND.deaths);
}

const EVENT_KINDS: Record<string, number> = {
  marriage: KIND.marriages,
  divorce: KIND.divorces,
  hukou_move_in: KIND.movesIn,
  hukou_move_out: KIND.movesOut,
  pregnancy_termination: KIND.terminations,
};

/** Months as integers (year × 12 + month − 1), the first and last the cells cover. */
export interface MonthRange {
  first: number;
  last: number;
}

/** The month index of an ISO date. */
export function monthOf(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** Day number (days since 1970-01-01) of a month's first day (integer arithmetic: this runs for every person). */
export function monthStartDay(month: number): number {
  const m = (month % 12) + 1;
  const y = Math.floor(month / 12) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The month index of a day number. */
function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 12 + m - 1;
}
/** The scan reads birth dates as day offsets from 1850-01-01, clipped at 0. */
const SCAN_FIRST_BIRTH = '1850-01-01';

/** Adds to `add(area, month, kind, value)` every cell of one person's facts within the range. */
export function addPersonCells(f: PersonFacts, range: MonthRange, sign: 1 | -1, add: (area: string, month: number, kind: number, value: number) => void): void {
  const direct = (area: string, month: number, kind: number, value: number) => {
    if (month >= range.first && month <= range.last && value !== 0) add(area, month, kind, sign * value);
  };
  const delta = (area: string, month: number, kind: number, value: number) => {
    if (month <= range.last) add(area, Math.max(month, range.first), kind, sign * value);
  };
  if (f.r !== null) {
    for (const [type, on, again] of f.ev) {
      direct(f.r, monthOf(on), EVENT_KINDS[type]!, 1);
      if (again) direct(f.r, monthOf(on), KIND.remarriages, 1);
    }
    if (f.bo && f.b !== null) {
      const month = monthOf(f.b);
      direct(f.r, month, KIND.birthsBySex + f.bo.s, 1);
      direct(f.r, month, KIND.birthsByOrder + Math.min(f.bo.o, 3), 1);
      if (f.bo.mb !== null) {
        const age = ageOn(f.bo.mb, f.b);
        if (age >= FERTILE_FIRST_AGE && age <= FERTILE_LAST_AGE) {
          direct(f.r, month, KIND.birthsByMotherAge + age - FERTILE_FIRST_AGE, 1);
          direct(f.r, month, KIND.birthsByMotherAgeOrder + ageOrderIndex(age, f.bo.o), 1);
        }
      }
    }
  }
  if (!f.e || f.b === null || f.x === null) return;
  const x = dayNumber(f.x);
  const y = f.y === null ? Infinity : dayNumber(f.y);
  if (f.r !== null && f.d !== null) {
    const died = monthOf(f.d);
    const born = monthOf(f.b);
    if (born <= died) direct(f.r, died, KIND.deaths, 1);
    else if (born <= range.last) direct(f.r, died, KIND.deathsBeforeBirth + born - died, 1);
  }
  if (x >= y) return;
  const present = [Math.max(monthOfDay(x), range.first), Math.min(y === Infinity ? Infinity : monthOfDay(y), range.last + 1)] as const;
  if (f.h !== null) addPresence(f.h, KIND.registered, present, delta);
  if (f.g !== null) addPresence(f.g, KIND.managed, present, delta);
  if (f.r === null) return;
  addSpan(f.r, x, y, KIND.daysPart, KIND.daysFull, direct, delta);
  const birth = f.b < SCAN_FIRST_BIRTH ? SCAN_FIRST_BIRTH : f.b;
  if (f.s === 2) {
    // A year of age wholly before the range adds and removes the same head count in its first month: nothing.
    const rangeStart = monthStartDay(range.first);
    const rangeEnd = monthStartDay(range.last + 1);
    const born = Number(birth.slice(0, 4));
    const firstAge = Math.max(FERTILE_FIRST_AGE, Math.floor(range.first / 12) - born - 1);
    const lastAge = Math.min(FERTILE_LAST_AGE, Math.floor(range.last / 12) - born + 1);
    for (let age = firstAge; age <= lastAge; age += 1) {
      const from = Math.max(x, birthdayNumber(birth, age));
      const to = Math.min(y, birthdayNumber(birth, age + 1));
      if (from < to && to > rangeStart && from < rangeEnd) addSpan(f.r, from, to, KIND.womanDaysPart + age, KIND.womanDaysFull + age, direct, delta);
    }
  }
  addHeads(f, f.r, birth, present, delta);
}

type Adder = (area: string, month: number, kind: number, value: number) => void;

function addPresence(area: string, kind: number, [start, end]: readonly [number, number], delta: Adder): void {
  if (start >= end) return;
  delta(area, start, kind, 1);
  if (end !== Infinity) delta(area, end, kind, -1);
}

/** Person-days of the window [x, y) (day numbers): partial months direct, whole months as a Δ head count. */
function addSpan(area: string, x: number, y: number, part: number, full: number, direct: Adder, delta: Adder): void {
  const mx = monthOfDay(x);
  const xIsFirst = x === monthStartDay(mx);
  if (!xIsFirst) direct(area, mx, part, Math.min(y, monthStartDay(mx + 1)) - x);
  const startFull = xIsFirst ? mx : mx + 1;
  const my = y === Infinity ? Infinity : monthOfDay(y);
  if (startFull < my) {
    delta(area, startFull, full, 1);
    if (my !== Infinity) delta(area, my, full, -1);
  }
  if (my !== Infinity && y !== monthStartDay(my) && my >= startFull) direct(area, my, part, y - Math.max(x, monthStartDay(my)));
}

/** Head counts on each month's last day while present, by the age reached on that day (changes on birthdays). */
function addHeads(f: PersonFacts, area: string, birth: string, [start, end]: readonly [number, number], delta: Adder): void {
  if (start >= end) return;
  const breaks = new Set<number>();
  const born = Number(birth.slice(0, 4));
  const youngest = Math.floor(start / 12) - born - 1;
  const oldest = Math.floor(Math.min(end, start + 12 * 200) / 12) - born + 1;
  for (const age of HEAD_AGES) {
    if (age < youngest || age > oldest) continue;
    const month = monthOfDay(birthdayNumber(birth, age));
    if (month > start && month < end) breaks.add(month);
  }
  let held = headKinds(f, birth, start);
  for (const kind of held) delta(area, start, kind, 1);
  for (const month of [...breaks].sort((a, b) => a - b)) {
    const now = headKinds(f, birth, month);
    for (const kind of held) if (!now.includes(kind)) delta(area, month, kind, -1);
    for (const kind of now) if (!held.includes(kind)) delta(area, month, kind, 1);
    held = now;
  }
  if (end !== Infinity) for (const kind of held) delta(area, end, kind, -1);
}

/** Ages at which a head moves between the kinds it counts in: 15 and 50 (married women), each pyramid group's first. */
const HEAD_AGES = [15, 50, ...PYRAMID_GROUPS.map((_, g) => g * 5).filter((a) => a > 0)];

function headKinds(f: PersonFacts, birth: string, month: number): number[] {
  const age = ageOn(birth, dayText(monthStartDay(month + 1) - 1));
  const kinds: number[] = [KIND.resident];
  if (!f.l) kinds.push(KIND.floating);
  const group = Math.min(Math.floor(age / 5), PYRAMID_GROUPS.length - 1);
  if (f.s === 1) kinds.push(KIND.pyramid + group);
  if (f.s === 2) {
    kinds.push(KIND.pyramid + 20 + group);
    if (f.m > 0 && age >= FERTILE_FIRST_AGE && age <= FERTILE_LAST_AGE) {
      kinds.push(KIND.marriedWomen);
      if (f.m === 2) kinds.push(KIND.contraception);
    }
  }
  return kinds;
}
