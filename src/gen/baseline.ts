import { isoDate, monthLabel, type Day, type MonthIndex } from './calendar.js';
import type { OutputWriter } from './output.js';
import { maybeConceive } from './life-events.js';
import { Marital, NONE } from './population.js';
import type { Sim } from './sim.js';

/**
 * The state of services on the start day that no event of the run explains: contraception of
 * married women, residence permits of floating residents, only-child insurance policies.
 */
export function seedServiceState(sim: Sim, start: Day): void {
  const pop = sim.population;
  for (let p = 0; p < pop.count; p += 1) {
    const age = Math.floor((start - pop.birth[p]!) / 365.25);
    if (pop.sex[p] === 2 && pop.marital[p] === Marital.Married && age >= 15 && age <= 49) {
      const children = pop.children(p);
      const roll = sim.rng.next();
      if (children >= 2) pop.contraception[p] = roll < 0.15 ? 3 : roll < 0.45 ? 1 : roll < 0.5 ? 5 : 0;
      else if (children === 1) pop.contraception[p] = roll < 0.5 ? 1 : roll < 0.55 ? 5 : 0;
    }
    // Pregnancies already under way on the start day: replay the nine months before it.
    if (pop.sex[p] === 2 && age >= 15 && age <= 50) {
      for (let back = 9; back >= 1; back -= 1) {
        const monthDay = start - back * 30;
        maybeConceive(sim, p, Math.floor((monthDay - pop.birth[p]!) / 365.25), monthDay, 30);
      }
    }
    if (pop.floating[p] && age >= 16 && sim.rng.chance(0.7)) pop.permitUntil[p] = start + sim.rng.between(20, 3 * 365);
    if (pop.sex[p] === 2 && pop.hukouVillage[p] !== NONE && pop.children(p) === 1 && age < 60 && sim.rng.chance(0.3)) pop.insured[p] = 1;
    // 双女绝育户养老保险: older mothers of two daughters and no son.
    if (pop.sex[p] === 2 && pop.hukouVillage[p] !== NONE && pop.daughters[p] === 2 && pop.sons[p] === 0 && age >= 45 && sim.rng.chance(0.5)) pop.insured[p] = 2;
  }
}

