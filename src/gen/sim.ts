import { creditCheckChar, CREDIT_CODE_CHARSET } from '../platform/identity/index.js';
import { compareNames } from '../registry/linkage/comparison-levels.js';
import { prepareRecord } from '../registry/linkage/prepare-record.js';
import { isoDate, partsOf, type Day } from './calendar.js';
import { COUNTIES } from './data/other-counties.js';
import type { DistrictModel } from './district-model.js';
import type { IdAllocator } from './id-allocator.js';
import { Agenda } from './agenda.js';
import type { ContradictionRates } from './imperfections.js';
import type { NameMaker } from './name-maker.js';
import { NONE, type Population } from './population.js';
import type { Recorder, RecordValues } from './recorder.js';
import { Rng } from './rng.js';
import type { TruthLog } from './truth-log.js';

/** Everything the monthly event functions share: the people, the district, the departments. */
export class Sim {
  readonly rng: Rng;
  /** Birth certificate numbers waiting for the police registration of the child. */
  readonly birthCertificates = new Map<number, string>();
  readonly agenda = new Agenda();
  /** Credit codes of enterprises registered during the run (for employers and closures). */
  readonly enterprises: string[] = [];
  /** Persons divorced this month: they remarry in a later month at the earliest (a marriage dated before the divorce would be impossible). */
  readonly divorcedThisMonth = new Set<number>();
  /** Women a town left out of its profiles for good (the woman_profile_missing contradiction). */
  readonly unprofiled = new Set<number>();
  /** The name a town profiles a woman under when it differs from her own (the name_disagreement contradiction). */
  readonly townNames = new Map<number, string>();
  private serial = 0;

  constructor(
    readonly seed: string,
    readonly population: Population,
    readonly model: DistrictModel,
    readonly names: NameMaker,
    readonly ids: IdAllocator,
    readonly recorder: Recorder,
    readonly truth: TruthLog,
    readonly contradictions: ContradictionRates,
    readonly districtCode: string,
  ) {
    this.rng = Rng.fork(seed, 'life');
  }

  id(p: number): string {
    return this.population.idNumber[p]!;
  }

  /** Town index where the person lives (residence), for town-level reporting. */
  town(p: number): number {
    return this.model.townOfVillage(this.population.residenceVillage[p]!);
  }

  hukouTown(p: number): number {
    const village = this.population.hukouVillage[p]!;
    return village === NONE ? NONE : this.model.townOfVillage(village);
  }

  villageCode(village: number): string {
    return this.model.villages[village]!.code;
  }

  /** The county code of a person's registration when it is outside the district. */
  homeCountyCode(p: number): string {
    const county = this.population.homeCounty[p]!;
    return county === NONE ? '' : `${COUNTIES[county]!.code}000000`;
  }

  /** A street address in a village, as departments write it. */
  address(village: number, house: number): string {
    const row = this.model.villages[village]!;
    const short = row.name.replace(/(社区居民委员会|社区居委会|居民委员会|居委会|村民委员会|村委会)$/, '');
    return `${short}${(house % 280) + 1}号`;
  }

  householdNumber(p: number): string {
    const town = this.model.towns[this.hukouTown(p) === NONE ? this.town(p) : this.hukouTown(p)]!;
    return `${town.code.slice(6, 9)}${String(this.population.household[p]! % 1_000_000).padStart(6, '0')}`;
  }

  /** The town office that profiles this woman; the village office instead where it has one. */
  townReporter(p: number): string {
    const town = this.town(p);
    const villageOrg = this.model.villageOrgOf[town];
    if (villageOrg && villageOrg.village === this.population.residenceVillage[p] && this.rng.chance(0.5)) return villageOrg.code;
    return this.model.townOrgOf[town]!;
  }

  private children?: Map<number, number[]>;

