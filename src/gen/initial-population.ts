import { AliasTable } from './alias-table.js';
import { ageOn, isoDate, partsOf, type Day } from './calendar.js';
import { POPULATION_BY_AGE_GUANGDONG } from './data/census-2020.js';
import { COUNTIES, HISTORICAL_COUNTIES } from './data/other-counties.js';
import { EVER_MARRIED_BY_50, FERTILITY_BY_AGE, FIRST_MARRIAGE_AGE_FEMALE, FIRST_MARRIAGE_AGE_MALE } from './data/vital-rates.js';
import type { DistrictModel } from './district-model.js';
import { type IdAllocator } from './id-allocator.js';
import type { NameMaker } from './name-maker.js';
import { Marital, NONE, Population } from './population.js';
import { Rng } from './rng.js';

/** The district's own county code today, and the one its ID numbers carried before 2003 (顺德市 440681). */
export const OLD_SHUNDE_CODE = '440681';
export const OLD_SHUNDE_UNTIL_YEAR = 2003;

export interface InitialOptions {
  persons: number;
  floatingShare: number;
  start: Day;
  seed: string;
}

const MAX_AGE = 100;

/**
 * Builds the district's population on the start day: ages and sexes drawn from the 2020 census
 * (Guangdong) pyramid, married couples paired by age, children given mothers by age-specific
 * fertility, households formed around couples, then ID numbers and names. Registered
 * residents and the floating population are built as two pools.
 */
export function buildInitialPopulation(
  model: DistrictModel,
  names: NameMaker,
  ids: IdAllocator,
  options: InitialOptions,
): { population: Population; households: number } {
  const population = new Population(Math.ceil(options.persons * 1.15) + 1000);
  const floatingCount = Math.round(options.persons * options.floatingShare);
  let households = 0;
  households = buildPool(population, model, options, options.persons - floatingCount, false, households);
  households = buildPool(population, model, options, floatingCount, true, households);
  const rng = Rng.fork(options.seed, 'identity');
  // Oldest first, so that parents have their surnames before their children are named.
  const order = Int32Array.from({ length: population.count }, (_, i) => i).sort(
    (a, b) => population.birth[a]! - population.birth[b]! || a - b,
  );
  for (const p of order) assignIdentity(population, p, rng, names, ids, model);
  return { population, households };
}

function ageSexTable(floating: boolean): { table: AliasTable; entries: Array<[number, 1 | 2]> } {
  const entries: Array<[number, 1 | 2]> = [];
  const weights: number[] = [];
  for (const [age, male, female] of POPULATION_BY_AGE_GUANGDONG) {
    // Migrants are mostly of working age, with their young children.
    const profile = !floating ? 1 : age >= 18 && age <= 45 ? 3 : age < 15 ? 0.7 : age <= 59 ? 1 : 0.15;
    entries.push([age, 1], [age, 2]);
    weights.push(male * profile, female * profile);
  }
  return { table: new AliasTable(weights), entries };
}

function cumulative(rows: ReadonlyArray<{ age: number; share: number }>): (age: number) => number {
  const total = rows.reduce((sum, r) => sum + r.share, 0);
  return (age) => rows.filter((r) => r.age <= age).reduce((sum, r) => sum + r.share, 0) / total;
}
const everMarriedMale = cumulative(FIRST_MARRIAGE_AGE_MALE);
const everMarriedFemale = cumulative(FIRST_MARRIAGE_AGE_FEMALE);

function maritalAt(rng: Rng, age: number, sex: 1 | 2): Marital {
  const ever = (sex === 1 ? everMarriedMale(age) * EVER_MARRIED_BY_50.male : everMarriedFemale(age) * EVER_MARRIED_BY_50.female);
  if (!rng.chance(ever)) return Marital.Single;
  const widowed = age < 50 ? 0.005 : age < 60 ? 0.03 : age < 70 ? 0.1 : age < 80 ? 0.25 : 0.5;
  if (rng.chance(sex === 2 ? widowed : widowed * 0.45)) return Marital.Widowed;
  if (age < 65 && rng.chance(0.035)) return Marital.Divorced;
  return Marital.Married;
}

