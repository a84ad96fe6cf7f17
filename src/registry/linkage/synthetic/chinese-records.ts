import * as OpenCC from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { idCheckChar } from '../../../platform/identity/index.js';
import type { LinkRecord } from '../link-record.js';
import { createRandom } from '../random.js';
import { GIVEN_CHARS, HOMOPHONES, ROADS, SURNAMES, TOWNS } from './chinese-name-data.js';

/** A synthetic person's clean values, before any department's errors. */
interface Person {
  surname: string;
  given: string;
  sex: '1' | '2';
  birthDate: string;
  idNumber: string;
  division: string;
  address: string;
  motherIdNumber?: string;
}

export interface ChineseSyntheticOptions {
  persons: number;
  seed: number;
}

/** Kinds of error put into duplicates: the phenomena FEBRL lacks. */
export const CORRUPTIONS = [
  'homophone_given',
  'homophone_surname',
  'traditional',
  'pinyin_name',
  'placeholder',
  'day_month_swapped',
  'date_digit',
  'id_digit',
  'id_transposed',
  'id_missing',
  'id_15_digits',
  'other_village',
  'address_variant',
] as const;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/**
 * Deterministic synthetic Chinese person records with known duplicates (truth by `entity`):
 * Zipf-distributed names (many 王伟s), siblings and twins sharing a mother, and duplicates
 * carrying 1–3 errors each: homophone and polyphone name variants, traditional characters,
 * pinyin spellings (单 as "dan"), 生僻字 placeholders, swapped day/month, one-digit date and ID
 * errors, ID transpositions, missing IDs, 15-digit legacy IDs and changed villages/addresses.
 */
export function generateChineseRecords(options: ChineseSyntheticOptions): {
  records: LinkRecord[];
  entities: Map<string, string>;
} {
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const zipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length ** random()) - 1)]!;
  const persons: Person[] = [];
  while (persons.length < options.persons) {
    const mother = random() < 0.5 ? makeId(random, pick, '2', randomDate(random, 1950, 1990)) : undefined;
    const children = mother ? 1 + Math.floor(random() * 3) : 1;
    const twins = children > 1 && random() < 0.05;
    const surname = zipf(SURNAMES);
    const division = `440606${pick(TOWNS).code}${String(1 + Math.floor(random() * 20)).padStart(3, '0')}`;
    const address = `${TOWNS.find((t) => t.code === division.slice(6, 9))!.name}${pick(ROADS)}${1 + Math.floor(random() * 200)}号`;
    let birthDate = randomDate(random, mother ? 1975 : 1940, 2020);
    for (let c = 0; c < children && persons.length < options.persons; c += 1) {
      if (c > 0 && !twins)
        birthDate = randomDate(
          random,
          Number(birthDate.slice(0, 4)),
          Math.min(2022, Number(birthDate.slice(0, 4)) + 8),
        );
      const sex = random() < 0.5 ? '1' : '2';
      const given = zipf(GIVEN_CHARS) + (random() < 0.7 ? zipf(GIVEN_CHARS) : '');
      persons.push({
        surname,
        given,
        sex,
        birthDate,
        idNumber: makeId(random, pick, sex, birthDate),
        division,
        address,
        ...(mother ? { motherIdNumber: mother } : {}),
      });
    }
  }
  const records: LinkRecord[] = [];
  const entities = new Map<string, string>();
  persons.forEach((person, p) => {
    const draw = random();
    const copies = draw < 0.55 ? 1 : draw < 0.8 ? 2 : draw < 0.93 ? 3 : 4;
    for (let copy = 0; copy < copies; copy += 1) {
      const id = `r${p}-${copy}`;
      const record = toRecord(id, person);
      if (copy > 0) corrupt(record, person, random, pick);
      dropFields(record, random);
      records.push(record);
      entities.set(id, `p${p}`);
    }
  });
  for (let i = records.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return { records, entities };
}

