import type { AgendaItem } from './agenda.js';
import { isoDate, type Day } from './calendar.js';
import { Marital, NONE } from './population.js';
import type { Sim } from './sim.js';

/** Police registration of a newborn, contraception after a birth, insurance, profile updates. */
export function handleFamilyItem(sim: Sim, item: AgendaItem): boolean {
  const pop = sim.population;
  const p = item.person;
  switch (item.kind) {
    case 'hukou_birth':
      if (pop.alive[p] && pop.present[p]) registerNewborn(sim, p, item.day);
      return true;
    case 'post_birth_contraception':
      if (pop.alive[p] && pop.present[p] && pop.due[p] === NONE && sim.rng.chance(0.45)) {
        const sterilise = pop.children(p) >= 2 && sim.rng.chance(0.15);
        contraception(sim, p, item.day, sterilise ? 3 : sim.rng.chance(0.85) ? 1 : 5);
      }
      return true;
    case 'followup':
      if (pop.alive[p] && pop.present[p]) {
        sim.submit('contraception_followup', 'MCH', item.day, { id_number: sim.id(p), followed_up_on: isoDate(item.day), result: sim.rng.chance(0.95) ? '1' : '2' }, [p]);
      }
      return true;
    case 'insurance_after_birth':
      insuranceAfterBirth(sim, p, item.arg, item.day);
      return true;
    case 'profile_update':
      if (pop.alive[p] && pop.present[p]) profileUpdate(sim, p, item.day);
      return true;
    default:
      return false;
  }
}

function registerNewborn(sim: Sim, child: number, day: Day): void {
  const pop = sim.population;
  const mother = pop.mother[child]!;
  const father = pop.father[child]!;
  const village = pop.hukouVillage[child]!;
  sim.submit('hukou_birth', sim.model.policeOf[sim.model.townOfVillage(village)]!, day, {
    id_number: sim.id(child),
    name: pop.name[child],
    sex: String(pop.sex[child]),
    birth_date: isoDate(pop.birth[child]!),
    division: sim.villageCode(village),
    registered_on: isoDate(day),
    mother_id_number: mother !== NONE ? sim.id(mother) : undefined,
    father_id_number: father !== NONE ? sim.id(father) : undefined,
    birth_certificate_number: sim.birthCertificates.get(child),
    household_number: sim.householdNumber(child),
    address: sim.address(village, pop.household[child]!),
    ethnicity: String(pop.ethnicity[mother === NONE ? child : mother]).padStart(2, '0'),
    relation_to_head: pop.sex[child] === 1 ? '20' : '30',
  }, [child]);
  sim.birthCertificates.delete(child);
  sim.truth.event({ kind: 'hukou_registered', date: isoDate(day), person: sim.id(child) });
}

/** A contraceptive procedure, reported by the service station or the town, with a follow-up. */
export function contraception(sim: Sim, p: number, day: Day, method: number): void {
  const pop = sim.population;
  pop.contraception[p] = method === 2 ? 0 : method;
  // Villages may not report procedures (the catalog: mch and towns): the town office does.
  const org = sim.rng.chance(0.7) ? 'MCH' : sim.model.townOrgOf[sim.town(p)]!;
  sim.submit('contraception', org, day, { id_number: sim.id(p), method: String(method), performed_on: isoDate(day) }, [p]);
  sim.truth.event({ kind: 'contraception', date: isoDate(day), person: sim.id(p), method });
  if (method !== 2) sim.agenda.add(day + sim.rng.between(80, 100), 'followup', p);
  sim.agenda.add(day + sim.rng.between(3, 30), 'profile_update', p);
}

function insuranceAfterBirth(sim: Sim, mother: number, child: number, day: Day): void {
  const pop = sim.population;
  if (!pop.alive[mother] || !pop.present[mother]) return;
  const policy = `DS${sim.id(mother).slice(-8)}`;
  if (pop.children(mother) === 1 && !pop.insured[mother] && sim.rng.chance(0.25)) {
    pop.insured[mother] = 1;
    sim.submit('only_child_insurance', 'LABOR-SI', day, { id_number: sim.id(mother), enrolled_on: isoDate(day), child_id_number: sim.id(child), policy_number: policy, status: '1' }, [mother, child]);
    sim.truth.event({ kind: 'insurance_enrolled', date: isoDate(day), person: sim.id(mother) });
  } else if (pop.children(mother) > 1 && pop.insured[mother] === 1) {
    if (sim.rng.chance(sim.contradictions.only_child_with_sibling)) {
      sim.truth.contradiction('only_child_with_sibling', sim.id(mother), isoDate(day), 'only-child insurance kept after a further child was born');
      return;
    }
    pop.insured[mother] = 0;
    sim.submit('only_child_insurance', 'LABOR-SI', day, { id_number: sim.id(mother), enrolled_on: isoDate(day), policy_number: policy, status: '2' }, [mother]);
  }
}

/** The town reports a change in a woman of childbearing age's profile. */
export function profileUpdate(sim: Sim, p: number, day: Day): void {
  const pop = sim.population;
  const age = Math.floor((day - pop.birth[p]!) / 365.25);
  if (pop.sex[p] !== 2 || age < 15 || age > 49 || pop.marital[p] === Marital.Single || sim.unprofiled.has(p)) return;
  sim.submit('woman_profile', sim.townReporter(p), day, sim.womanProfile(p, day), [p]);
}
