import { isoDate, partsOf, type Day } from './calendar.js';
import { COUNTIES } from './data/other-counties.js';
import { ANNUAL_DIVORCE_PROBABILITY, ANNUAL_REMARRIAGE_PROBABILITY, EVER_MARRIED_BY_50, FIRST_MARRIAGE_AGE_FEMALE, FIRST_MARRIAGE_AGE_MALE } from './data/vital-rates.js';
import { profileUpdate } from './family-services.js';
import { Marital, NONE } from './population.js';
import type { Sim } from './sim.js';

/** Monthly hazard of a first marriage by age, from the distribution of ages at first marriage. */
function firstMarriageHazard(rows: ReadonlyArray<{ age: number; share: number }>, ever: number): Float64Array {
  const hazard = new Float64Array(111);
  const total = rows.reduce((sum, r) => sum + r.share, 0);
  let married = 0;
  for (let age = 0; age <= 110; age += 1) {
    const share = (rows.find((r) => r.age === age)?.share ?? 0) / total * ever;
    const atRisk = 1 - married;
    hazard[age] = atRisk > 0 ? Math.min(1, share / atRisk) / 12 : 0;
    married += share;
  }
  return hazard;
}
const FIRST_MARRIAGE: [Float64Array, Float64Array, Float64Array] = [
  new Float64Array(111),
  firstMarriageHazard(FIRST_MARRIAGE_AGE_MALE, EVER_MARRIED_BY_50.male),
  firstMarriageHazard(FIRST_MARRIAGE_AGE_FEMALE, EVER_MARRIED_BY_50.female),
];

/** People deciding to marry this month, paired after the monthly pass. */
export class MarriageMarket {
  readonly brides: number[] = [];
  readonly grooms: number[] = [];

  consider(sim: Sim, p: number, age: number): void {
    const pop = sim.population;
    const sex = pop.sex[p] as 1 | 2;
    const status = pop.marital[p]!;
    let rate = 0;
    if (status === Marital.Single) rate = FIRST_MARRIAGE[sex][Math.min(age, 110)]!;
    else if (status === Marital.Divorced && age < 60) rate = ANNUAL_REMARRIAGE_PROBABILITY.divorced / 12;
    else if (status === Marital.Widowed && age < 60) rate = ANNUAL_REMARRIAGE_PROBABILITY.widowed / 12;
    if (rate > 0 && sim.rng.chance(rate)) (sex === 2 ? this.brides : this.grooms).push(p);
  }

  /** Pairs brides with grooms about two years older; the rest marry someone from elsewhere. */
  settle(sim: Sim, monthStart: Day, days: number): void {
    const pop = sim.population;
    const byAge = new Map<number, number[]>();
    for (const g of this.grooms) {
      const age = partsOf(pop.birth[g]!).year;
      byAge.set(age, [...(byAge.get(age) ?? []), g]);
    }
    for (const bride of this.brides) {
      const year = partsOf(pop.birth[bride]!).year;
      let groom = NONE;
      for (const d of [2, 1, 3, 0, 4, 5, -1, 6, 7, 8]) {
        const list = byAge.get(year - d);
        if (list && list.length > 0) {
          groom = list.pop()!;
          break;
        }
      }
      if (groom === NONE) groom = outsider(sim, 1, pop.birth[bride]! - 365 * 2 - sim.rng.int(1000));
      marry(sim, bride, groom, sim.dayIn(monthStart, days));
    }
    for (const list of byAge.values()) {
      for (const groom of list) marry(sim, outsider(sim, 2, pop.birth[groom]! + 365 * 2 + sim.rng.int(700)), groom, sim.dayIn(monthStart, days));
    }
  }
}

/** A spouse who lives elsewhere: known to the registry only through the marriage record. */
function outsider(sim: Sim, sex: 1 | 2, birth: Day): number {
  const pop = sim.population;
  const p = pop.add(birth, sex);
  pop.external[p] = 1;
  pop.present[p] = 0;
  pop.marital[p] = Marital.Single;
  const county = sim.rng.int(COUNTIES.length);
  pop.homeCounty[p] = county;
  pop.idNumber[p] = sim.ids.allocate(COUNTIES[county]!.code, isoDate(birth), sex);
  pop.surname[p] = sim.names.drawSurname(sim.rng);
  pop.name[p] = sim.names.surnames[pop.surname[p]!]! + sim.names.drawGivenName(sim.rng, sex, partsOf(birth).year);
  return p;
}

function marry(sim: Sim, wife: number, husband: number, day: Day): void {
  const pop = sim.population;
  const prior = (p: number) => String(pop.marital[p] === Marital.Single ? 10 : pop.marital[p]);
  const values = {
    husband_id_number: sim.id(husband),
    wife_id_number: sim.id(wife),
    registered_on: isoDate(day),
    husband_name: pop.name[husband],
    wife_name: pop.name[wife],
    husband_prior_marital_status: prior(husband),
    wife_prior_marital_status: prior(wife),
    certificate_number: sim.certificate(`J${sim.districtCode.slice(0, 6)}-`, day),
  };
  for (const p of [wife, husband]) {
    pop.marital[p] = Marital.Married;
    pop.marriages[p] = pop.marriages[p]! + 1;
  }
  pop.spouse[wife] = husband;
  pop.spouse[husband] = wife;
  // She moves in with him when both live in the same town; otherwise neither moves.
  if (!pop.external[wife] && !pop.external[husband] && sim.town(wife) === sim.town(husband)) {
    pop.residenceVillage[wife] = pop.residenceVillage[husband]!;
    pop.household[wife] = pop.household[husband]!;
  }
  sim.submit('marriage', 'CIVIL-MR', day, values, [wife, husband]);
  sim.truth.event({ kind: 'marriage', date: isoDate(day), person: sim.id(wife), spouse: sim.id(husband) });
  if (!pop.external[wife]) {
    if (sim.rng.chance(sim.contradictions.marriage_unknown_to_town)) {
      sim.truth.contradiction('marriage_unknown_to_town', sim.id(wife), isoDate(day), 'the town never updated the profile after the marriage');
    } else {
      sim.agenda.add(day + sim.rng.between(5, 40), 'profile_update', wife);
    }
    if (sim.rng.chance(0.4)) sim.agenda.add(day + sim.rng.between(20, 90), 'checkup', wife);
  }
}

