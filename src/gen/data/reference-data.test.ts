import { describe, expect, it } from 'vitest';
import {
  FOSHAN_2020,
  GUANGDONG_2020,
  HOUSEHOLD_SIZE_SHARES,
  NATIONAL_2020,
  POPULATION_BY_AGE_GUANGDONG,
  POPULATION_BY_AGE_NATIONAL,
  SHUNDE_2020,
} from './census-2020.js';
import { CURATED_VISUAL_PAIRS, HOMOPHONE_GROUPS, TRADITIONAL_VARIANTS, VISUAL_SIMILAR_PAIRS } from './confusions.js';
import { FULL_NAME_LENGTH_2020, GIVEN_NAME_CHARS, SINGLE_CHAR_GIVEN_NAME_SHARE } from './given-name-chars.js';
import { COUNTIES, HISTORICAL_COUNTIES, PROVINCE_SHARES } from './other-counties.js';
import { GUANGDONG_SURNAME_SHARES, SURNAME_WEIGHT_BASE, SURNAMES } from './surnames.js';
import {
  BIRTH_ORDER_2020_APPROX,
  BIRTH_ORDER_2022,
  DEATH_PROBABILITIES,
  FERTILITY_BY_AGE,
  FIRST_MARRIAGE_AGE_FEMALE,
  FIRST_MARRIAGE_AGE_MALE,
  GESTATION_WEEKS,
  PREGNANCY_OUTCOMES,
  TFR_2020,
} from './vital-rates.js';

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0);
const isHan = (s: string): boolean => /^[\u3400-\u9fff]+$/u.test(s);
const isBmp = (s: string): boolean => [...s].every((c) => (c.codePointAt(0) ?? 0x10000) <= 0xffff);

describe('surnames', () => {
  it('has ≥ 300 unique surnames with positive weights and a surname reading', () => {
    expect(SURNAMES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(SURNAMES.map((s) => s.surname)).size).toBe(SURNAMES.length);
    for (const s of SURNAMES) {
      expect(isHan(s.surname), s.surname).toBe(true);
      expect(s.weight).toBeGreaterThan(0);
      expect(s.pinyin).toMatch(/^[A-Z][a-zü]*$/u);
      expect(s.tone.length).toBeGreaterThan(0);
    }
  });

  it('covers ≳ 85 % of the population with the top 300', () => {
    const top = [...SURNAMES].sort((a, b) => b.weight - a.weight).slice(0, 300);
    expect(sum(top.map((s) => s.weight)) / SURNAME_WEIGHT_BASE).toBeGreaterThan(0.85);
  });

  it('carries surname readings for polyphonic surnames and includes compound and Cantonese surnames', () => {
    const reading = new Map<string, string>(SURNAMES.map((s) => [s.surname, s.pinyin]));
    const expected: Record<string, string> = {
      单: 'Shan',
      曾: 'Zeng',
      解: 'Xie',
      区: 'Ou',
      仇: 'Qiu',
      朴: 'Piao',
      查: 'Zha',
      盖: 'Ge',
      尉迟: 'Yuchi',
      乐: 'Yue',
      覃: 'Qin',
      缪: 'Miao',
      种: 'Chong',
      欧阳: 'Ouyang',
      诸葛: 'Zhuge',
      上官: 'Shangguan',
      司马: 'Sima',
    };
    for (const [s, p] of Object.entries(expected)) expect(reading.get(s), s).toBe(p);
    for (const s of ['梁', '冯', '邓', '麦', '区', '岑', '冼', '谭', '钟']) expect(reading.has(s), s).toBe(true);
    for (const g of GUANGDONG_SURNAME_SHARES) expect(reading.has(g.surname)).toBe(true);
  });
});

