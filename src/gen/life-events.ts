import { isoDate, partsOf, type Day } from './calendar.js';
import { BIRTH_WEIGHT_GRAMS, P_MALE_BIRTH, PREGNANCY_OUTCOMES } from './data/vital-rates.js';
import type { AgendaItem } from './agenda.js';
import { Marital, NONE } from './population.js';
import type { Sim } from './sim.js';
import { ASFR, GESTATION_BANDS, GESTATION_TABLE, MONTHLY_DEATH } from './vital-tables.js';

const OUTCOME_BIRTH = 1;
const OUTCOME_TERMINATION = 2;
const OUTCOME_LOSS = 3;

/**
 * Contraception, post-partum gaps and the terminations of married women keep births below
 * the raw schedule; this factor was tuned once so that a generated district's total fertility
 * comes out near the 2020 census's 1.3 (measured: see docs/PERFORMANCE.md's generator notes).
 */
const FERTILITY_CALIBRATION = 1.8;

/** Share of women married by each age, to turn all-women fertility into married women's. */
const MARRIED_SHARE = Float64Array.from({ length: 50 }, (_, age) =>
  age < 20 ? 0.03 : Math.min(0.92, 0.05 + 0.87 / (1 + Math.exp(-(age - 26.5) / 2.2))),
);

/** Death this month, at the person's age and sex. */
export function maybeDie(sim: Sim, p: number, age: number, monthStart: Day, days: number): boolean {
  const pop = sim.population;
  if (!sim.rng.chance(MONTHLY_DEATH[pop.sex[p] as 1 | 2][Math.min(age, 110)]!)) return false;
  const day = sim.dayIn(monthStart, days);
  die(sim, p, day);
  return true;
}

function die(sim: Sim, p: number, day: Day): void {
  const pop = sim.population;
  pop.alive[p] = 0;
  pop.death[p] = day;
  pop.due[p] = NONE;
  const spouse = pop.spouse[p]!;
  if (spouse !== NONE && pop.marital[p] === Marital.Married) {
    pop.marital[spouse] = Marital.Widowed;
    pop.spouse[spouse] = NONE;
  }
  sim.truth.deaths.push({ day, person: p, subject: p, sex: pop.sex[p]!, order: 0, town: sim.town(p) });
  sim.truth.event({ kind: 'death', date: isoDate(day), person: sim.id(p), sex: pop.sex[p], town: sim.town(p) });
  if (pop.hukouVillage[p] !== NONE) {
    const cancelled = day + sim.rng.between(3, 45);
    sim.submit(
      'hukou_death',
      sim.model.policeOf[sim.hukouTown(p)]!,
      day,
      { id_number: sim.id(p), died_on: isoDate(day), cancelled_on: isoDate(cancelled), death_certificate_number: sim.certificate('D', day) },
      [p],
      cancelled,
    );
  }
  if (pop.insured[p]) {
    const type = pop.insured[p] === 2 ? 'two_daughter_pension' : 'only_child_insurance';
    pop.insured[p] = 0;
    const later = day + sim.rng.between(30, 120);
    const policy = type === 'only_child_insurance' ? { policy_number: `DS${sim.id(p).slice(-8)}` } : {};
    // Normally the insurer ends the policy; sometimes it never hears of the death and keeps reporting it in force.
    const stillInForce = sim.rng.chance(sim.contradictions.death_while_insured);
    if (stillInForce) sim.truth.contradiction('death_while_insured', sim.id(p), isoDate(day), `${type} still reported in force after death`);
    sim.submit(type, 'LABOR-SI', later, { id_number: sim.id(p), enrolled_on: isoDate(later), status: stillInForce ? '1' : '2', ...policy }, [p]);
  }
}