/** A married woman's marriage may end in divorce this month. */
export function maybeDivorce(sim: Sim, wife: number, monthStart: Day, days: number): void {
  const pop = sim.population;
  const husband = pop.spouse[wife]!;
  if (husband === NONE || !sim.rng.chance(ANNUAL_DIVORCE_PROBABILITY / 12)) return;
  const day = sim.dayIn(monthStart, days);
  for (const p of [wife, husband]) {
    pop.marital[p] = Marital.Divorced;
    pop.spouse[p] = NONE;
    sim.divorcedThisMonth.add(p);
  }
  sim.submit('divorce', 'CIVIL-MR', day, { husband_id_number: sim.id(husband), wife_id_number: sim.id(wife), registered_on: isoDate(day), certificate_number: sim.certificate(`L${sim.districtCode.slice(0, 6)}-`, day) }, [wife, husband]);
  sim.truth.event({ kind: 'divorce', date: isoDate(day), person: sim.id(wife), spouse: sim.id(husband) });
  profileUpdate(sim, wife, day + sim.rng.between(5, 40));
}

/** The service station's pre-pregnancy check of a newly married couple. */
export function reportCheckup(sim: Sim, wife: number, day: Day): void {
  const pop = sim.population;
  if (!pop.alive[wife] || !pop.present[wife]) return;
  const spouse = pop.spouse[wife]!;
  sim.submit('prepregnancy_checkup', 'MCH', day, { id_number: sim.id(wife), checked_on: isoDate(day), spouse_id_number: spouse !== NONE ? sim.id(spouse) : undefined, risk: sim.rng.chance(0.9) ? '1' : '2' }, [wife]);
}

/** A childless married couple may adopt a young child from elsewhere (rare). */
export function adoptionMonth(sim: Sim, monthStart: Day, days: number, base: number): void {
  const pop = sim.population;
  const expected = base * 0.000004;
  if (!sim.rng.chance(Math.min(1, expected))) return;
  const day = sim.dayIn(monthStart, days);
  let adopter = NONE;
  for (let tries = 0; tries < 50 && adopter === NONE; tries += 1) {
    const p = sim.rng.int(pop.count);
    const age = Math.floor((day - pop.birth[p]!) / 365.25);
    if (pop.alive[p] && pop.present[p] && !pop.external[p] && pop.sex[p] === 2 && pop.marital[p] === Marital.Married && pop.children(p) === 0 && age >= 30 && age <= 50 && pop.due[p] === NONE) adopter = p;
  }
  if (adopter === NONE) return;
  const sex: 1 | 2 = sim.rng.chance(0.4) ? 1 : 2;
  const birth = day - sim.rng.between(60, 6 * 365);
  const child = pop.add(birth, sex);
  const county = sim.rng.int(COUNTIES.length);
  pop.arrived[child] = day;
  pop.residenceVillage[child] = pop.residenceVillage[adopter]!;
  pop.hukouVillage[child] = pop.hukouVillage[adopter]!;
  pop.homeCounty[child] = pop.hukouVillage[adopter] === NONE ? pop.homeCounty[adopter]! : NONE;
  pop.floating[child] = pop.floating[adopter]!;
  pop.household[child] = pop.household[adopter]!;
  pop.mother[child] = adopter;
  sim.addChild(adopter, child);
  const spouse = pop.spouse[adopter]!;
  pop.father[child] = spouse;
  pop.countChild(adopter, sex);
  if (spouse !== NONE) pop.countChild(spouse, sex);
  pop.idNumber[child] = sim.ids.allocate(COUNTIES[county]!.code, isoDate(birth), sex);
  pop.surname[child] = spouse !== NONE ? pop.surname[spouse]! : pop.surname[adopter]!;
  pop.name[child] = sim.names.surnames[pop.surname[child]!]! + sim.names.drawGivenName(sim.rng, sex, partsOf(birth).year);
  sim.submit('adoption', 'CIVIL-MR', day, {
    adopter_id_number: sim.id(adopter),
    child_name: pop.name[child],
    child_sex: String(sex),
    child_birth_date: isoDate(birth),
    registered_on: isoDate(day),
    adopter_spouse_id_number: spouse !== NONE ? sim.id(spouse) : undefined,
    child_id_number: sim.rng.chance(0.7) ? sim.id(child) : undefined,
  }, [adopter, child]);
  sim.truth.event({ kind: 'adoption', date: isoDate(day), person: sim.id(child), adopter: sim.id(adopter), town: sim.town(child) });
}
