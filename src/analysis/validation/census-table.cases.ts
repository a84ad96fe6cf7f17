import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitGeneratedDistrict } from '../../../test/submit-rows.js';
import { createTestContext, type TestContext } from '../../../test/test-database.js';
import type { Dialect } from '../../platform/db/index.js';
import { catchUpRegistry } from '../../registry/index.js';
import { computeIndicators, type IndicatorReport } from '../indicators/compute-indicators.js';
import {
  compareWithReport,
  publishedTotalFertilityRate,
  readCensusFertilityTable,
  roundHalfUp,
  type CensusComparison,
} from './census-fertility-table.js';
import { writeCensusTableRecords } from './census-table-records.js';

const TABLE_FILE = path.resolve(import.meta.dirname, '../../../data/census-tables/fuzhou-2020-table-6-3.json');
const table = readCensusFertilityTable(TABLE_FILE);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-census-'));

/**
 * Fuzhou's 2020 census yearbook, table 6-3 (data/census-tables/): 195,804 women 15–49 and their
 * 6,998 births of the census year, written as person-level records — the police register of
 * every woman (and of the earlier children of mothers of second and third births) and the
 * hospitals' birth reports — submitted through the ingestion pipeline, projected into the
 * registry with the analysis hook (as `popx import` does), and the indicator engine asked for
 * 2019-11-01..2020-10-31 at district level. Every printed figure must come out to the printed
 * decimal. About 207,000 persons: the heaviest test of the suite (minutes per dialect).
 * Each dialect has its own test file (census-table.sqlite / .postgres.test.ts), so the two run side by side;
 * `*.cases.ts` files hold tests shared by test files and stay out of the server build (tsconfig.build.json).
 */
export function describeCensusTable(dialect: Dialect): void {
  describe(`Fuzhou 2020 census table 6-3 reproduced from person-level records on ${dialect}`, () => {
    let t: TestContext;
    let report: IndicatorReport;
    let rows: CensusComparison[];
    beforeAll(async () => {
      t = await createTestContext(dialect);
      const villages = t.ctx.tree
        .all()
        .filter((d) => d.level === 'village')
        .map((d) => d.code);
      const out = path.join(dir, dialect);
      await writeCensusTableRecords(table, out, { villages });
      await submitGeneratedDistrict(t.ctx, out);
      await catchUpRegistry(t.ctx);
      report = await computeIndicators(t.ctx.db, t.ctx.tree, { period: `${table.period.from}..${table.period.to}` });
      rows = compareWithReport(table, report);
    }, 1_800_000);
    afterAll(async () => {
      await t?.close();
    });

    it('took every record: 195,804 women, 6,998 births, the earlier children', async () => {
      const submissions = await t.ctx.db.kysely
        .selectFrom('submissions')
        .select(['type', 'accepted', 'rejected'])
        .execute();
      expect(
        submissions.map((s) => `${s.type} ${Number(s.accepted)} accepted ${Number(s.rejected)} rejected`).sort(),
      ).toEqual([
        'birth 6998 accepted 0 rejected',
        'hukou_register 195804 accepted 0 rejected',
        `hukou_register ${3125 + 2 * 659} accepted 0 rejected`,
      ]);
      expect(report.period).toMatchObject({
        from: '2019-11-01',
        to: '2020-10-31',
        days: 366,
        months: 12,
        annualisation: 1,
      });
      // Every record names a distinct person by a valid ID number: nothing for a reviewer, one person each.
      const reviews = await t.ctx.db.kysely
        .selectFrom('link_reviews')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(reviews.n)).toBe(0);
      const persons = await t.ctx.db.kysely
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      expect(Number(persons.n)).toBe(195_804 + 4443 + 6998);
    });

    it('gives the general fertility rate, 35.74 ‰, and the births by order with their rates', () => {
      const total = rows.filter((r) => r.row === 'total');
      expect(total.map((r) => [r.column, r.published, r.reproduced])).toEqual([
        ['women', '195804', '195804'],
        ['births', '6998', '6998'],
        ['births ‰', '35.74', '35.74'],
        ['first', '3214', '3214'],
        ['first ‰', '16.41', '16.41'],
        ['second', '3125', '3125'],
        ['second ‰', '15.96', '15.96'],
        ['third_plus', '659', '659'],
        ['third_plus ‰', '3.37', '3.37'],
      ]);
    });

    it('gives every 5-year and single-year figure the yearbook prints, to its decimal', () => {
      const compared = rows.filter((r) => r.agrees !== null);
      // 9 figures of the total, 7 groups × 9, 34 single years × 9 less the cut-off rate of age 48.
      expect(compared).toHaveLength(9 + 7 * 9 + 34 * 9 - 1);
      expect(compared.filter((r) => !r.agrees)).toEqual([]);
    });

    it('gives the derived row (age 49) the counts it was derived with', () => {
      const age49 = Object.fromEntries(rows.filter((r) => r.row === '49').map((r) => [r.column, r.reproduced]));
      expect(age49).toMatchObject({
        women: '6057',
        births: '12',
        first: '2',
        second: '8',
        third_plus: '2',
        'births ‰': roundHalfUp((12 / 6057) * 1000, 2),
      });
    });

    it('gives the birth-order shares (一孩率, 二孩率, 多孩率) of the printed counts', () => {
      const shares = report.birth_order_shares as Record<string, number>;
      expect(roundHalfUp(shares['1']!, 2)).toBe(roundHalfUp((3214 / 6998) * 100, 2));
      expect(roundHalfUp(shares['1']!, 2)).toBe('45.93');
      expect(roundHalfUp(shares['2']!, 2)).toBe('44.66');
      expect(roundHalfUp(shares['3+']!, 2)).toBe('9.42');
    });

    it('gives the total fertility rate by the published method: Σ single-year rates = 1.212 children per woman', () => {
      // The table prints no TFR; the yearbooks' method sums the single-year rates. From the printed
      // rates (age 49 from its derived counts, 1.98 ‰): 1212.00 ‰ = 1.212; from the counts 1.21201.
      const printed =
        publishedTotalFertilityRate({ ...table, ages: table.ages.filter((r) => r.age !== '49') })! +
        Number(roundHalfUp((12 / 6057) * 1000, 2)) / 1000;
      expect(printed.toFixed(3)).toBe('1.212');
      expect((report.total_fertility_rate_1y as number).toFixed(3)).toBe('1.212');
      // 5 × Σ 5-year rates, the grouped method: 1.214.
      expect((report.total_fertility_rate as number).toFixed(3)).toBe(
        ((5 * (3.04 + 40.54 + 98.71 + 65.8 + 26.95 + 6.41 + 1.35)) / 1000).toFixed(3),
      );
    });
  });
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
