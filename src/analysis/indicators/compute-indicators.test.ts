import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { rebuildAnalysisAggregatesOf } from '../aggregates/maintain-aggregates.js';
import { computeIndicators, type IndicatorReport } from './compute-indicators.js';

/*
 * A registry of 17 persons built by hand through the whole pipeline (ledger → projection), and
 * every indicator of 2025 worked out on paper. Period 2025: 365 days, 12 months, rates × 1.
 *
 * Town A (大良 440606005, village VA = 440606005001), registered unless said otherwise:
 *   W1  ♀ 1995-06-15 married (20)   365 d; 29 until 06-15 (165 d at 25-29), then 30 (200 d at 30-34);
 *                                   bears C1 ♂ 2025-03-10 (hospital: order 1) at 29
 *   W2  ♀ 1990-01-01 married        365 d, 35 all year (35-39); son K ♂ 2015-05-05 (hukou birth);
 *                                   bears C2 ♀ 2025-08-20 at 35 (hospital gives no order: 2nd of her children known);
 *                                   divorces M2 2025-05-05
 *   W3  ♀ 2010-07-01 single         365 d; turns 15 on 07-01: 184 d at 15-19 (07-01 … 12-31)
 *   W4  ♀ 1975-04-01 divorced (40)  365 d; turns 50 on 04-01: 90 d at 45-49; remarries M3 2025-06-06
 *   W5  ♀ 1998-03-03 single         365 d at 25-29; marries M2 (divorced) 2025-09-09; IUD 2025-10-01; termination 2025-12-01
 *   W8  ♀ 2000-01-01 single         moves out 2025-04-11: 100 d (01-01 … 04-10) at 25-29
 *   W9  ♀ 2003-01-01 single         365 d at 20-24
 *   W10 ♀ 1983-06-30 single         365 d at 40-44
 *   M1  ♂ 1960-02-10                dies 2025-05-01: 120 d (01-01 … 04-30)
 *   M2  ♂ 1994-01-01 married        365 d
 *   M3  ♂ 1980-01-01 divorced       365 d
 *   M5  ♂ 1970-01-01                moves in 2025-07-01: 184 d
 *   K   ♂ 2015-05-05                365 d
 *   C1  ♂ 2025-03-10 (born)         297 d (03-10 … 12-31)
 *   C2  ♀ 2025-08-20 (born)         134 d (08-20 … 12-31)
 * Town B (容桂 440606006, village VB = 440606006001):
 *   F1  ♀ 1992-02-29 floating (permit from 2025-01-01, hukou 430102, married)
 *                                   365 d at 30-34 (32, 33 from 03-01: a 29 Feb birthday falls on 1 Mar);
 *                                   bears C3 ♂ 2025-02-28 (hospital: order 3) at 32, not 33
 *   B1  ♂ 2000-05-05                365 d
 *   C3  ♂ 2025-02-28 (born)         307 d (02-28 … 12-31)
 *
 * Person-days: 365 × 12 = 4380 for the whole-year persons (W1 W2 W3 W4 W5 W9 W10 M2 M3 K F1 B1),
 *   + W8 100 + M1 120 + M5 184 + C1 297 + C2 134 + C3 307
 *   = 4380 + 1142 = 5522 → P̄ = 5522 / 365.
 * Women 15–49 days: 15-19 184; 20-24 365; 25-29 165 + 365 + 100 = 630; 30-34 200 + 365 = 565;
 *   35-39 365; 40-44 365; 45-49 90; all 2564 → W̄ = 2564 / 365.
 * Births 3 (♂ C1, C3; ♀ C2), mothers 25-29, 35-39, 30-34; orders 1, 2, 3; deaths 1 (M1).
 */
