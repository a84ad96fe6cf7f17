import fs from 'node:fs';
import path from 'node:path';
import { readDistrictFile, SHIPPED_DISTRICT_FILE } from '../platform/district/district-file.js';
import { createTabularWriter } from '../platform/tabular/tabular-writer.js';
import { writeBaseline, seedServiceState } from './baseline.js';
import { isoDate, monthLabel, monthStart, parseMonth, type MonthIndex } from './calendar.js';
import { adoptionMonth, maybeDivorce, MarriageMarket, reportCheckup } from './civil-events.js';
import { COUNTIES } from './data/other-counties.js';
import { DistrictModel } from './district-model.js';
import { economyMonth, lapsedPermitsOfLicensees } from './economy-events.js';
import { computeExpectedIndicators } from './expected-indicators.js';
import { handleFamilyItem } from './family-services.js';
import { IdAllocator } from './id-allocator.js';
import { DEFAULT_CONTRADICTION_RATES, DEFAULT_ERROR_RATES, type ContradictionRates, type ErrorRates } from './imperfections.js';
import { buildInitialPopulation } from './initial-population.js';
import { handleLifeItem, maybeConceive, maybeDie, reportVaccination } from './life-events.js';
import { arrivals, issuePermit, maybeDepart, maybeMoveOut } from './mobility-events.js';
import { NameMaker } from './name-maker.js';
import { OutputWriter } from './output.js';
import { Marital, NONE } from './population.js';
import { Recorder } from './recorder.js';
import { Rng } from './rng.js';
import { Sim } from './sim.js';
import { TruthLog } from './truth-log.js';

export interface GenerateOptions {
  persons: number;
  seed: string;
  out: string;
  months: number;
  /** First month simulated, `YYYY-MM`. */
  start: string;
  districtFile?: string;
  floatingShare?: number;
  errorRates?: Partial<ErrorRates>;
  contradictionRates?: Partial<ContradictionRates>;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface GenerateSummary {
  persons: number;
  households: number;
  files: number;
  records: number;
  births: number;
  deaths: number;
  contradictions: number;
}

/**
 * `popx gen`: a synthetic district — the population, its life over the months, what every
 * department submits with realistic lags and imperfections, and the ground truth.
 */
export async function generateDistrict(options: GenerateOptions): Promise<GenerateSummary> {
  if (!Number.isInteger(options.persons) || options.persons < 100) throw new Error('--persons must be a whole number of at least 100');
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 120) throw new Error('--months must be between 1 and 120');
  const firstMonth: MonthIndex = parseMonth(options.start);
  const seed = options.seed;
  const profile = readDistrictFile(options.districtFile ?? SHIPPED_DISTRICT_FILE);
  const model = new DistrictModel(profile, seed);
  const names = new NameMaker();
  const ids = new IdAllocator(Rng.fork(seed, 'ids'));
  const start = monthStart(firstMonth);
  fs.rmSync(options.out, { recursive: true, force: true });
  fs.mkdirSync(path.join(options.out, 'truth'), { recursive: true });
  const { population, households } = buildInitialPopulation(model, names, ids, {
    persons: options.persons,
    floatingShare: options.floatingShare ?? 0.25,
    start,
    seed,
  });
  const rates = { ...DEFAULT_ERROR_RATES, ...options.errorRates };
  const recorder = new Recorder(seed, rates, firstMonth + options.months - 1);
  recorder.openMonth = firstMonth - 1;
  const truth = new TruthLog(path.join(options.out, 'truth', 'events.ndjson'));
  recorder.onDropped = (record) => truth.event({ kind: 'record_not_submitted', reason: 'after_run', date: record.eventDate, person: record.subjects[0] ?? '', persons: record.subjects.join(';'), org: record.org, type: record.type, record_id: record.recordId });
  const sim = new Sim(seed, population, model, names, ids, recorder, truth, { ...DEFAULT_CONTRADICTION_RATES, ...options.contradictionRates }, profile.code);
  sim.householdCount = households;
  const output = new OutputWriter(options.out);
  const outputRng = Rng.fork(seed, 'files');
  seedServiceState(sim, start);
  await writeBaseline(sim, output, firstMonth - 1, start);
  options.onProgress?.(0, options.months, 'baseline');
  let registeredBase = 0;
  let floatingBase = 0;
  for (let p = 0; p < population.count; p += 1) {
    if (population.floating[p]) floatingBase += 1;
    else registeredBase += 1;
  }
  for (let i = 0; i < options.months; i += 1) {
    const month = firstMonth + i;
    recorder.openMonth = month;
    simulateMonth(sim, month, registeredBase, floatingBase);
    truth.flush();
    await writeMonth(sim, output, outputRng, month, rates);
    options.onProgress?.(i + 1, options.months, monthLabel(month));
  }
  lapsedPermitsOfLicensees(sim, monthStart(firstMonth + options.months) - 1);
  await writeTruth(sim, options.out, firstMonth, options.months);
  await truth.close();
  await output.close();
  return {
    persons: population.count,
    households: sim.householdCount,
    files: output.manifest.length,
    records: output.manifest.reduce((sum, e) => sum + e.rows, 0),
    births: truth.births.length,
    deaths: truth.deaths.length,
    contradictions: truth.contradictions.length,
  };
}

