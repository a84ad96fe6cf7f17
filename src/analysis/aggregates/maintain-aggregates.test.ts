import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitGeneratedDistrict } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { generateDistrict } from '../../gen/generate-district.js';
import { projectLedger, reprojectPersons } from '../../registry/index.js';
import { computeDashboard, computeIndicators, type IndicatorReport } from '../indicators/compute-indicators.js';
import { findAllCells } from './analysis-aggregates.repository.js';
import { analysisChunkHook, rebuildAnalysisAggregatesOf } from './maintain-aggregates.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-aggregates-'));
const PERIODS = ['2024', '2025', '2024-Q3', '2025-Q1', '2025-Q4', '2024-12', '2025-02', '2025-07', '2024-11..2025-04'];

/** The report without what the pre-aggregation does not claim: the exchange block (timestamps). */
const registryPart = (report: IndicatorReport) => ({ ...report, exchange: null });

/*
 * A generated district (1,500 persons, 24 months) submitted file by file, the registry projected
 * after each submission in small chunks with the cells kept by the projection hook; then the
 * same cells built from scratch, and every report from them against the reference scan.
 */
describe.each(DIALECTS)('pre-aggregated indicators on %s', (dialect) => {
  let t: TestContext;
  let district: string;
  let incremental: Awaited<ReturnType<typeof findAllCells>>;
  beforeAll(async () => {
    const out = path.join(dir, dialect);
    await generateDistrict({ persons: 1500, seed: 'aggregates', months: 24, start: '2024-01', out });
    t = await createTestContext(dialect);
    district = t.ctx.tree.root.code.slice(0, 6);
    const hook = analysisChunkHook(district, t.ctx.db);
    // Built once on the empty registry (as the first projection run's end does), then kept chunk by chunk.
    await rebuildAnalysisAggregatesOf(t.ctx.db, district);
    await submitGeneratedDistrict(t.ctx, out, async () => {
      await projectLedger(t.ctx.db, district, undefined, hook, { chunkEntries: 700 });
    });
    incremental = await findAllCells(t.ctx.db.kysely);
  }, 1_200_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps, submission by submission, exactly the cells a build from scratch gives', async () => {
    expect(incremental.length).toBeGreaterThan(500);
    await rebuildAnalysisAggregatesOf(t.ctx.db, district);
    expect(await findAllCells(t.ctx.db.kysely)).toEqual(incremental);
  });

  it('gives every indicator of the district, its towns and villages as the scan does, for months, quarters and years', async () => {
    const towns = t.ctx.tree.childrenOf(t.ctx.tree.root.code);
    const villages = towns.flatMap((town) => t.ctx.tree.childrenOf(town.code)).filter((_, i) => i % 11 === 0);
    const divisions = [undefined, ...towns.map((d) => d.code), ...villages.map((d) => d.code)];
    let compared = 0;
    for (const period of PERIODS) {
      for (const division of divisions) {
        const request = { period, division };
        const scanned = await computeIndicators(t.ctx.db, t.ctx.tree, { ...request, scan: true });
        const aggregated = await computeIndicators(t.ctx.db, t.ctx.tree, { ...request, fresh: true });
        expect(registryPart(aggregated), `${period} ${division ?? 'district'}`).toEqual(registryPart(scanned));
        compared += 1;
      }
    }
    const year = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', fresh: true });
    expect(year.births as number).toBeGreaterThan(10);
    expect(compared).toBeGreaterThan(50);
  }, 600_000);

  it('gives the dashboard (district or town, its areas below, 12 months) from one read of the cells, as the separate reports', async () => {
    for (const division of [undefined, t.ctx.tree.childrenOf(t.ctx.tree.root.code)[1]!.code]) {
      const dashboard = await computeDashboard(t.ctx.db, t.ctx.tree, { period: '2025', division, fresh: true });
      const separate = (period: string, d?: string) => computeIndicators(t.ctx.db, t.ctx.tree, { period, division: d, scan: true });
      expect(registryPart(dashboard.report)).toEqual(registryPart(await separate('2025', division)));
      const children = t.ctx.tree.childrenOf(division ?? t.ctx.tree.root.code);
      expect(dashboard.children).toHaveLength(children.length);
      for (const [i, child] of children.entries()) expect(registryPart(dashboard.children[i]!), child.code).toEqual(registryPart(await separate('2025', child.code)));
      expect(dashboard.trend.map((r) => r.period.label)).toEqual(Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`));
      for (const month of dashboard.trend) expect(registryPart(month), month.period.label).toEqual(registryPart(await separate(month.period.label, division)));
    }
  }, 600_000);

  it('stays exact when persons are projected again (a reviewer decision re-projects them)', async () => {
    const ids = (await t.ctx.db.kysely.selectFrom('persons').select('id').where('status', '=', 'active').orderBy('id').limit(400).execute()).map((r) => Number(r.id));
    const mothers = (await t.ctx.db.kysely.selectFrom('person_relations').select('other_id').where('kind', '=', 'mother').limit(50).execute()).map((r) => Number(r.other_id));
    await reprojectPersons(t.ctx.db, district, await withRecordSharers(t, [...ids.filter((_, i) => i % 3 === 0), ...mothers]), analysisChunkHook(district));
    const kept = await findAllCells(t.ctx.db.kysely);
    await rebuildAnalysisAggregatesOf(t.ctx.db, district);
    expect(kept).toEqual(await findAllCells(t.ctx.db.kysely));
    const scanned = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', scan: true });
    expect(registryPart(await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', fresh: true }))).toEqual(registryPart(scanned));
  }, 300_000);

  it('scans when the period does not align with months', async () => {
    const report = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2024-11-15..2025-10-20', fresh: true });
    const scanned = await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2024-11-15..2025-10-20', scan: true });
    expect(registryPart(report)).toEqual(registryPart(scanned));
  }, 300_000);
});

/** The persons and every person that shares a record with them, until none is added (re-projection needs whole records). */
async function withRecordSharers(t: TestContext, ids: readonly number[]): Promise<number[]> {
  const out = new Set(ids);
  for (let size = 0; size !== out.size; ) {
    size = out.size;
    const seqs = (await t.ctx.db.kysely.selectFrom('person_records').select('seq').where('person_id', 'in', [...out]).execute()).map((r) => Number(r.seq));
    for (let i = 0; i < seqs.length; i += 500) {
      const rows = await t.ctx.db.kysely.selectFrom('person_records').select('person_id').where('seq', 'in', seqs.slice(i, i + 500)).execute();
      for (const row of rows) out.add(Number(row.person_id));
    }
    const related = await t.ctx.db.kysely.selectFrom('person_relations').select(['person_id', 'other_id']).where((eb) => eb.or([eb('person_id', 'in', [...out]), eb('other_id', 'in', [...out])])).execute();
    for (const row of related) {
      out.add(Number(row.person_id));
      out.add(Number(row.other_id));
    }
  }
  return [...out];
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