const id = (area: string, birth: string, serial: string) => {
  const body = `${area}${birth.replaceAll('-', '')}${serial}`;
  return body + idCheckChar(body);
};
const VA = '440606005001';
const VB = '440606006001';
const P = (birth: string, sex: 1 | 2, serial: string) => id('440606', birth, `${serial}${sex === 1 ? 1 : 2}`);
const W1 = P('1995-06-15', 2, '01');
const W2 = P('1990-01-01', 2, '02');
const W3 = P('2010-07-01', 2, '03');
const W4 = P('1975-04-01', 2, '04');
const W5 = P('1998-03-03', 2, '05');
const W8 = P('2000-01-01', 2, '08');
const W9 = P('2003-01-01', 2, '09');
const W10 = P('1983-06-30', 2, '10');
const M1 = P('1960-02-10', 1, '11');
const M2 = P('1994-01-01', 1, '12');
const M3 = P('1980-01-01', 1, '13');
const M5 = id('430102', '1970-01-01', '151');
const K = P('2015-05-05', 1, '16');
const F1 = id('430102', '1992-02-29', '172');
const B1 = P('2000-05-05', 1, '18');

const YEAR_DAYS = 365;
const POPULATION_DAYS = 5522;
const WOMEN_DAYS = 2564;

describe.each(DIALECTS)('indicators of a hand-built registry on %s', (dialect) => {
  let t: TestContext;
  let district: IndicatorReport;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) => {
    const result = await submitRows(t.ctx, org, type, rows);
    expect(result.rejected, `${org} ${type}`).toBe(0);
  };
  const register = (recordId: string, idNumber: string, name: string, sex: 1 | 2, birth: string, division: string, marital: string) => ({
    record_id: recordId,
    id_number: idNumber,
    name,
    sex: String(sex),
    birth_date: birth,
    division,
    registered_on: birth < '2000-01-01' ? '2000-01-01' : birth,
    marital_status: marital,
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      register('W1', W1, '甲一', 2, '1995-06-15', VA, '20'),
      register('W2', W2, '甲二', 2, '1990-01-01', VA, '20'),
      register('W3', W3, '甲三', 2, '2010-07-01', VA, '10'),
      register('W4', W4, '甲四', 2, '1975-04-01', VA, '40'),
      register('W5', W5, '甲五', 2, '1998-03-03', VA, '10'),
      register('W8', W8, '甲八', 2, '2000-01-01', VA, '10'),
      register('W9', W9, '甲九', 2, '2003-01-01', VA, '10'),
      register('W10', W10, '甲十', 2, '1983-06-30', VA, '10'),
      register('M1', M1, '乙一', 1, '1960-02-10', VA, '20'),
      register('M2', M2, '乙二', 1, '1994-01-01', VA, '20'),
      register('M3', M3, '乙三', 1, '1980-01-01', VA, '40'),
    ]);
    await submit('PS-005', 'hukou_birth', [
      { record_id: 'K', id_number: K, name: '乙小', sex: '1', birth_date: '2015-05-05', division: VA, registered_on: '2015-06-01', mother_id_number: W2 },
    ]);
    await submit('PS-006', 'hukou_register', [register('B1', B1, '丙一', 1, '2000-05-05', VB, '10')]);
    await submit('PS-005', 'hukou_move_in', [
      { record_id: 'M5', id_number: M5, name: '乙五', sex: '1', birth_date: '1970-01-01', division: VA, moved_on: '2025-07-01', from_division: '430102' },
    ]);
    await submit('PS-005', 'hukou_move_out', [{ record_id: 'W8-out', id_number: W8, moved_on: '2025-04-11', to_division: '430102' }]);
    await submit('PS-005', 'hukou_death', [{ record_id: 'M1-death', id_number: M1, died_on: '2025-05-01', cancelled_on: '2025-05-03' }]);
    await submit('PS-006', 'residence_permit', [
      { record_id: 'F1', id_number: F1, name: '丙女', sex: '2', birth_date: '1992-02-29', division: VB, valid_from: '2025-01-01', valid_to: '2027-12-31', hukou_division: '430102', marital_status: '20' },
    ]);
    await submit('HOSP-01', 'birth', [
      { record_id: 'C1', mother_id_number: W1, mother_name: '甲一', child_sex: '1', birth_date: '2025-03-10', child_name: '甲一子', birth_order: 1, division: VA },
      { record_id: 'C2', mother_id_number: W2, mother_name: '甲二', child_sex: '2', birth_date: '2025-08-20', child_name: '甲二女', division: VA },
      { record_id: 'C3', mother_id_number: F1, mother_name: '丙女', child_sex: '1', birth_date: '2025-02-28', child_name: '丙女子', birth_order: 3, division: VB },
    ]);
    await submit('CIVIL-MR', 'divorce', [{ record_id: 'D1', husband_id_number: M2, wife_id_number: W2, registered_on: '2025-05-05' }]);
    await submit('CIVIL-MR', 'marriage', [
      { record_id: 'MA1', husband_id_number: M3, wife_id_number: W4, registered_on: '2025-06-06', husband_prior_marital_status: '40', wife_prior_marital_status: '40' },
      { record_id: 'MA2', husband_id_number: M2, wife_id_number: W5, registered_on: '2025-09-09', husband_prior_marital_status: '40', wife_prior_marital_status: '10' },
    ]);
    await submit('MCH', 'contraception', [{ record_id: 'IUD1', id_number: W5, method: '1', performed_on: '2025-10-01' }]);
    await submit('HOSP-01', 'pregnancy_termination', [{ record_id: 'T1', id_number: W5, terminated_on: '2025-12-01', method: '1' }]);
    await projectLedger(t.ctx.db, '440606');
    district = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025' });
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts the average population and women 15–49 by person-time', () => {
    expect(district.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31', days: 365, months: 12, annualisation: 1 });
    expect(district.population).toBeCloseTo(POPULATION_DAYS / YEAR_DAYS, 6);
    expect(district.indicators.population).toMatchObject({ numerator: POPULATION_DAYS, denominator: 365, unit: 'persons' });
    expect(district.women_15_49).toBeCloseTo(WOMEN_DAYS / YEAR_DAYS, 6);
  });

  it('counts births, deaths and the crude rates on the average population', () => {
    expect(district).toMatchObject({ births: 3, births_male: 2, births_female: 1, deaths: 1 });
    expect(district.crude_birth_rate).toBeCloseTo((3 * 365 * 1000) / POPULATION_DAYS, 5);
    expect(district.crude_death_rate).toBeCloseTo((1 * 365 * 1000) / POPULATION_DAYS, 5);
    expect(district.natural_growth_rate).toBeCloseTo((2 * 365 * 1000) / POPULATION_DAYS, 5);
    expect(district.indicators.crude_birth_rate).toMatchObject({ numerator: 3, unit: '‰', annualised: true });
    expect(district.indicators.crude_birth_rate!.denominator).toBeCloseTo(POPULATION_DAYS / 365, 5);
    expect(district.indicators.crude_birth_rate!.zh).toContain('出生率');
  });

  it('computes the general, age-specific and total fertility rates with the mother’s completed age on the birth date', () => {
    expect(district.general_fertility_rate).toBeCloseTo((3 * 365 * 1000) / WOMEN_DAYS, 5);
    const asfr = district.asfr_5y as Record<string, number>;
    expect(asfr['15-19']).toBe(0);
    expect(asfr['20-24']).toBe(0);
    expect(asfr['25-29']).toBeCloseTo((365 * 1000) / 630, 5);
    expect(asfr['30-34']).toBeCloseTo((365 * 1000) / 565, 5);
    expect(asfr['35-39']).toBeCloseTo(1000, 5);
    expect(asfr['40-44']).toBe(0);
    expect(asfr['45-49']).toBe(0);
    expect(district.total_fertility_rate).toBeCloseTo((5 * ((365 * 1000) / 630 + (365 * 1000) / 565 + 1000)) / 1000, 5);
    // Single years: W1 lived 165 days at 29; F1 59 days at 32 (01-01 … 02-28), bearing C3 at 32.
    const single = district.asfr_1y as Record<string, number | null>;
    expect(single['29']).toBeCloseTo((365 * 1000) / 165, 4);
    expect(single['32']).toBeCloseTo((365 * 1000) / 59, 4);
    expect(single['33']).toBe(0);
    expect(single['35']).toBeCloseTo(1000, 5);
  });

  it('takes the birth order from the hospital, else from the mother’s children in the registry', () => {
    expect(district.births_by_order).toEqual({ '1': 1, '2': 1, '3+': 1 });
    const shares = district.birth_order_shares as Record<string, number>;
    for (const order of ['1', '2', '3+']) expect(shares[order]).toBeCloseTo(100 / 3, 5);
    expect(district.sex_ratio_at_birth).toBe(200);
  });

  it('gives the fertility rates by order, overall and by the mother’s age (C1 first at 29, C2 second at 35, C3 third at 32)', () => {
    const byOrder = district.fertility_rate_by_order as Record<string, number>;
    for (const order of ['1', '2', '3+']) expect(byOrder[order]).toBeCloseTo((365 * 1000) / WOMEN_DAYS, 5);
    const by5 = district.asfr_5y_by_order as Record<string, Record<string, number>>;
    expect(by5['25-29']).toEqual({ '1': expect.closeTo((365 * 1000) / 630, 5), '2': 0, '3+': 0 });
    expect(by5['35-39']).toEqual({ '1': 0, '2': expect.closeTo(1000, 5), '3+': 0 });
    expect(by5['30-34']).toEqual({ '1': 0, '2': 0, '3+': expect.closeTo((365 * 1000) / 565, 5) });
    const by1 = district.asfr_1y_by_order as Record<string, Record<string, number | null>>;
    expect(by1['29']!['1']).toBeCloseTo((365 * 1000) / 165, 4);
    expect(by1['32']!['3+']).toBeCloseTo((365 * 1000) / 59, 4);
    expect(by1['32']!['1']).toBe(0);
    expect(district.indicators['asfr_1y_by_order.35.2']).toMatchObject({ numerator: 1, unit: '‰', annualised: true });
  });

  it('counts marriages, remarriages, divorces, moves and terminations of the period', () => {
    // Both marriages are remarriages: M3 and W4 were divorced, and so was M2 (from W2 in May) when he married W5.
    expect(district).toMatchObject({ marriages: 2, remarriages: 2, divorces: 1, moves_in: 1, moves_out: 1, terminations: 1 });
    expect(district.termination_rate).toBeCloseTo((365 * 1000) / WOMEN_DAYS, 5);
  });

  it('counts heads on the last day: resident, registered, managed, floating, by sex and age', () => {
    // Present on 12-31: everyone but W8 (moved out) and M1 (died): 16; males M2 M3 M5 K C1 B1 C3.
    expect(district.population_end).toMatchObject({ resident: 16, registered: 12, managed: 16, floating: 1, by_sex: { '1': 7, '2': 9 } });
    expect(district.floating_population).toBe(1);
    expect(district.sex_ratio).toBeCloseTo(700 / 9, 5);
    const pyramid = (district.population_end as { pyramid: Array<{ group: string; male: number; female: number }> }).pyramid;
    expect(pyramid.find((c) => c.group === '0-4')).toEqual({ group: '0-4', male: 2, female: 1 });
    expect(pyramid.find((c) => c.group === '10-14')).toEqual({ group: '10-14', male: 1, female: 0 });
    expect(pyramid.find((c) => c.group === '50-54')).toEqual({ group: '50-54', male: 0, female: 1 });
    // Married women 15–49 on 12-31: W1, W5, F1 (W2 divorced, W4 50); W5 uses an IUD.
    expect(district.married_women_15_49).toBe(3);
    expect(district.contraceptive_prevalence).toBeCloseTo(100 / 3, 5);
  });

  it('reports the policy-compliant birth rate as not applicable under today’s rules', () => {
    expect(district.policy_compliant_birth_rate).toBeNull();
    expect(district.indicators.policy_compliant_birth_rate).toMatchObject({ not_applicable: true, value: null });
  });

  it('limits every indicator to a town, and to a single month', async () => {
    const townA = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: '440606005000' });
    expect(townA).toMatchObject({ births: 2, deaths: 1, marriages: 2, floating_population: 0 });
    expect(townA.population).toBeCloseTo((POPULATION_DAYS - 365 - 365 - 307) / 365, 6);
    expect(await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: '440606005' })).toEqual(townA);
    const villageB = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: VB });
    expect(villageB).toMatchObject({ births: 1, deaths: 0, marriages: 0 });
    // March 2025 (31 days, rates × 12): only C1 is born; W1 lives 31 days at 29.
    const march = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025-03' });
    expect(march).toMatchObject({ births: 1, deaths: 0 });
    expect(march.period).toMatchObject({ days: 31, months: 1, annualisation: 12 });
    // Person-days in March: the 14 persons there all month (M5 comes in July, C2 is born in August;
    // W8 leaves in April, M1 dies in May) × 31, + C1 22 (03-10 … 03-31) + C3 31.
    expect(march.population).toBeCloseTo((14 * 31 + 22 + 31) / 31, 6);
  });

  it('blanks cells under 5 persons and their complements for publication', async () => {
    const published = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', publish: true });
    expect(published.published).toBe(true);
    expect(published.births).toBeNull();
    expect(published.crude_birth_rate).toBeNull();
    expect(published.indicators.crude_birth_rate).toMatchObject({ suppressed: true, numerator: null });
    expect(published.births_male).toBeNull();
    expect(published.births_female).toBeNull();
    // Averages of person-time are no head counts and stay.
    expect(published.population).toBeCloseTo(POPULATION_DAYS / YEAR_DAYS, 6);
    // Resident 16 with 7 males and 9 females: both shown.
    expect(published.population_end).toMatchObject({ resident: 16, by_sex: { '1': 7, '2': 9 } });
  });

  it('refuses a bad period or an unknown division with a stable code', async () => {
    for (const period of ['2025-13', '2025-Q5', '2025-02-30', 'last year', '2025-03..2025-01', '']) {
      await expect(computeIndicators(t.ctx.db, t.ctx.tree, { period }), period).rejects.toMatchObject({ code: 'INVALID_PERIOD', status: 400 });
    }
    await expect(computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: '440606999000' })).rejects.toMatchObject({ code: 'UNKNOWN_DIVISION' });
  });

  it('answers from the latest registry: a record projected after a report shows in the next one', async () => {
    const before = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: VB });
    expect(before.deaths).toBe(0);
    expect(await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: VB })).toEqual(before);
    await submit('PS-006', 'hukou_death', [{ record_id: 'B1-death', id_number: B1, died_on: '2025-12-01', cancelled_on: '2025-12-02' }]);
    await projectLedger(t.ctx.db, '440606');
    const after = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: VB });
    expect(after.deaths).toBe(1);
    // B1 lived 01-01 … 11-30 (334 days) instead of the whole year.
    expect(after.population).toBeCloseTo((before.population as number) - 31 / 365, 6);
  });

  it('gives the same figures from the pre-aggregated cells as from the scan (29 February, moves, a death, births by order)', async () => {
    await rebuildAnalysisAggregatesOf(t.ctx.db, '440606');
    const months = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
    for (const period of ['2025', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2024-12..2025-03', ...months]) {
      for (const division of [undefined, '440606005000', '440606006000', VA, VB]) {
        const scanned = await computeIndicators(t.ctx.db, t.ctx.tree, { period, division, scan: true });
        const aggregated = await computeIndicators(t.ctx.db, t.ctx.tree, { period, division, fresh: true });
        expect({ ...aggregated, exchange: null }, `${period} ${division ?? 'district'}`).toEqual({ ...scanned, exchange: null });
      }
    }
  });
});