/** A woman of childbearing age may conceive this month. */
export function maybeConceive(sim: Sim, p: number, age: number, monthStart: Day, days: number): void {
  const pop = sim.population;
  const agenda = sim.agenda;
  if (pop.due[p] !== NONE || age < 15 || age > 49) return;
  if (pop.lastBirth[p] !== NONE && monthStart - pop.lastBirth[p]! < 120) return;
  const method = pop.contraception[p]!;
  if (method === 3 || method === 4) return;
  const married = pop.marital[p] === Marital.Married;
  const parity = pop.children(p);
  const parityFactor = parity === 0 ? 1.2 : parity === 1 ? 1.6 : parity === 2 ? 0.9 : 0.3;
  const methodFactor = method === 1 || method === 5 ? 0.08 : 1;
  const base = (ASFR[age]! / 12 / PREGNANCY_OUTCOMES.liveBirth) * parityFactor * methodFactor * FERTILITY_CALIBRATION;
  const rate = married ? base / MARRIED_SHARE[age]! : base * 0.06;
  if (!sim.rng.chance(rate)) return;
  const conceived = sim.dayIn(monthStart, days);
  const terminationShare = married ? (parity >= 2 ? 0.6 : parity === 1 ? 0.35 : 0.2) : 0.85;
  const roll = sim.rng.next();
  const outcome = roll < PREGNANCY_OUTCOMES.miscarriageOrStillbirth ? OUTCOME_LOSS : roll < PREGNANCY_OUTCOMES.miscarriageOrStillbirth + (1 - PREGNANCY_OUTCOMES.miscarriageOrStillbirth) * terminationShare ? OUTCOME_TERMINATION : OUTCOME_BIRTH;
  pop.due[p] = conceived + 266;
  pop.conceived[p] = conceived;
  pop.outcome[p] = outcome;
  const registerDay = conceived + sim.rng.between(56, 84);
  if (outcome === OUTCOME_LOSS) {
    agenda.add(conceived + sim.rng.between(30, 55), 'loss', p);
    return;
  }
  if (outcome === OUTCOME_TERMINATION) {
    const late = sim.rng.chance(0.06);
    const endDay = late ? conceived + sim.rng.between(100, 160) : conceived + sim.rng.between(35, 80);
    if (endDay > registerDay && sim.rng.chance(0.8)) agenda.add(registerDay, 'pregnancy_registered', p);
    agenda.add(endDay, 'termination', p, late ? 3 : sim.rng.chance(0.5) ? 1 : 2);
    return;
  }
  const weeks = GESTATION_BANDS[GESTATION_TABLE.draw(sim.rng)]!;
  const birthDay = conceived - 14 + weeks * 7 + sim.rng.int(7);
  if (sim.rng.chance(0.9)) agenda.add(registerDay, 'pregnancy_registered', p);
  if (birthDay > conceived + 200 && sim.rng.chance(0.8)) agenda.add(conceived + sim.rng.between(182, 200), 'delivery_booked', p);
  agenda.add(birthDay, 'birth', p, weeks);
}

/** Handles a pregnancy milestone or a post-birth service from the agenda; false if not one of these. */
export function handleLifeItem(sim: Sim, item: AgendaItem): boolean {
  const pop = sim.population;
  const p = item.person;
  const alive = pop.alive[p] === 1 && pop.present[p] === 1;
  switch (item.kind) {
    case 'loss':
      if (pop.due[p] !== NONE) sim.truth.event({ kind: 'pregnancy_loss', date: isoDate(item.day), person: sim.id(p) });
      pop.due[p] = NONE;
      return true;
    case 'pregnancy_registered':
      if (alive && pop.due[p] !== NONE) registerPregnancy(sim, p, item.day);
      return true;
    case 'delivery_booked':
      if (alive && pop.due[p] !== NONE) {
        sim.submit('delivery_booking', sim.model.hospitalOf[sim.town(p)]!, item.day, { id_number: sim.id(p), expected_delivery_on: isoDate(pop.due[p]!), booked_on: isoDate(item.day) }, [p]);
      }
      return true;
    case 'termination':
      if (alive && pop.due[p] !== NONE) terminate(sim, p, item.day, item.arg);
      return true;
    case 'birth':
      if (alive && pop.due[p] !== NONE) giveBirth(sim, p, item.day, item.arg);
      return true;
    default:
      return false;
  }
}

