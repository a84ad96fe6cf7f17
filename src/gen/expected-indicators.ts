import { dayOf, monthLabel, monthStart, partsOf, type Day, type MonthIndex } from './calendar.js';
import { NONE, type Population } from './population.js';
import type { VitalEvent } from './truth-log.js';

export const AGE_GROUPS = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49'] as const;

/** Indicator values of one area and period, as `popx stats` names them. */
export interface ExpectedIndicators {
  period: string;
  area: string;
  days: number;
  population: number;
  women_15_49: number;
  births: number;
  births_male: number;
  births_female: number;
  deaths: number;
  crude_birth_rate: number | null;
  crude_death_rate: number | null;
  natural_growth_rate: number | null;
  general_fertility_rate: number | null;
  asfr_5y: Record<string, number | null>;
  total_fertility_rate: number | null;
  birth_order_shares: Record<'1' | '2' | '3+', number | null>;
  sex_ratio_at_birth: number | null;
}

/** The day a person born on `birth` turns `years` (a 29 February birthday falls on 1 March). */
export function birthdayAt(birth: Day, years: number): Day {
  const { year, month, dom } = partsOf(birth);
  const target = dayOf(year + years, month, dom);
  return partsOf(target).month !== month ? dayOf(year + years, 3, 1) : target;
}

/**
 * Expected indicators per month, per calendar year wholly inside the run, and for the whole
 * run, for the district and each town (by residence). Averages are person-time: the days each
 * person lived in the area within the period, divided by the period's days; a woman's age is
 * her age in completed years (at the birth date for births).
 */
export function computeExpectedIndicators(
  population: Population,
  births: readonly VitalEvent[],
  deaths: readonly VitalEvent[],
  townOf: (p: number) => number,
  townCodes: readonly string[],
  districtCode: string,
  firstMonth: MonthIndex,
  months: number,
): ExpectedIndicators[] {
  const areas = townCodes.length + 1;
  const runStart = monthStart(firstMonth);
  const bounds = Array.from({ length: months + 1 }, (_, i) => monthStart(firstMonth + i));
  const runEnd = bounds[months]!;
  // exposure[area][month][0 = everyone, 1 = women 15–49, 2.. = women by 5-year group]
  const width = 2 + AGE_GROUPS.length;
  const exposure = new Float64Array(areas * months * width);
  const add = (area: number, m: number, slot: number, days: number) => {
    const index = (area * months + m) * width + slot;
    exposure[index] = exposure[index]! + days;
  };
  for (let p = 0; p < population.count; p += 1) {
    if (population.external[p]) continue;
    const enter = Math.max(runStart, population.birth[p]!, population.arrived[p] === NONE ? runStart : population.arrived[p]!);
    const exit = Math.min(runEnd, population.left[p] === NONE ? runEnd : population.left[p]!, population.death[p] === NONE ? runEnd : population.death[p]!);
    if (exit <= enter) continue;
    const town = townOf(p) + 1;
    const woman = population.sex[p] === 2;
    const windows: Array<[number, Day, Day]> = [[0, enter, exit]];
    if (woman) {
      windows.push([1, Math.max(enter, birthdayAt(population.birth[p]!, 15)), Math.min(exit, birthdayAt(population.birth[p]!, 50))]);
      AGE_GROUPS.forEach((_, g) => {
        windows.push([2 + g, Math.max(enter, birthdayAt(population.birth[p]!, 15 + 5 * g)), Math.min(exit, birthdayAt(population.birth[p]!, 20 + 5 * g))]);
      });
    }
    for (const [slot, from, to] of windows) {
      if (to <= from) continue;
      for (let m = 0; m < months; m += 1) {
        const days = Math.min(to, bounds[m + 1]!) - Math.max(from, bounds[m]!);
        if (days > 0) {
          add(0, m, slot, days);
          add(town, m, slot, days);
        }
      }
    }
  }
  const monthOf = (day: Day) => {
    for (let m = 0; m < months; m += 1) if (day < bounds[m + 1]!) return day >= bounds[m]! ? m : -1;
    return -1;
  };
  const periods: Array<{ label: string; from: number; to: number }> = [];
  for (let m = 0; m < months; m += 1) periods.push({ label: monthLabel(firstMonth + m), from: m, to: m + 1 });
  for (let m = 0; m < months; m += 1) {
    if ((firstMonth + m) % 12 === 0 && m + 12 <= months) periods.push({ label: String(Math.floor((firstMonth + m) / 12)), from: m, to: m + 12 });
  }
  periods.push({ label: `${monthLabel(firstMonth)}..${monthLabel(firstMonth + months - 1)}`, from: 0, to: months });
  const out: ExpectedIndicators[] = [];
  for (const period of periods) {
    const days = bounds[period.to]! - bounds[period.from]!;
    for (let area = 0; area < areas; area += 1) {
      const sum = (slot: number) => {
        let total = 0;
        for (let m = period.from; m < period.to; m += 1) total += exposure[(area * months + m) * width + slot]!;
        return total / days;
      };
      const inArea = (e: VitalEvent) => {
        const m = monthOf(e.day);
        return m >= period.from && m < period.to && (area === 0 || e.town + 1 === area);
      };
      const b = births.filter(inArea);
      const d = deaths.filter(inArea).length;
      const groupBirths = AGE_GROUPS.map(() => 0);
      for (const e of b) {
        const age = Math.floor(ageAt(population.birth[e.subject]!, e.day));
        const g = Math.floor((age - 15) / 5);
        if (g >= 0 && g < AGE_GROUPS.length) groupBirths[g] = groupBirths[g]! + 1;
      }
      const pop = sum(0);
      const women = sum(1);
      // Rates are per year: a period of k months scales by 12 / k, so a 12-month period gives
      // exactly the statistics bureau's B / P̄ and a month is comparable with a year.
      const annualise = 12 / (period.to - period.from);
      const perMille = (n: number, base: number) => (base > 0 ? (n / base) * 1000 * annualise : null);
      const asfr: Record<string, number | null> = {};
      let tfrSum = 0;
      let tfrValid = true;
      AGE_GROUPS.forEach((group, g) => {
        const value = perMille(groupBirths[g]!, sum(2 + g));
        asfr[group] = value;
        if (value === null) tfrValid = false;
        else tfrSum += value;
      });
      const male = b.filter((e) => e.sex === 1).length;
      const share = (n: number) => (b.length > 0 ? (n / b.length) * 100 : null);
      out.push({
        period: period.label,
        area: area === 0 ? districtCode : townCodes[area - 1]!,
        days,
        population: pop,
        women_15_49: women,
        births: b.length,
        births_male: male,
        births_female: b.length - male,
        deaths: d,
        crude_birth_rate: perMille(b.length, pop),
        crude_death_rate: perMille(d, pop),
        natural_growth_rate: perMille(b.length - d, pop),
        general_fertility_rate: perMille(b.length, women),
        asfr_5y: asfr,
        total_fertility_rate: tfrValid ? (5 * tfrSum) / 1000 : null,
        birth_order_shares: {
          '1': share(b.filter((e) => e.order === 1).length),
          '2': share(b.filter((e) => e.order === 2).length),
          '3+': share(b.filter((e) => e.order >= 3).length),
        },
        sex_ratio_at_birth: b.length - male > 0 ? (male / (b.length - male)) * 100 : null,
      });
    }
  }
  return out;
}

/** Completed years between two days. */
function ageAt(birth: Day, on: Day): number {
  let years = partsOf(on).year - partsOf(birth).year;
  if (birthdayAt(birth, years) > on) years -= 1;
  return years;
}