/** Mother's age at a birth, drawn by age-specific fertility. */
const motherAgeTable = new AliasTable(FERTILITY_BY_AGE.map((r) => r.rate));

function buildPool(
  population: Population,
  model: DistrictModel,
  options: InitialOptions,
  size: number,
  floating: boolean,
  householdStart: number,
): number {
  const rng = Rng.fork(options.seed, floating ? 'pool-floating' : 'pool-registered');
  const { table, entries } = ageSexTable(floating);
  const first = population.count;
  const byAgeSex: number[][][] = [[], [], []].map(() => Array.from({ length: MAX_AGE + 1 }, () => []));
  for (let i = 0; i < size; i += 1) {
    const [age, sex] = entries[table.draw(rng)]!;
    const birth = options.start - age * 365 - Math.floor(age / 4) - rng.int(365) - 1;
    const p = population.add(birth, sex);
    population.floating[p] = floating ? 1 : 0;
    const exactAge = Math.max(0, ageOn(birth, options.start));
    population.marital[p] = maritalAt(rng, exactAge, sex);
    byAgeSex[sex]![Math.min(exactAge, MAX_AGE)]!.push(p);
  }
  // Pair married women with married men about two years older.
  const freeMen = byAgeSex[1]!.map((list) => list.filter((p) => population.marital[p] === Marital.Married));
  for (let age = 0; age <= MAX_AGE; age += 1) {
    for (const wife of byAgeSex[2]![age]!) {
      if (population.marital[wife] !== Marital.Married) continue;
      const target = Math.round(age + rng.normal(2, 2.5));
      const husband = takeNear(freeMen, target, 8);
      if (husband !== NONE) {
        population.spouse[wife] = husband;
        population.spouse[husband] = wife;
        population.marriages[wife] = 1;
        population.marriages[husband] = 1;
      }
    }
  }
  // Give children (and many young adults still at home) a mother of a plausible age.
  const mothersByAge = byAgeSex[2]!.map((list) => list.filter((p) => population.marital[p] !== Marital.Single));
  for (let age = 0; age <= 24; age += 1) {
    for (const child of [...byAgeSex[1]![age]!, ...byAgeSex[2]![age]!]) {
      if (population.marital[child] !== Marital.Single || (age >= 18 && !rng.chance(0.6))) continue;
      const mother = pickMother(rng, population, mothersByAge, age + 15 + motherAgeTable.draw(rng));
      if (mother === NONE) continue;
      population.mother[child] = mother;
      const father = population.spouse[mother]!;
      if (father !== NONE && population.marital[mother] === Marital.Married) population.father[child] = father;
      population.countChild(mother, population.sex[child]!);
      if (father !== NONE) population.countChild(father, population.sex[child]!);
      const childBirth = population.birth[child]!;
      if (population.lastBirth[mother]! < childBirth) population.lastBirth[mother] = childBirth;
    }
  }
  return formHouseholds(population, model, rng, first, population.count, floating, householdStart);
}

/** Removes and returns a person from the bucket nearest `target` age (within `spread`), or NONE. */
function takeNear(buckets: number[][], target: number, spread: number): number {
  for (let d = 0; d <= spread; d += 1) {
    for (const age of d === 0 ? [target] : [target - d, target + d]) {
      const bucket = buckets[age];
      if (bucket && bucket.length > 0) return bucket.pop()!;
    }
  }
  return NONE;
}

