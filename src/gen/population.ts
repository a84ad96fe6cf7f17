import type { Day } from './calendar.js';

export const NONE = -1;

/** Marital status codes (GB/T 2261.2 major classes). */
export const enum Marital {
  Single = 10,
  Married = 20,
  Widowed = 30,
  Divorced = 40,
}

/**
 * Every simulated person, as columns of typed arrays (a million persons in tens of MB, where
 * objects would take hundreds). Index = person number; `-1` (NONE) means "no one"/"no day".
 */
export class Population {
  count = 0;
  birth: Int32Array;
  sex: Uint8Array;
  /** 1 while alive. */
  alive: Uint8Array;
  death: Int32Array;
  /** 1 while living in the district. */
  present: Uint8Array;
  /** Day the person arrived in the district (born or moved in during the run), or NONE if there at the start. */
  arrived: Int32Array;
  /** Day the person left the district, or NONE. */
  left: Int32Array;
  /** Village index of the household registration (户籍地) in the district, or NONE. */
  hukouVillage: Int16Array;
  /** Village index of residence (居住地). */
  residenceVillage: Int16Array;
  /** For people registered elsewhere: index into the other-counties table. */
  homeCounty: Int16Array;
  floating: Uint8Array;
  marital: Uint8Array;
  marriages: Uint8Array;
  spouse: Int32Array;
  mother: Int32Array;
  father: Int32Array;
  household: Int32Array;
  sons: Uint8Array;
  daughters: Uint8Array;
  lastBirth: Int32Array;
  /** Pregnancy: expected delivery day, or NONE. */
  due: Int32Array;
  conceived: Int32Array;
  /** Planned outcome of the current pregnancy: 1 live birth, 2 induced termination, 3 loss. */
  outcome: Uint8Array;
  /** Current contraception method code (contraception table), 0 none. */
  contraception: Uint8Array;
  /** Residence permit valid until (day), or NONE. */
  permitUntil: Int32Array;
  /** 1 while enrolled in only-child household insurance. */
  insured: Uint8Array;
  /** 1 while holding a business licence. */
  licensed: Uint8Array;
  /** 1 for people who never lived in the district (a spouse from elsewhere). */
  external: Uint8Array;
  surname: Uint16Array;
  ethnicity: Uint8Array;
  idNumber: string[] = [];
  name: string[] = [];

  constructor(public capacity: number) {
    this.birth = new Int32Array(capacity);
    this.sex = new Uint8Array(capacity);
    this.alive = new Uint8Array(capacity);
    this.death = new Int32Array(capacity).fill(NONE);
    this.present = new Uint8Array(capacity);
    this.arrived = new Int32Array(capacity).fill(NONE);
    this.left = new Int32Array(capacity).fill(NONE);
    this.hukouVillage = new Int16Array(capacity).fill(NONE);
    this.residenceVillage = new Int16Array(capacity).fill(NONE);
    this.homeCounty = new Int16Array(capacity).fill(NONE);
    this.floating = new Uint8Array(capacity);
    this.marital = new Uint8Array(capacity).fill(Marital.Single);
    this.marriages = new Uint8Array(capacity);
    this.spouse = new Int32Array(capacity).fill(NONE);
    this.mother = new Int32Array(capacity).fill(NONE);
    this.father = new Int32Array(capacity).fill(NONE);
    this.household = new Int32Array(capacity).fill(NONE);
    this.sons = new Uint8Array(capacity);
    this.daughters = new Uint8Array(capacity);
    this.lastBirth = new Int32Array(capacity).fill(NONE);
    this.due = new Int32Array(capacity).fill(NONE);
    this.conceived = new Int32Array(capacity).fill(NONE);
    this.outcome = new Uint8Array(capacity);
    this.contraception = new Uint8Array(capacity);
    this.permitUntil = new Int32Array(capacity).fill(NONE);
    this.insured = new Uint8Array(capacity);
    this.licensed = new Uint8Array(capacity);
    this.external = new Uint8Array(capacity);
    this.surname = new Uint16Array(capacity);
    this.ethnicity = new Uint8Array(capacity).fill(1);
  }

  /** Adds a person (alive, present) and returns its index. */
  add(birth: Day, sex: 1 | 2): number {
    if (this.count >= this.capacity) this.grow();
    const index = this.count;
    this.count += 1;
    this.birth[index] = birth;
    this.sex[index] = sex;
    this.alive[index] = 1;
    this.present[index] = 1;
    return index;
  }

  /** Counts a child of this sex for a parent. */
  countChild(parent: number, sex: number): void {
    if (sex === 1) this.sons[parent] = this.sons[parent]! + 1;
    else this.daughters[parent] = this.daughters[parent]! + 1;
  }

  children(index: number): number {
    return this.sons[index]! + this.daughters[index]!;
  }

  private grow(): void {
    const next = Math.ceil(this.capacity * 1.25) + 1024;
    for (const key of Object.keys(this) as Array<keyof this>) {
      const column = this[key];
      if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
        const Ctor = (column as unknown as { constructor: new (n: number) => Int32Array }).constructor;
        const bigger = new Ctor(next);
        bigger.set(column as unknown as Int32Array);
        if (NONE_FILLED.has(key as string)) bigger.fill(NONE, this.capacity);
        if (key === 'marital') bigger.fill(Marital.Single, this.capacity);
        if (key === 'ethnicity') bigger.fill(1, this.capacity);
        (this as Record<string, unknown>)[key as string] = bigger;
      }
    }
    this.capacity = next;
  }
}

const NONE_FILLED = new Set([
  'death',
  'arrived',
  'left',
  'hukouVillage',
  'residenceVillage',
  'homeCounty',
  'spouse',
  'mother',
  'father',
  'household',
  'lastBirth',
  'due',
  'conceived',
  'permitUntil',
]);
