import { isoDate, partsOf, type Day } from './calendar.js';
import { COUNTIES } from './data/other-counties.js';
import { profileUpdate } from './family-services.js';
import { Marital, NONE } from './population.js';
import type { Sim } from './sim.js';

export const ANNUAL_MOVE_OUT = 0.008;
export const ANNUAL_MOVE_IN = 0.009;
export const ANNUAL_FLOATING_TURNOVER = 0.15;
const PERMIT_SHARE = 0.7;

/** A registered resident may move their registration out of the district this month (with spouse and young children). */
export function maybeMoveOut(sim: Sim, p: number, monthStart: Day, days: number): void {
  const pop = sim.population;
  if (pop.hukouVillage[p] === NONE || pop.mother[p] !== NONE && Math.floor((monthStart - pop.birth[p]!) / 365.25) < 16) return;
  if (!sim.rng.chance(ANNUAL_MOVE_OUT / 12)) return;
  const day = sim.dayIn(monthStart, days);
  const destination = `${COUNTIES[sim.rng.int(COUNTIES.length)]!.code}000000`;
  const reason = sim.rng.pick(['1', '2', '3', '4', '5', '9']);
  const movers = [p];
  const spouse = pop.spouse[p]!;
  if (spouse !== NONE && pop.present[spouse] && !pop.external[spouse] && pop.hukouVillage[spouse] !== NONE) movers.push(spouse);
  for (const parent of [...movers]) {
    // Young children go with their mother.
    if (pop.sex[parent] !== 2) continue;
    for (const c of sim.childrenOf(parent)) {
      if (pop.alive[c] && pop.present[c] && monthStart - pop.birth[c]! < 16 * 365) movers.push(c);
    }
  }
  for (const m of movers) leave(sim, m, day, true, destination, reason);
}

function leave(sim: Sim, p: number, day: Day, registered: boolean, destination: string, reason: string): void {
  const pop = sim.population;
  pop.present[p] = 0;
  pop.left[p] = day;
  pop.due[p] = NONE;
  sim.truth.event({ kind: registered ? 'move_out' : 'departure', date: isoDate(day), person: sim.id(p), town: sim.town(p) });
  if (!registered) return;
  sim.submit('hukou_move_out', sim.model.policeOf[sim.hukouTown(p)]!, day, { id_number: sim.id(p), moved_on: isoDate(day), to_division: destination, reason }, [p]);
  const age = Math.floor((day - pop.birth[p]!) / 365.25);
  if (pop.sex[p] === 2 && age >= 15 && age <= 49 && pop.marital[p] !== Marital.Single && !sim.unprofiled.has(p) && sim.rng.chance(sim.contradictions.moved_out_still_reported)) {
    // The town keeps her on its list and reports her as resident a month or two later.
    const later = day + sim.rng.between(30, 75);
    sim.submit('woman_profile', sim.model.townOrgOf[sim.town(p)]!, later, sim.womanProfile(p, later), [p]);
    sim.truth.contradiction('moved_out_still_reported', sim.id(p), isoDate(day), 'the town still reports her after her registration moved out');
  }
}

/** A floating resident may leave this month, quietly, as they do. */
export function maybeDepart(sim: Sim, p: number, monthStart: Day, days: number): void {
  if (!sim.rng.chance(ANNUAL_FLOATING_TURNOVER / 12)) return;
  leave(sim, p, sim.dayIn(monthStart, days), false, '', '');
}

/** New people this month: families moving their registration in, and floating arrivals. */
export function arrivals(sim: Sim, monthStart: Day, days: number, registeredBase: number, floatingBase: number): void {
  const moveIns = poisson(sim, (registeredBase * ANNUAL_MOVE_IN) / 12 / 2.2);
  for (let i = 0; i < moveIns; i += 1) arriveHousehold(sim, sim.dayIn(monthStart, days), false);
  const floaters = poisson(sim, (floatingBase * ANNUAL_FLOATING_TURNOVER) / 12 / 1.6);
  for (let i = 0; i < floaters; i += 1) arriveHousehold(sim, sim.dayIn(monthStart, days), true);
}

