import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { catchUpRegistry, projectLedger } from '../../registry/index.js';
import { computeIndicators, type IndicatorReport } from '../indicators/compute-indicators.js';
import { findAggregatesState } from './analysis-aggregates.repository.js';
import { analysisChunkHook, ensureAnalysisAggregatesOf, rebuildAnalysisAggregatesOf } from './maintain-aggregates.js';

const registryPart = (report: IndicatorReport) => ({ ...report, exchange: null });

/** A valid ID number of a woman born on `birth` (order number 2n). */
const womanId = (birth: string, n: number) => {
  const body = `440606${birth.replaceAll('-', '')}${String(2 * n).padStart(3, '0')}`;
  return body + idCheckChar(body);
};

/*
 * The cells are right only if every projection kept them. A projection by the low-level
 * projectLedger without the analysis hook leaves them behind the registry: the cells record the
 * registry position they reflect, a report whose cells are behind answers by the scan, a later
 * chunk with the hook does not patch cells it cannot trust (it drops them), and the end of the
 * next projection run rebuilds them.
 */
describe.each(DIALECTS)('cells left behind by a projection without the hook on %s', (dialect) => {
  let t: TestContext;
  let village: string;
  const women = Array.from({ length: 12 }, (_, i) => womanId('1995-03-10', i + 1));
  const births = (from: number, to: number, month: string) =>
    women.slice(from, to).map((id, i) => ({ record_id: `b-${month}-${from + i}`, mother_id_number: id, child_sex: i % 2 === 0 ? '1' : '2', birth_date: `${month}-15`, birth_order: 1, division: village }));
  const report = (scan: boolean) => computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', fresh: !scan, scan });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    village = t.ctx.tree.all().find((d) => d.level === 'village')!.code;
    await submitRows(
      t.ctx,
      'POLICE',
      'hukou_register',
      women.map((id, i) => ({ record_id: `w-${i}`, id_number: id, name: `王秀${'英兰芳丽敏静燕娟霞红梅琳'[i]}`, sex: '2', birth_date: '1995-03-10', division: village, registered_on: '2015-03-10' })),
    );
    await submitRows(t.ctx, 'HEALTH', 'birth', births(0, 4, '2025-03'));
    // The ordinary path: projection with the hook, cells built at the run's end.
    await catchUpRegistry(t.ctx);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('records the registry position the cells reflect', async () => {
    const state = await findAggregatesState(t.ctx.db.kysely);
    expect(state!.cursor).toBeGreaterThan(0);
    expect(state!.meta.registrySeq).toBe(state!.cursor);
    expect((await report(false)).births).toBe(4);
  });

  it('answers by the scan, not from cells left behind, after a projection without the hook', async () => {
    await submitRows(t.ctx, 'HEALTH', 'birth', births(4, 7, '2025-06'));
    await projectLedger(t.ctx.db, t.ctx.tree.root.code.slice(0, 6));
    const state = await findAggregatesState(t.ctx.db.kysely);
    expect(state!.meta.registrySeq).toBeLessThan(state!.cursor);
    const aggregated = await report(false);
    expect(aggregated.births).toBe(7);
    expect(registryPart(aggregated)).toEqual(registryPart(await report(true)));
  });

  it('does not patch cells left behind when a chunk with the hook comes next: it drops them', async () => {
    await submitRows(t.ctx, 'HEALTH', 'birth', births(7, 9, '2025-09'));
    const district = t.ctx.tree.root.code.slice(0, 6);
    await projectLedger(t.ctx.db, district, undefined, analysisChunkHook(district, t.ctx.db));
    expect(await findAggregatesState(t.ctx.db.kysely)).toBeNull();
    expect((await report(false)).births).toBe(9);
  });

  it('is rebuilt at the end of the next projection run, and current again', async () => {
    await ensureAnalysisAggregatesOf(t.ctx.db, t.ctx.tree.root.code.slice(0, 6));
    const state = await findAggregatesState(t.ctx.db.kysely);
    expect(state!.meta.registrySeq).toBe(state!.cursor);
    const aggregated = await report(false);
    expect(aggregated.births).toBe(9);
    expect(registryPart(aggregated)).toEqual(registryPart(await report(true)));
  });

  // Two processes ending their projection runs at once (the server's projector and a `popx import`,
  // a restarted server): each finds the cells stale and builds them. Found on PostgreSQL, where the
  // second build's inserts met the first's committed rows (duplicate key on analysis_person_facts).
  it('builds them once when several builds start at once, and a forced rebuild waits its turn', async () => {
    const district = t.ctx.tree.root.code.slice(0, 6);
    await submitRows(t.ctx, 'HEALTH', 'birth', births(9, 12, '2025-11'));
    await projectLedger(t.ctx.db, district);
    await Promise.all([ensureAnalysisAggregatesOf(t.ctx.db, district), ensureAnalysisAggregatesOf(t.ctx.db, district), rebuildAnalysisAggregatesOf(t.ctx.db, district), rebuildAnalysisAggregatesOf(t.ctx.db, district)]);
    const state = await findAggregatesState(t.ctx.db.kysely);
    expect(state!.meta.registrySeq).toBe(state!.cursor);
    const aggregated = await report(false);
    expect(aggregated.births).toBe(12);
    expect(registryPart(aggregated)).toEqual(registryPart(await report(true)));
  });
});
