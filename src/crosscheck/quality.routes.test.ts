import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { runCrosscheck } from './index.js';
import { todayInDistrict } from '../platform/district/district-time.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const DEAD_INSURED = id('44060619600101005');

interface QualityItem {
  unit: string;
  unitName: string;
  open: number;
  resolved: number;
  dismissed: number;
  total: number;
  medianDaysToResolve: number | null;
  byRule: { rule: string; open: number; resolved: number }[];
}

describe.each(DIALECTS)('the data-quality summary on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  const s: Record<string, Session> = {};
  const quality = (who: string, query = '') => s[who]!.request({ method: 'GET', url: `/api/v1/crosscheck/quality${query}` });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    for (const [who, role, org] of [
      ['bureau', 'bureau_analyst', 'BUREAU'],
      ['town', 'town_operator', 'TOWN-005'],
      ['labor', 'dept_operator', 'LABOR-SI'],
      ['village', 'village_operator', 'VIL-005001'],
    ] as const) {
      s[who] = await loginAsRole(app, t.ctx, role, org);
    }
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'R1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: '440606005001', registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'PS-101', 'hukou_register', [{ record_id: 'R2', id_number: DEAD_INSURED, name: '李强', sex: '1', birth_date: '1960-01-01', division: '440606101001', registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' },
      { record_id: 'B2', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-03-01', child_name: '陈小红' },
    ]);
    await submitRows(t.ctx, 'PS-101', 'hukou_death', [{ record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]);
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]);
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
    await runCrosscheck(t.ctx, { asOf: '2025-12-01' });
    const labor = await t.ctx.db.kysely.selectFrom('cases').select('id').where('owner_org_code', '=', 'LABOR-SI').executeTakeFirstOrThrow();
    expect((await s.labor!.request({ method: 'POST', url: `/api/v1/cases/${labor.id}/action`, payload: { action: 'resolve', note: '保险已停发' } })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('gives the bureau every unit whose data caused cases, with counts by rule', async () => {
    const body = (await quality('bureau')).json() as { items: QualityItem[] };
    const town = body.items.find((u) => u.unit === 'TOWN-005')!;
    expect(town).toMatchObject({ open: 2, resolved: 0, total: 2, medianDaysToResolve: null });
    expect(town.unitName.length).toBeGreaterThan(0);
    expect(town.byRule).toEqual([expect.objectContaining({ rule: 'birth_without_hukou', open: 2 })]);
    expect(body.items.find((u) => u.unit === 'LABOR-SI')).toMatchObject({ open: 0, resolved: 1, total: 1, medianDaysToResolve: 0 });
  });

  it('shows a town and a department only their own unit', async () => {
    expect(((await quality('town')).json() as { items: QualityItem[] }).items.map((u) => u.unit)).toEqual(['TOWN-005']);
    expect(((await quality('labor')).json() as { items: QualityItem[] }).items.map((u) => `${u.unit} ${u.resolved}`)).toEqual(['LABOR-SI 1']);
    const other = await quality('town', '?unit=LABOR-SI');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.messageZh).toBe('只能查看本单位的数据质量');
  });

  it('shows a village the cases in its area, by the unit responsible for them', async () => {
    const body = (await quality('village')).json() as { items: QualityItem[] };
    expect(body.items.map((u) => `${u.unit} ${u.open}`)).toEqual(['TOWN-005 2']);
    const other = await quality('village', '?unit=LABOR-SI');
    expect(other.statusCode).toBe(200);
    expect((other.json() as { items: QualityItem[] }).items).toEqual([]);
  });

  it('counts the cases opened in the period and refuses a malformed one', async () => {
    const month = todayInDistrict().slice(0, 7);
    expect(((await quality('bureau', `?period=${month}`)).json() as { items: QualityItem[] }).items).toHaveLength(2);
    expect(((await quality('bureau', '?period=2020-Q1')).json() as { items: QualityItem[] }).items).toEqual([]);
    expect(((await quality('bureau', `?period=2020-01..${month}&unit=LABOR-SI`)).json() as { items: QualityItem[] }).items.map((u) => u.unit)).toEqual(['LABOR-SI']);
    for (const bad of ['2025-13', '2025-Q5', 'last month', '2025-03..2025-01']) {
      const refused = await quality('bureau', `?period=${encodeURIComponent(bad)}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.code).toBe('INVALID_PERIOD');
    }
  });
});