/** Writes the registers that exist on the start day, one file per organisation, as the first submissions. */
export async function writeBaseline(sim: Sim, output: OutputWriter, month: MonthIndex, start: Day): Promise<void> {
  const pop = sim.population;
  const label = monthLabel(month);
  const submittedOn = isoDate(start);
  // Records are generated and written in chunks so that a million-person register never sits in memory.
  const emit = async (org: string, type: string, each: (add: (day: Day, values: Record<string, string | number | undefined>, subjects: number[]) => void, from: number, to: number) => void) => {
    let file: ReturnType<OutputWriter['open']> | undefined;
    const CHUNK = 20_000;
    for (let from = 0; from < pop.count; from += CHUNK) {
      each((day, values, subjects) => sim.submit(type, org, day, values, subjects, start - 1), from, Math.min(pop.count, from + CHUNK));
      for (const list of sim.recorder.takeMonth(month).values()) {
        for (const record of list) {
          file ??= output.open(label, org, type, 'baseline', submittedOn);
          await file.write(record);
        }
      }
    }
    await file?.close();
  };
  for (let town = 0; town < sim.model.towns.length; town += 1) {
    await emit(sim.model.policeOf[town]!, 'hukou_register', (add, from, to) => {
      for (let p = from; p < to; p += 1) {
        if (!pop.alive[p] || pop.external[p] || pop.hukouVillage[p] === NONE || sim.hukouTown(p) !== town) continue;
        const registered = Math.max(pop.birth[p]! + sim.rng.between(10, 90), start - sim.rng.between(30, 20 * 365));
        const spouse = pop.spouse[p]!;
        add(registered, {
          id_number: sim.id(p),
          name: pop.name[p],
          sex: String(pop.sex[p]),
          birth_date: isoDate(pop.birth[p]!),
          division: sim.villageCode(pop.hukouVillage[p]!),
          registered_on: isoDate(Math.min(registered, start - 1)),
          household_number: sim.householdNumber(p),
          relation_to_head: pop.mother[p] !== NONE ? (pop.sex[p] === 1 ? '20' : '30') : spouse !== NONE && pop.sex[p] === 2 ? '10' : '02',
          mother_id_number: pop.mother[p] !== NONE ? sim.id(pop.mother[p]!) : undefined,
          father_id_number: pop.father[p] !== NONE ? sim.id(pop.father[p]!) : undefined,
          spouse_id_number: spouse !== NONE ? sim.id(spouse) : undefined,
          marital_status: String(pop.marital[p]),
          ethnicity: String(pop.ethnicity[p]).padStart(2, '0'),
          address: sim.address(pop.hukouVillage[p]!, pop.household[p]!),
        }, [p]);
      }
    });
    await emit(sim.model.policeOf[town]!, 'residence_permit', (add, from, to) => {
      for (let p = from; p < to; p += 1) {
        if (!pop.alive[p] || !pop.floating[p] || pop.permitUntil[p] === NONE || sim.town(p) !== town) continue;
        const until = pop.permitUntil[p]!;
        const from = Math.max(pop.birth[p]! + 16 * 366, until - sim.rng.between(1, 3) * 365);
        const village = pop.residenceVillage[p]!;
        add(from, {
          id_number: sim.id(p),
          name: pop.name[p],
          sex: String(pop.sex[p]),
          birth_date: isoDate(pop.birth[p]!),
          division: sim.villageCode(village),
          valid_from: isoDate(Math.min(from, start - 1)),
          hukou_division: sim.homeCountyCode(p),
          address: sim.address(village, pop.household[p]!),
          permit_number: `${sim.districtCode.slice(0, 6)}${String(sim.nextSerial()).padStart(10, '0')}`,
          valid_to: isoDate(until),
          marital_status: String(pop.marital[p]),
        }, [p]);
      }
    });
    await emit(sim.model.townOrgOf[town]!, 'woman_profile', (add, from, to) => {
      for (let p = from; p < to; p += 1) {
        const age = Math.floor((start - pop.birth[p]!) / 365.25);
        if (!pop.alive[p] || pop.external[p] || pop.sex[p] !== 2 || age < 15 || age > 49 || pop.marital[p] === Marital.Single || sim.town(p) !== town) continue;
        if (pop.marital[p] === Marital.Married && sim.rng.chance(sim.contradictions.woman_profile_missing)) {
          // The town leaves her out of its profiles, and never profiles her later either.
          sim.unprofiled.add(p);
          sim.truth.contradiction('woman_profile_missing', sim.id(p), isoDate(start - 1), 'a married woman of childbearing age the town never profiles');
          continue;
        }
        add(start - 1, sim.womanProfile(p, start - 1), [p]);
      }
    });
  }
  await emit('LABOR-SI', 'two_daughter_pension', (add, from, to) => {
    for (let p = from; p < to; p += 1) {
      if (pop.insured[p] !== 2 || !pop.alive[p]) continue;
      const enrolled = start - sim.rng.between(60, 3000);
      add(enrolled, { id_number: sim.id(p), enrolled_on: isoDate(enrolled), status: '1' }, [p]);
    }
  });
  await emit('LABOR-SI', 'only_child_insurance', (add, from, to) => {
    for (let p = from; p < to; p += 1) {
      if (pop.insured[p] !== 1 || !pop.alive[p]) continue;
      const child = sim.childrenOf(p)[0];
      const enrolled = Math.min(start - 1, (child !== undefined ? pop.birth[child]! : start - 400) + sim.rng.between(30, 365));
      add(enrolled, { id_number: sim.id(p), enrolled_on: isoDate(enrolled), child_id_number: child !== undefined ? sim.id(child) : undefined, policy_number: `DS${sim.id(p).slice(-8)}`, status: '1' }, child !== undefined ? [p, child] : [p]);
    }
  });
}