function arriveHousehold(sim: Sim, day: Day, floating: boolean): void {
  const pop = sim.population;
  const village = sim.model.villageTable.draw(sim.rng);
  const county = sim.rng.int(COUNTIES.length);
  const household = sim.nextHousehold();
  const headSex: 1 | 2 = sim.rng.chance(0.5) ? 1 : 2;
  const head = newcomer(sim, day, headSex, 20 + sim.rng.int(22), village, county, household, floating);
  const members = [head];
  if (sim.rng.chance(0.55)) {
    const spouse = newcomer(sim, day, headSex === 1 ? 2 : 1, Math.max(20, Math.floor((day - pop.birth[head]!) / 365.25) + sim.rng.between(-3, 3)), village, county, household, floating);
    for (const [a, b] of [[head, spouse], [spouse, head]] as const) {
      pop.marital[a] = Marital.Married;
      pop.marriages[a] = 1;
      pop.spouse[a] = b;
    }
    members.push(spouse);
    const wife = headSex === 2 ? head : spouse;
    if (sim.rng.chance(0.45)) {
      const child = newcomer(sim, day, sim.rng.chance(0.53) ? 1 : 2, sim.rng.int(12), village, county, household, floating);
      pop.mother[child] = wife;
      sim.addChild(wife, child);
      pop.father[child] = wife === head ? spouse : head;
      pop.countChild(wife, pop.sex[child]!);
      pop.countChild(pop.father[child]!, pop.sex[child]!);
      members.push(child);
    }
  }
  for (const p of members) registerArrival(sim, p, day, floating);
}

function newcomer(sim: Sim, day: Day, sex: 1 | 2, age: number, village: number, county: number, household: number, floating: boolean): number {
  const pop = sim.population;
  const birth = day - age * 365 - sim.rng.int(365);
  const p = pop.add(birth, sex);
  pop.arrived[p] = day;
  pop.residenceVillage[p] = village;
  pop.household[p] = household;
  pop.floating[p] = floating ? 1 : 0;
  if (floating) pop.homeCounty[p] = county;
  else pop.hukouVillage[p] = village;
  pop.idNumber[p] = sim.ids.allocate(COUNTIES[county]!.code, isoDate(birth), sex);
  pop.surname[p] = sim.names.drawSurname(sim.rng);
  pop.name[p] = sim.names.surnames[pop.surname[p]!]! + sim.names.drawGivenName(sim.rng, sex, partsOf(birth).year);
  return p;
}

function registerArrival(sim: Sim, p: number, day: Day, floating: boolean): void {
  const pop = sim.population;
  const village = pop.residenceVillage[p]!;
  const town = sim.model.townOfVillage(village);
  sim.truth.event({ kind: floating ? 'arrival' : 'move_in', date: isoDate(day), person: sim.id(p), town });
  if (!floating) {
    sim.submit('hukou_move_in', sim.model.policeOf[town]!, day, {
      id_number: sim.id(p),
      name: pop.name[p],
      sex: String(pop.sex[p]),
      birth_date: isoDate(pop.birth[p]!),
      division: sim.villageCode(village),
      moved_on: isoDate(day),
      from_division: `${COUNTIES[sim.rng.int(COUNTIES.length)]!.code}000000`,
      reason: sim.rng.pick(['1', '2', '4', '5', '9']),
      household_number: sim.householdNumber(p),
      address: sim.address(village, pop.household[p]!),
      relation_to_head: pop.mother[p] !== NONE ? (pop.sex[p] === 1 ? '20' : '30') : pop.spouse[p] !== NONE && pop.sex[p] === 2 ? '10' : '02',
    }, [p]);
    if (pop.sex[p] === 2 && pop.marital[p] === Marital.Married) profileUpdate(sim, p, day + sim.rng.between(10, 50));
  } else {
    if (Math.floor((day - pop.birth[p]!) / 365.25) >= 16 && sim.rng.chance(PERMIT_SHARE)) issuePermit(sim, p, day + sim.rng.between(3, 40));
    // Towns profile the married women who come to live here, floating or not.
    if (pop.sex[p] === 2 && pop.marital[p] === Marital.Married) profileUpdate(sim, p, day + sim.rng.between(10, 50));
  }
}

/** A residence permit (居住证) for a floating resident. */
export function issuePermit(sim: Sim, p: number, day: Day): void {
  const pop = sim.population;
  const years = sim.rng.between(1, 3);
  const until = day + years * 365;
  pop.permitUntil[p] = until;
  const village = pop.residenceVillage[p]!;
  sim.submit('residence_permit', sim.model.policeOf[sim.model.townOfVillage(village)]!, day, {
    id_number: sim.id(p),
    name: pop.name[p],
    sex: String(pop.sex[p]),
    birth_date: isoDate(pop.birth[p]!),
    division: sim.villageCode(village),
    valid_from: isoDate(day),
    hukou_division: sim.homeCountyCode(p),
    address: sim.address(village, pop.household[p]!),
    permit_number: `${sim.districtCode.slice(0, 6)}${String(sim.nextSerial()).padStart(10, '0')}`,
    valid_to: isoDate(until),
    marital_status: String(pop.marital[p]),
  }, [p]);
}

function poisson(sim: Sim, mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(sim.rng.normal(mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = sim.rng.next();
  while (product > limit) {
    k += 1;
    product *= sim.rng.next();
  }
  return k;
}
export { poisson };