function toRecord(id: string, person: Person): LinkRecord {
  const record: LinkRecord = {
    id,
    name: person.surname + person.given,
    sex: person.sex,
    birthDate: person.birthDate,
    idNumber: person.idNumber,
    division: person.division,
    address: person.address,
  };
  if (person.motherIdNumber) record.motherIdNumber = person.motherIdNumber;
  return record;
}

function corrupt(record: LinkRecord, person: Person, random: () => number, pick: <T>(list: readonly T[]) => T): void {
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n += 1) applyCorruption(pick(CORRUPTIONS), record, person, random, pick);
}

function applyCorruption(
  kind: (typeof CORRUPTIONS)[number],
  record: LinkRecord,
  person: Person,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): void {
  const name = record.name ?? person.surname + person.given;
  switch (kind) {
    case 'homophone_given':
    case 'homophone_surname': {
      const chars = [...name];
      const at = kind === 'homophone_surname' ? 0 : chars.length - 1;
      const group = HOMOPHONES.find((g) => g.includes(chars[at]!));
      if (group) chars[at] = pick(group.filter((c) => c !== chars[at]));
      record.name = chars.join('');
      return;
    }
    case 'traditional':
      record.name = toTraditional(name);
      if (record.address) record.address = toTraditional(record.address);
      return;
    case 'pinyin_name':
      record.name = pinyinSpelling(person);
      return;
    case 'placeholder': {
      const chars = [...name];
      chars[chars.length - 1] = '□';
      record.name = chars.join('');
      return;
    }
    case 'day_month_swapped': {
      const [y, m, d] = person.birthDate.split('-') as [string, string, string];
      if (Number(d) <= 12 && m !== d) record.birthDate = `${y}-${d}-${m}`;
      return;
    }
    case 'date_digit':
      record.birthDate = replaceDigit(person.birthDate, 8 + Math.floor(random() * 2), random);
      return;
    case 'id_digit':
      record.idNumber = replaceDigit(person.idNumber, Math.floor(random() * 17), random);
      return;
    case 'id_transposed': {
      const at = 6 + Math.floor(random() * 10);
      const id = person.idNumber;
      record.idNumber = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
      return;
    }
    case 'id_missing':
      delete record.idNumber;
      return;
    case 'id_15_digits':
      if (person.birthDate < '2000') record.idNumber = person.idNumber.slice(0, 6) + person.idNumber.slice(8, 17);
      return;
    case 'other_village':
      record.division = person.division.slice(0, 9) + String(1 + Math.floor(random() * 20)).padStart(3, '0');
      return;
    case 'address_variant':
      record.address = person.address.replace(/号$/, '').replace(/(街道|镇)/, '$1 ');
      return;
  }
}

/** How a department without Chinese input might spell the name: everyday readings, so 单 becomes "dan", 曾 "ceng". */
function pinyinSpelling(person: Person): string {
  const read = (text: string) => pinyin(text, { toneType: 'none', type: 'array' }).join('');
  return `${read(person.surname)} ${read(person.given)}`;
}

function dropFields(record: LinkRecord, random: () => number): void {
  if (random() < 0.3) delete record.motherIdNumber;
  if (random() < 0.1) delete record.sex;
  if (random() < 0.15) delete record.address;
  if (random() < 0.1) delete record.division;
}

function replaceDigit(text: string, at: number, random: () => number): string {
  const digits = [...text];
  let index = at;
  while (!/\d/.test(digits[index] ?? '')) index += 1;
  const old = digits[index]!;
  let next = old;
  while (next === old) next = String(Math.floor(random() * 10));
  digits[index] = next;
  return digits.join('');
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function makeId(random: () => number, pick: <T>(list: readonly T[]) => T, sex: '1' | '2', birthDate: string): string {
  const county = pick(['440606', '440604', '440605', '440607', '445102', '440105']);
  const order = Math.floor(random() * 49) * 2 + (sex === '1' ? 1 : 2);
  const body = `${county}${birthDate.replace(/-/g, '')}${String(Math.floor(random() * 10))}${String(order).padStart(2, '0')}`;
  return body + idCheckChar(body);
}