function registerPregnancy(sim: Sim, p: number, day: Day): void {
  const pop = sim.population;
  const lmp = pop.conceived[p]! - 14;
  sim.submit('pregnancy', sim.townReporter(p), day, { id_number: sim.id(p), registered_on: isoDate(day), expected_delivery_on: isoDate(pop.due[p]!), last_menstrual_on: isoDate(lmp) }, [p]);
  sim.truth.event({ kind: 'pregnancy_registered', date: isoDate(day), person: sim.id(p), due: isoDate(pop.due[p]!) });
}

function terminate(sim: Sim, p: number, day: Day, method: number): void {
  const pop = sim.population;
  const weeks = Math.floor((day - pop.conceived[p]! + 14) / 7);
  pop.due[p] = NONE;
  sim.truth.event({ kind: 'termination', date: isoDate(day), person: sim.id(p), weeks });
  if (sim.rng.chance(sim.contradictions.pregnancy_without_outcome)) {
    sim.truth.contradiction('pregnancy_without_outcome', sim.id(p), isoDate(day), 'a termination was never reported');
    return;
  }
  const org = sim.rng.chance(0.5) ? 'MCH' : sim.model.hospitalOf[sim.town(p)]!;
  sim.submit('pregnancy_termination', org, day, { id_number: sim.id(p), terminated_on: isoDate(day), method: String(method), gestational_weeks: weeks }, [p]);
}

function giveBirth(sim: Sim, mother: number, day: Day, weeks: number): void {
  const pop = sim.population;
  const sex: 1 | 2 = sim.rng.chance(P_MALE_BIRTH) ? 1 : 2;
  const order = pop.children(mother) + 1;
  const child = pop.add(day, sex);
  const father = pop.marital[mother] === Marital.Married ? pop.spouse[mother]! : NONE;
  pop.arrived[child] = day;
  pop.mother[child] = mother;
  sim.addChild(mother, child);
  pop.father[child] = father;
  pop.household[child] = pop.household[mother]!;
  pop.residenceVillage[child] = pop.residenceVillage[mother]!;
  pop.hukouVillage[child] = pop.hukouVillage[mother]!;
  pop.homeCounty[child] = pop.homeCounty[mother]!;
  pop.floating[child] = pop.floating[mother]!;
  pop.countChild(mother, sex);
  if (father !== NONE) pop.countChild(father, sex);
  pop.due[mother] = NONE;
  pop.lastBirth[mother] = day;
  const registered = pop.hukouVillage[mother] !== NONE;
  const address = registered ? sim.districtCode.slice(0, 6) : sim.homeCountyCode(mother).slice(0, 6) || sim.districtCode.slice(0, 6);
  pop.idNumber[child] = sim.ids.allocate(address, isoDate(day), sex);
  pop.surname[child] = father !== NONE && !sim.rng.chance(1 / 13) ? pop.surname[father]! : pop.surname[mother]!;
  pop.name[child] = sim.names.surnames[pop.surname[child]!]! + sim.names.drawGivenName(sim.rng, sex, partsOf(day).year);
  const town = sim.town(mother);
  sim.truth.births.push({ day, person: child, subject: mother, sex, order, town });
  sim.truth.event({ kind: 'birth', date: isoDate(day), person: sim.id(child), mother: sim.id(mother), father: father === NONE ? undefined : sim.id(father), sex, order, town, weeks });
  reportBirth(sim, mother, child, father, day, weeks, order);
}