describe('given-name characters', () => {
  it('has ≥ 400 characters per sex, unique, BMP only, with readings', () => {
    expect(GIVEN_NAME_CHARS.filter((c) => c.male > 0).length).toBeGreaterThanOrEqual(400);
    expect(GIVEN_NAME_CHARS.filter((c) => c.female > 0).length).toBeGreaterThanOrEqual(400);
    expect(GIVEN_NAME_CHARS.filter((c) => c.male > c.female).length).toBeGreaterThanOrEqual(400);
    expect(GIVEN_NAME_CHARS.filter((c) => c.female > c.male).length).toBeGreaterThanOrEqual(400);
    expect(new Set(GIVEN_NAME_CHARS.map((c) => c.char)).size).toBe(GIVEN_NAME_CHARS.length);
    for (const c of GIVEN_NAME_CHARS) {
      expect([...c.char]).toHaveLength(1);
      expect(isBmp(c.char) && isHan(c.char), c.char).toBe(true);
      expect(c.male + c.female).toBeGreaterThan(0);
      expect(c.recent).toBeGreaterThanOrEqual(0);
      expect(c.pinyin.length).toBeGreaterThan(0);
    }
  });

  it('includes rare and polyphonic characters', () => {
    const chars = new Set(GIVEN_NAME_CHARS.map((c) => c.char));
    for (const c of ['喆', '堃', '昇', '玥', '燊', '淼', '犇']) expect(chars.has(c), c).toBe(true);
    expect(GIVEN_NAME_CHARS.filter((c) => c.polyphonic).length).toBeGreaterThan(50);
  });

  it('has consistent name-length shares', () => {
    expect(sum(Object.values(FULL_NAME_LENGTH_2020))).toBeCloseTo(1, 6);
    for (const s of SINGLE_CHAR_GIVEN_NAME_SHARE) expect(s.share).toBeGreaterThan(0);
  });
});