function pickMother(rng: Rng, population: Population, mothersByAge: number[][], age: number): number {
  const bucket = mothersByAge[Math.min(age, MAX_AGE)];
  if (!bucket || bucket.length === 0) return NONE;
  // Of a few candidates, prefer the one with fewest children: parity stays realistic.
  let best = NONE;
  for (let tries = 0; tries < 4; tries += 1) {
    const candidate = bucket[rng.int(bucket.length)]!;
    if (best === NONE || population.children(candidate) < population.children(best)) best = candidate;
  }
  return population.children(best) >= 4 ? NONE : best;
}

/**
 * Households: a couple with the children whose mother is the wife; a lone parent with hers;
 * everyone else alone. Each household lives in one village; registered households are
 * registered there too (a tenth live in another village of the same town).
 */
function formHouseholds(
  population: Population,
  model: DistrictModel,
  rng: Rng,
  from: number,
  to: number,
  floating: boolean,
  householdStart: number,
): number {
  let household = householdStart;
  const county = floating ? new AliasTable(COUNTIES.map((c) => c.weight)) : undefined;
  const settle = (members: number[]) => {
    const village = model.villageTable.draw(rng);
    const homeCounty = county ? county.draw(rng) : NONE;
    for (const p of members) {
      population.household[p] = household;
      population.residenceVillage[p] = village;
      if (floating) population.homeCounty[p] = homeCounty;
      else population.hukouVillage[p] = rng.chance(0.9) ? village : model.neighbourVillage(rng, village);
    }
    household += 1;
  };
  const childrenOf = new Map<number, number[]>();
  for (let p = from; p < to; p += 1) {
    const mother = population.mother[p]!;
    if (mother !== NONE) {
      const list = childrenOf.get(mother) ?? [];
      list.push(p);
      childrenOf.set(mother, list);
    }
  }
  for (let p = from; p < to; p += 1) {
    if (population.household[p] !== NONE) continue;
    if (population.mother[p] !== NONE && population.household[population.mother[p]!] === NONE) continue;
    if (population.sex[p] === 1 && population.spouse[p] !== NONE) continue; // settled with his wife
    const members = [p];
    if (population.sex[p] === 2) {
      const husband = population.spouse[p]!;
      if (husband !== NONE) members.push(husband);
      members.push(...(childrenOf.get(p) ?? []));
    }
    settle(members);
  }
  for (let p = from; p < to; p += 1) if (population.household[p] === NONE) settle([p]);
  return household;
}

/** ID number, ethnic group, surname and name, from the person's origin and family. */
function assignIdentity(population: Population, p: number, rng: Rng, names: NameMaker, ids: IdAllocator, model: DistrictModel): void {
  const birth = population.birth[p]!;
  const year = partsOf(birth).year;
  let address: string;
  if (population.floating[p]) {
    const county = COUNTIES[population.homeCounty[p]!]!;
    const old = HISTORICAL_COUNTIES.find((h) => h.province === county.province && year < h.abolished);
    address = old && rng.chance(0.3) ? old.code : county.code;
    if (county.province === '广西壮族自治区' && rng.chance(0.3)) population.ethnicity[p] = 8;
  } else {
    // A fifth of registered residents were born elsewhere and moved their registration here.
    address = rng.chance(0.2)
      ? COUNTIES[rng.int(COUNTIES.length)]!.code
      : year < OLD_SHUNDE_UNTIL_YEAR
        ? OLD_SHUNDE_CODE
        : model.tree.root.code.slice(0, 6);
  }
  population.idNumber[p] = ids.allocate(address, isoDate(birth), population.sex[p] as 1 | 2);
  const father = population.father[p]!;
  const mother = population.mother[p]!;
  if (father !== NONE && population.name[father] !== undefined) population.surname[p] = population.surname[father]!;
  else if (mother !== NONE && population.name[mother] !== undefined && father === NONE) population.surname[p] = population.surname[mother]!;
  else population.surname[p] = names.drawSurname(rng);
  population.name[p] = names.surnames[population.surname[p]!]! + names.drawGivenName(rng, population.sex[p] as 1 | 2, year);
}