function simulateMonth(sim: Sim, month: MonthIndex, registeredBase: number, floatingBase: number): void {
  const pop = sim.population;
  const from = monthStart(month);
  const days = monthStart(month + 1) - from;
  const market = new MarriageMarket();
  sim.divorcedThisMonth.clear();
  const count = pop.count;
  for (let p = 0; p < count; p += 1) {
    if (!pop.alive[p] || !pop.present[p] || pop.external[p]) continue;
    const age = Math.floor((from + 15 - pop.birth[p]!) / 365.25);
    if (maybeDie(sim, p, age, from, days)) continue;
    if (pop.floating[p]) maybeDepart(sim, p, from, days);
    else maybeMoveOut(sim, p, from, days);
    if (!pop.present[p]) continue;
    if (pop.sex[p] === 2) {
      maybeConceive(sim, p, age, from, days);
      if (pop.marital[p] === Marital.Married) maybeDivorce(sim, p, from, days);
    }
    if (pop.marital[p] !== Marital.Married && age >= 20 && !sim.divorcedThisMonth.has(p)) market.consider(sim, p, age);
    const until = pop.permitUntil[p]!;
    if (until !== NONE && until >= from && until < from + days && sim.rng.chance(0.7)) issuePermit(sim, p, until - sim.rng.int(20));
  }
  market.settle(sim, from, days);
  arrivals(sim, from, days, registeredBase, floatingBase);
  economyMonth(sim, from, days, registeredBase + floatingBase);
  adoptionMonth(sim, from, days, registeredBase + floatingBase);
  // Last, so that what the month's marriages and arrivals schedule within the month happens too.
  sim.agenda.run(month, (item) => {
    if (handleLifeItem(sim, item) || handleFamilyItem(sim, item)) return;
    if (item.kind === 'vaccination') reportVaccination(sim, item);
    else if (item.kind === 'checkup') reportCheckup(sim, item.person, item.day);
  });
}

async function writeMonth(sim: Sim, output: OutputWriter, rng: Rng, month: MonthIndex, rates: ErrorRates): Promise<void> {
  const bucket = sim.recorder.takeMonth(month);
  const label = monthLabel(month);
  const nextMonth = monthStart(month + 1);
  for (const key of [...bucket.keys()].sort()) {
    const [org, type] = key.split('\u0000') as [string, string];
    const records = bucket.get(key)!;
    if (rng.chance(rates.missing_file)) {
      for (const record of records) sim.truth.event({ kind: 'record_not_submitted', date: label, person: record.subjects[0] ?? '', persons: record.subjects.join(';'), org, type, record_id: record.recordId });
      sim.truth.missingFiles.push({ org, type, month: label, records: records.length });
      continue;
    }
    const late = rng.chance(rates.late_file);
    const submitted = nextMonth + (late ? rng.between(15, 60) : rng.between(0, 7));
    const file = output.open(label, org, type, 'monthly', isoDate(submitted));
    for (const record of records) await file.write(record);
    await file.close();
  }
}

async function writeTruth(sim: Sim, dir: string, firstMonth: MonthIndex, months: number): Promise<void> {
  const pop = sim.population;
  const truthDir = path.join(dir, 'truth');
  const columns = ['id_number', 'name', 'sex', 'birth_date', 'death_date', 'arrived_on', 'left_on', 'floating', 'external', 'hukou_division', 'residence_division', 'town', 'home_county', 'mother_id_number', 'father_id_number', 'spouse_id_number', 'marital_status', 'sons', 'daughters', 'permit_until'];
  const persons = createTabularWriter('csv_utf8', path.join(truthDir, 'persons.csv'), columns.map((key) => ({ key, header: key })));
  const day = (d: number) => (d === NONE ? '' : isoDate(d));
  for (let p = 0; p < pop.count; p += 1) {
    const pending = persons.writeRow([
      pop.idNumber[p], pop.name[p], pop.sex[p], isoDate(pop.birth[p]!), day(pop.death[p]!), day(pop.arrived[p]!), day(pop.left[p]!),
      pop.floating[p], pop.external[p],
      pop.hukouVillage[p] === NONE ? '' : sim.villageCode(pop.hukouVillage[p]!),
      pop.residenceVillage[p] === NONE ? '' : sim.villageCode(pop.residenceVillage[p]!),
      pop.residenceVillage[p] === NONE ? '' : sim.model.towns[sim.model.townOfVillage(pop.residenceVillage[p]!)]!.code,
      pop.homeCounty[p] === NONE ? '' : COUNTIES[pop.homeCounty[p]!]!.code,
      pop.mother[p] === NONE ? '' : pop.idNumber[pop.mother[p]!], pop.father[p] === NONE ? '' : pop.idNumber[pop.father[p]!],
      pop.spouse[p] === NONE ? '' : pop.idNumber[pop.spouse[p]!], pop.marital[p], pop.sons[p], pop.daughters[p], day(pop.permitUntil[p]!),
    ]);
    if (pending) await pending;
  }
  await persons.close();
  const contradictions = createTabularWriter('csv_utf8', path.join(truthDir, 'contradictions.csv'), ['kind', 'person', 'date', 'detail'].map((key) => ({ key, header: key })));
  for (const c of sim.truth.contradictions) await contradictions.writeRow([c.kind, c.person, c.day, c.detail]);
  await contradictions.close();
  fs.writeFileSync(path.join(truthDir, 'missing-files.json'), `${JSON.stringify(sim.truth.missingFiles, null, 1)}\n`);
  const indicators = computeExpectedIndicators(
    pop,
    sim.truth.births,
    sim.truth.deaths,
    (p) => (pop.residenceVillage[p] === NONE ? 0 : sim.model.townOfVillage(pop.residenceVillage[p]!)),
    sim.model.towns.map((t) => t.code),
    sim.model.tree.root.code,
    firstMonth,
    months,
  );
  fs.writeFileSync(path.join(truthDir, 'indicators.json'), `${JSON.stringify(indicators, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v), 1)}\n`);
}