function reportBirth(sim: Sim, mother: number, child: number, father: number, day: Day, weeks: number, order: number): void {
  const pop = sim.population;
  const agenda = sim.agenda;
  const sex = String(pop.sex[child]);
  const certificate = `P${String(440_000_000 + sim.nextSerial()).padStart(9, '0')}`;
  const named = sim.rng.chance(0.6);
  const weight = Math.round(Math.min(BIRTH_WEIGHT_GRAMS.max, Math.max(BIRTH_WEIGHT_GRAMS.min, sim.rng.normal(BIRTH_WEIGHT_GRAMS.mean - (weeks < 37 ? 700 : 0), BIRTH_WEIGHT_GRAMS.sd))));
  const parents = {
    mother_id_number: sim.id(mother),
    mother_name: pop.name[mother],
    father_id_number: father === NONE ? undefined : sim.id(father),
  };
  const hospital = sim.model.hospitalOf[sim.town(mother)]!;
  let reportedOrder = order;
  if (sim.rng.chance(sim.contradictions.birth_order_wrong)) {
    reportedOrder = order === 1 || sim.rng.chance(0.5) ? order + 1 : order - 1;
    sim.truth.contradiction('birth_order_wrong', sim.id(mother), isoDate(day), `the hospital reported birth order ${reportedOrder} for her birth number ${order}`);
  }
  sim.submit('birth', hospital, day, { ...parents, child_sex: sex, birth_date: isoDate(day), child_name: named ? pop.name[child] : undefined, birth_weight_g: weight, gestational_weeks: weeks, birth_order: reportedOrder, birth_certificate_number: sim.rng.chance(0.5) ? certificate : undefined, division: sim.villageCode(pop.residenceVillage[mother]!) }, [child, mother]);
  const issued = day + sim.rng.between(1, 7);
  sim.submit('birth_certificate', 'MCH', issued, { birth_certificate_number: certificate, ...parents, child_sex: sex, birth_date: isoDate(day), issued_on: isoDate(issued), child_name: sim.rng.chance(0.9) ? pop.name[child] : undefined }, [child, mother]);
  if (sim.rng.chance(0.4)) {
    // Villages may not report births (the catalog: health, mch and towns): the town office does.
    sim.submit('birth', sim.model.townOrgOf[sim.town(mother)]!, day, { ...parents, child_sex: sex, birth_date: isoDate(day), child_name: pop.name[child], birth_order: order, division: sim.villageCode(pop.residenceVillage[mother]!) }, [child, mother], day + sim.rng.between(5, 40));
  }
  let registeredOn: Day = Number.MAX_SAFE_INTEGER;
  if (pop.hukouVillage[mother] !== NONE) {
    if (sim.rng.chance(sim.contradictions.birth_never_registered)) {
      sim.truth.contradiction('birth_never_registered', sim.id(child), isoDate(day), 'a hospital birth the police never registered');
    } else {
      // Within the 60 days the police allow (a later registration is a contradiction of its own).
      registeredOn = day + sim.rng.between(14, 60);
      agenda.add(registeredOn, 'hukou_birth', child, certificate === '' ? 0 : 1);
      sim.birthCertificates.set(child, certificate);
    }
  }
  for (const [offset, vaccine, dose] of [[0, 'HepB', 1], [0, 'BCG', 1], [30, 'HepB', 2], [60, 'OPV', 1], [180, 'HepB', 3]] as const) {
    agenda.add(day + offset, 'vaccination', child, encodeVaccine(vaccine, dose, registeredOn - day <= offset));
  }
  agenda.add(day + sim.rng.between(42, 180), 'post_birth_contraception', mother);
  if (pop.hukouVillage[mother] !== NONE) agenda.add(day + sim.rng.between(30, 180), 'insurance_after_birth', mother, child);
  agenda.add(day + sim.rng.between(5, 40), 'profile_update', mother);
}

const VACCINES = ['HepB', 'BCG', 'OPV'] as const;
function encodeVaccine(vaccine: (typeof VACCINES)[number], dose: number, hasId: boolean): number {
  return VACCINES.indexOf(vaccine) * 100 + dose * 10 + (hasId ? 1 : 0);
}

/** Vaccination records: before the child has an ID number, it is named by mother, birth date and sex. */
export function reportVaccination(sim: Sim, item: AgendaItem): void {
  const pop = sim.population;
  const child = item.person;
  if (!pop.alive[child] || !pop.present[child]) return;
  const vaccine = VACCINES[Math.floor(item.arg / 100)]!;
  const dose = Math.floor((item.arg % 100) / 10);
  const hasId = item.arg % 10 === 1;
  const mother = pop.mother[child]!;
  sim.submit('vaccination', sim.model.hospitalOf[sim.town(child)]!, item.day, {
    vaccine,
    vaccinated_on: isoDate(item.day),
    child_id_number: hasId ? sim.id(child) : undefined,
    mother_id_number: mother !== NONE ? sim.id(mother) : undefined,
    child_birth_date: isoDate(pop.birth[child]!),
    child_sex: String(pop.sex[child]),
    dose,
  }, [child]);
}