describe('confusions', () => {
  it('has homophone groups of ≥ 2 distinct characters', () => {
    expect(HOMOPHONE_GROUPS.length).toBeGreaterThan(50);
    for (const [py, chars] of HOMOPHONE_GROUPS) {
      expect(py).toMatch(/^[a-zü]+$/u);
      expect(new Set(chars).size).toBe([...chars].length);
      expect([...chars].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has ≥ 80 visual pairs and ≥ 150 traditional variants', () => {
    expect(VISUAL_SIMILAR_PAIRS.length + CURATED_VISUAL_PAIRS.length).toBeGreaterThanOrEqual(80);
    for (const [a, b] of [...VISUAL_SIMILAR_PAIRS, ...CURATED_VISUAL_PAIRS]) {
      expect(a).not.toBe(b);
      expect([...a]).toHaveLength(1);
      expect([...b]).toHaveLength(1);
    }
    expect(TRADITIONAL_VARIANTS.size).toBeGreaterThanOrEqual(150);
    expect(TRADITIONAL_VARIANTS.get('伟')).toContain('偉');
    expect(TRADITIONAL_VARIANTS.get('丽')).toContain('麗');
    expect(TRADITIONAL_VARIANTS.get('华')).toContain('華');
  });
});

describe('census 2020', () => {
  it('covers ages 0–100 for both tables and matches the cited totals', () => {
    for (const table of [POPULATION_BY_AGE_NATIONAL, POPULATION_BY_AGE_GUANGDONG]) {
      expect(table.map(([age]) => age)).toEqual(Array.from({ length: 101 }, (_, i) => i));
      for (const [, m, f] of table) expect(m >= 0 && f >= 0).toBe(true);
    }
    const total = (t: typeof POPULATION_BY_AGE_NATIONAL | typeof POPULATION_BY_AGE_GUANGDONG, lo: number, hi: number) =>
      sum(t.filter(([a]) => a >= lo && a <= hi).map(([, m, f]) => m + f));
    const close = (a: number, b: number) => expect(Math.abs(a - b) / b).toBeLessThan(1e-5);
    close(total(POPULATION_BY_AGE_NATIONAL, 0, 100), NATIONAL_2020.population);
    close(total(POPULATION_BY_AGE_NATIONAL, 0, 14), NATIONAL_2020.age0to14);
    close(total(POPULATION_BY_AGE_NATIONAL, 15, 59), NATIONAL_2020.age15to59);
    close(total(POPULATION_BY_AGE_NATIONAL, 65, 100), NATIONAL_2020.age65plus);
    close(total(POPULATION_BY_AGE_GUANGDONG, 0, 100), GUANGDONG_2020.population);
    close(total(POPULATION_BY_AGE_GUANGDONG, 60, 100), GUANGDONG_2020.age60plus);
    const males = sum(POPULATION_BY_AGE_NATIONAL.map(([, m]) => m));
    expect((males / (NATIONAL_2020.population - males)) * 100).toBeCloseTo(NATIONAL_2020.sexRatio, 1);
  });

  it('has household shares summing to 1 and consistent district figures', () => {
    expect(sum(HOUSEHOLD_SIZE_SHARES.map((h) => h.share))).toBeCloseTo(1, 6);
    expect(HOUSEHOLD_SIZE_SHARES.map((h) => h.size)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(SHUNDE_2020.familyHouseholdPopulation + SHUNDE_2020.collectiveHouseholdPopulation).toBe(
      SHUNDE_2020.population,
    );
    expect(GUANGDONG_2020.familyHouseholdPopulation + GUANGDONG_2020.collectiveHouseholdPopulation).toBe(
      GUANGDONG_2020.population,
    );
    expect(FOSHAN_2020.fromOutsideFoshan).toBeLessThan(FOSHAN_2020.population);
  });
});

describe('vital rates', () => {
  it('has fertility for ages 15–49 summing to the TFR', () => {
    expect(FERTILITY_BY_AGE.map((r) => r.age)).toEqual(Array.from({ length: 35 }, (_, i) => i + 15));
    expect(sum(FERTILITY_BY_AGE.map((r) => r.rate))).toBeCloseTo(TFR_2020, 3);
  });

  it('has shares summing to 1', () => {
    for (const shares of [BIRTH_ORDER_2022, BIRTH_ORDER_2020_APPROX, PREGNANCY_OUTCOMES]) {
      expect(sum(Object.values(shares))).toBeCloseTo(1, 6);
    }
    expect(sum(GESTATION_WEEKS.map((g) => g.share))).toBeCloseTo(1, 6);
    expect(sum(FIRST_MARRIAGE_AGE_MALE.map((g) => g.share))).toBeCloseTo(1, 3);
    expect(sum(FIRST_MARRIAGE_AGE_FEMALE.map((g) => g.share))).toBeCloseTo(1, 3);
  });

  it('has death probabilities in [0, 1], increasing at older ages, closing at 1', () => {
    for (const sex of ['male', 'female'] as const) {
      const t = DEATH_PROBABILITIES[sex];
      for (const r of t) expect(r.qx >= 0 && r.qx <= 1).toBe(true);
      expect(t[t.length - 1]?.qx).toBe(1);
      const old = t.filter((r) => r.from >= 30).map((r) => r.qx);
      for (let i = 1; i < old.length; i++) expect(old[i]).toBeGreaterThan(old[i - 1] ?? 0);
    }
  });
});

describe('other counties', () => {
  it('has ≈ 300 real 6-digit codes outside Foshan with weights summing to 1', () => {
    expect(COUNTIES.length).toBeGreaterThanOrEqual(280);
    expect(new Set(COUNTIES.map((c) => c.code)).size).toBe(COUNTIES.length);
    for (const c of [...COUNTIES, ...HISTORICAL_COUNTIES]) {
      expect(c.code).toMatch(/^\d{6}$/u);
      expect(c.code.startsWith('4406')).toBe(false);
    }
    for (const c of COUNTIES) expect(c.weight).toBeGreaterThan(0);
    expect(sum(COUNTIES.map((c) => c.weight))).toBeCloseTo(1, 3);
    expect(Object.values(PROVINCE_SHARES).every((s) => s > 0)).toBe(true);
    expect(HISTORICAL_COUNTIES.map((c) => c.code)).toContain('110103');
    const current = new Set<string>(COUNTIES.map((c) => c.code));
    for (const h of HISTORICAL_COUNTIES) expect(current.has(h.code)).toBe(false);
  });
});