  /** The children of a mother (built once from the population, then kept up to date). */
  childrenOf(mother: number): readonly number[] {
    if (!this.children) {
      this.children = new Map();
      for (let c = 0; c < this.population.count; c += 1) {
        const m = this.population.mother[c]!;
        if (m !== NONE) this.addChild(m, c);
      }
    }
    return this.children.get(mother) ?? [];
  }

  addChild(mother: number, child: number): void {
    if (!this.children) return;
    const list = this.children.get(mother);
    if (list) list.push(child);
    else this.children.set(mother, [child]);
  }

  /** Household numbers continue after the initial population's. */
  householdCount = 0;

  nextHousehold(): number {
    this.householdCount += 1;
    return this.householdCount - 1;
  }

  nextSerial(): number {
    this.serial += 1;
    return this.serial;
  }

  certificate(prefix: string, day: Day): string {
    return `${prefix}${partsOf(day).year}${String(this.nextSerial()).padStart(7, '0')}`;
  }

  /** A valid GB 32100 credit code: 92… for individual businesses, 91… for enterprises. */
  creditCode(kind: '91' | '92'): string {
    let body = `${kind}${this.districtCode.slice(0, 6)}`;
    for (let i = 0; i < 9; i += 1) body += CREDIT_CODE_CHARSET[this.rng.int(CREDIT_CODE_CHARSET.length)];
    return body + creditCheckChar(body);
  }

  submit(type: string, org: string, eventDay: Day, values: RecordValues, subjects: number[], processedDay?: Day): void {
    this.recorder.submit(type, org, eventDay, values, subjects.map((p) => this.id(p)), processedDay);
  }

  private readonly profiledOnce = new Set<number>();

  /** The true state of a woman as her town profiles her (under another name, for the few a town has wrong). */
  womanProfile(p: number, day: Day): RecordValues {
    const pop = this.population;
    if (!this.profiledOnce.has(p)) {
      this.profiledOnce.add(p);
      if (this.rng.chance(this.contradictions.name_disagreement)) {
        const other = differentName(this, p);
        if (other) {
          this.townNames.set(p, other);
          this.truth.contradiction('name_disagreement', this.id(p), isoDate(day), `the town profiles her as ${other}, the police as ${pop.name[p]}`);
        }
      }
    }
    const spouse = pop.spouse[p]!;
    return {
      id_number: this.id(p),
      name: this.townNames.get(p) ?? pop.name[p],
      birth_date: isoDate(pop.birth[p]!),
      marital_status: String(pop.marital[p]),
      division: this.villageCode(pop.residenceVillage[p]!),
      spouse_id_number: spouse !== NONE && pop.marital[p] === 20 ? this.id(spouse) : undefined,
      sons: pop.sons[p],
      daughters: pop.daughters[p],
      contraception_method: pop.contraception[p] ? String(pop.contraception[p]) : undefined,
      address: this.address(pop.residenceVillage[p]!, pop.household[p]!),
      recorded_on: isoDate(day),
    };
  }

  /** A day of the month starting at `start` with `days` days. */
  dayIn(start: Day, days: number): Day {
    return start + this.rng.int(days);
  }
}

/** The level of the registry's name comparison beyond which two names are different names (not a homophone, variant or near-identical spelling). */
const DIFFERENT_NAME_LEVEL = 4;

/** Another given name for a person under the same surname, one the registry's name comparison calls different; undefined if none is drawn. */
function differentName(sim: Sim, p: number): string | undefined {
  const pop = sim.population;
  const own = prepareRecord({ id: '', name: pop.name[p] }).fullName;
  const surname = sim.names.surnames[pop.surname[p]!]!;
  for (let tries = 0; tries < 20; tries += 1) {
    const name = surname + sim.names.drawGivenName(sim.rng, pop.sex[p] as 1 | 2, partsOf(pop.birth[p]!).year);
    const other = prepareRecord({ id: '', name }).fullName;
    if (own && other && compareNames(own, other) >= DIFFERENT_NAME_LEVEL) return name;
  }
  return undefined;
}
