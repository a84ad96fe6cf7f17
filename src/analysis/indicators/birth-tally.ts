import type { BirthRow } from './births.queries.js';
import { ageOn } from './calendar-days.js';
import { FERTILE_FIRST_AGE, FERTILE_LAST_AGE } from './person-time.js';

/** Births of an area and period counted the ways the indicators need them. */
export interface BirthTally {
  total: number;
  male: number;
  female: number;
  /** First, second, third and later. */
  byOrder: number[];
  /** By the mother's completed years at the birth, 15 first (mothers outside 15–49 or unknown are not in it). */
  byAge1: number[];
  /** By the mother's completed years and order: index (age − 15) × 3 + order − 1 (third and later as 3). */
  byAgeOrder1: number[];
}

/** The index of an age (15–49) and order (1, 2, 3 and later) in `byAgeOrder1`. */
export function ageOrderIndex(age: number, order: number): number {
  return (age - FERTILE_FIRST_AGE) * 3 + Math.min(order, 3) - 1;
}

/** An empty tally. */
export function emptyBirthTally(): BirthTally {
  const ages = FERTILE_LAST_AGE - FERTILE_FIRST_AGE + 1;
  return { total: 0, male: 0, female: 0, byOrder: [0, 0, 0], byAge1: Array.from({ length: ages }, () => 0), byAgeOrder1: Array.from({ length: ages * 3 }, () => 0) };
}

/** Counts the births of the scan by sex, order and mother's age. */
export function tallyBirths(births: readonly BirthRow[]): BirthTally {
  const tally = emptyBirthTally();
  tally.total = births.length;
  for (const birth of births) {
    if (birth.sex === '1') tally.male += 1;
    if (birth.sex === '2') tally.female += 1;
    tally.byOrder[Math.min(birth.order, 3) - 1]! += 1;
    if (birth.motherBirthDate === null) continue;
    const age = ageOn(birth.motherBirthDate, birth.birthDate);
    if (age < FERTILE_FIRST_AGE || age > FERTILE_LAST_AGE) continue;
    tally.byAge1[age - FERTILE_FIRST_AGE]! += 1;
    tally.byAgeOrder1[ageOrderIndex(age, birth.order)]! += 1;
  }
  return tally;
}
