import { isoDate, type Day } from './calendar.js';
import { COUNTIES } from './data/other-counties.js';
import { poisson } from './mobility-events.js';
import { NONE } from './population.js';
import type { Sim } from './sim.js';

const TRADES = ['五金店', '餐饮店', '服装店', '家具店', '便利店', '电器维修部', '美发店', '水果店', '物流点', '装修队'];
const INDUSTRIES = ['家具', '电器', '五金制品', '纺织', '塑料制品', '食品', '机械', '物流', '模具', '电子'];

/** Draws a living, present, adult resident matching `accept`, or NONE after a few tries. */
function drawResident(sim: Sim, accept: (p: number, age: number) => boolean, day: Day): number {
  const pop = sim.population;
  for (let tries = 0; tries < 30; tries += 1) {
    const p = sim.rng.int(pop.count);
    if (!pop.alive[p] || !pop.present[p] || pop.external[p]) continue;
    const age = Math.floor((day - pop.birth[p]!) / 365.25);
    if (accept(p, age)) return p;
  }
  return NONE;
}

/**
 * The month's economic records: business licences taken by floating residents, enterprises
 * registered and closed, employment and unemployment records with marriage and children,
 * labour moving in and out.
 */
export function economyMonth(sim: Sim, monthStart: Day, days: number, base: number): void {
  const pop = sim.population;
  for (let i = poisson(sim, base * 0.0008); i > 0; i -= 1) {
    const day = sim.dayIn(monthStart, days);
    const p = drawResident(sim, (q, age) => pop.floating[q] === 1 && !pop.licensed[q] && age >= 22 && age <= 55, day);
    if (p === NONE) continue;
    const hasPermit = pop.permitUntil[p] !== NONE && pop.permitUntil[p]! >= day;
    if (!hasPermit) {
      if (!sim.rng.chance(sim.contradictions.business_without_permit)) continue;
      sim.truth.contradiction('business_without_permit', sim.id(p), isoDate(day), 'a business licence for a floating resident without a residence permit');
    }
    pop.licensed[p] = 1;
    const village = pop.residenceVillage[p]!;
    sim.submit('business_license', 'COMMERCE', day, {
      id_number: sim.id(p),
      credit_code: sim.creditCode('92'),
      issued_on: isoDate(day),
      name: pop.name[p],
      business_name: `顺德区${sim.model.villages[village]!.name.slice(0, 2)}${pop.name[p]!.slice(0, 1)}记${sim.rng.pick(TRADES)}`,
      division: sim.villageCode(village),
      address: sim.address(village, sim.rng.int(1000)),
    }, [p]);
  }
  for (let i = poisson(sim, base * 0.0002); i > 0; i -= 1) {
    const day = sim.dayIn(monthStart, days);
    const rep = drawResident(sim, (_q, age) => age >= 25 && age <= 65, day);
    if (rep === NONE) continue;
    const code = sim.creditCode('91');
    const village = pop.residenceVillage[rep]!;
    sim.enterprises.push(code);
    sim.submit('enterprise_registration', 'COMMERCE', day, {
      credit_code: code,
      enterprise_name: `佛山市顺德区${sim.model.villages[village]!.name.slice(0, 2)}${sim.rng.pick(INDUSTRIES)}有限公司`,
      registered_on: isoDate(day),
      legal_rep_id_number: sim.id(rep),
      division: sim.villageCode(village),
      address: sim.address(village, sim.rng.int(1000)),
    }, [rep]);
  }
  if (sim.enterprises.length > 10 && sim.rng.chance(0.5)) {
    const index = sim.rng.int(sim.enterprises.length);
    const code = sim.enterprises.splice(index, 1)[0]!;
    const day = sim.dayIn(monthStart, days);
    sim.recorder.submit('enterprise_deregistration', 'COMMERCE', day, { credit_code: code, deregistered_on: isoDate(day) }, []);
  }
  laborMonth(sim, monthStart, days, base);
}

function laborMonth(sim: Sim, monthStart: Day, days: number, base: number): void {
  const pop = sim.population;
  const status = (p: number) => ({ marital_status: String(pop.marital[p]), sons: pop.sons[p], daughters: pop.daughters[p] });
  for (let i = poisson(sim, base * 0.002); i > 0; i -= 1) {
    const day = sim.dayIn(monthStart, days);
    const p = drawResident(sim, (_q, age) => age >= 18 && age <= 55, day);
    if (p === NONE) continue;
    const employer = sim.enterprises.length > 0 && sim.rng.chance(0.7) ? sim.rng.pick(sim.enterprises) : sim.creditCode('91');
    sim.submit('employment_record', 'LABOR-EMP', day, { id_number: sim.id(p), recorded_on: isoDate(day), employer_credit_code: employer, ...status(p) }, [p]);
  }
  for (let i = poisson(sim, base * 0.0002); i > 0; i -= 1) {
    const day = sim.dayIn(monthStart, days);
    const p = drawResident(sim, (q, age) => pop.sex[q] === 2 && age >= 20 && age <= 49, day);
    if (p === NONE) continue;
    sim.submit('unemployment_registration', 'LABOR-EMP', day, { id_number: sim.id(p), registered_on: isoDate(day), ...status(p) }, [p]);
  }
  for (let i = poisson(sim, base * 0.0004); i > 0; i -= 1) {
    const day = sim.dayIn(monthStart, days);
    const p = drawResident(sim, (_q, age) => age >= 18 && age <= 50, day);
    if (p === NONE) continue;
    sim.submit('labor_migration', 'LABOR-EMP', day, {
      id_number: sim.id(p),
      direction: pop.floating[p] ? 'in' : sim.rng.chance(0.5) ? 'in' : 'out',
      moved_on: isoDate(day),
      name: pop.name[p],
      counterpart_division: `${COUNTIES[sim.rng.int(COUNTIES.length)]!.code}000000`,
    }, [p]);
  }
}

/**
 * At the end of the run: a floating resident holding a business licence whose residence permit
 * has lapsed (not renewed, or they left or died without the police hearing of it) is a licence
 * without a valid permit too — recorded as the same contradiction, dated when the permit ended.
 */
export function lapsedPermitsOfLicensees(sim: Sim, lastDay: Day): void {
  const pop = sim.population;
  for (let p = 0; p < pop.count; p += 1) {
    const until = pop.permitUntil[p]!;
    if (!pop.licensed[p] || !pop.floating[p] || until === NONE || until >= lastDay) continue;
    sim.truth.contradiction('business_without_permit', sim.id(p), isoDate(until), 'the residence permit of a business licence holder lapsed');
  }
}
