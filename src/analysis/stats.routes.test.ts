import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPopx } from '../../test/cli.js';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { runCrosscheck } from '../crosscheck/index.js';
import { idCheckChar } from '../platform/identity/index.js';
import { computeIndicators, type IndicatorReport } from './index.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const DEAD_INSURED = id('44060619600101005');
const IN_TOWN_005 = '440606005001';
const IN_TOWN_101 = '440606101001';

describe.each(DIALECTS)('the indicators route and popx stats on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  const sessions: Record<string, Session> = {};
  const get = (who: string, query: string) => sessions[who]!.request({ method: 'GET', url: `/api/v1/stats/indicators?${query}` });
  let submittedOn: string;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    for (const [who, role, org] of [
      ['analyst', 'bureau_analyst', 'BUREAU'],
      ['town', 'town_operator', 'TOWN-005'],
      ['village', 'village_operator', 'VIL-005001'],
    ] as const) {
      sessions[who] = await loginAsRole(app, t.ctx, role, org);
    }
    submittedOn = new Date().toISOString().slice(0, 10);
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'R1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: IN_TOWN_005, registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'PS-101', 'hukou_register', [{ record_id: 'R2', id_number: DEAD_INSURED, name: '李强', sex: '1', birth_date: '1960-01-01', division: IN_TOWN_101, registered_on: '2010-01-01' }]);
    // Two rows: the second repeats the first (a duplicate); a third has no birth date (rejected).
    const birth = { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明', division: IN_TOWN_005 };
    await submitRows(t.ctx, 'HOSP-01', 'birth', [birth, birth, { record_id: 'B2', mother_id_number: MOTHER, child_sex: '2', child_name: '陈小红', division: IN_TOWN_005 }]);
    await submitRows(t.ctx, 'PS-101', 'hukou_death', [{ record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]);
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]);
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
    await runCrosscheck(t.ctx, { asOf: '2025-12-01' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('answers the same object as the indicators engine, with numerators, denominators and definitions', async () => {
    const response = await get('analyst', 'period=2025');
    expect(response.statusCode).toBe(200);
    const body = response.json() as IndicatorReport;
    expect(body).toMatchObject({ births: 1, deaths: 1, division: { code: '440606000000', level: 'district' } });
    expect(body.indicators.general_fertility_rate).toMatchObject({ numerator: 1, unit: '‰' });
    expect(body.indicators.general_fertility_rate!.zh).toContain('一般生育率');
    expect(body).toEqual(JSON.parse(JSON.stringify(await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025' }))));
  });

  it('keeps a town to its own area: its town by default, its villages on request, no other town', async () => {
    const own = (await get('town', 'period=2025')).json() as IndicatorReport;
    expect(own.division.code).toBe('440606005000');
    expect(own).toMatchObject({ births: 1, deaths: 0 });
    expect((await get('town', `period=2025&division=${IN_TOWN_005}`)).statusCode).toBe(200);
    const other = await get('town', 'period=2025&division=440606101000');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await get('village', 'period=2025')).json()).toMatchObject({ division: { code: IN_TOWN_005 }, births: 1 });
    expect((await get('village', 'period=2025&division=440606005000')).statusCode).toBe(403);
  });

  it('answers the dashboard in one request: the same reports as one request each, the exchange block once', async () => {
    const response = await sessions.analyst!.request({ method: 'GET', url: '/api/v1/stats/dashboard?period=2025&months=3' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { report: IndicatorReport; children: IndicatorReport[]; trend: IndicatorReport[] };
    const single = async (query: string) => (await get('analyst', query)).json() as IndicatorReport;
    expect(body.report).toEqual(await single('period=2025'));
    const towns = t.ctx.tree.childrenOf(t.ctx.tree.root.code);
    expect(body.children.map((r) => r.division.code)).toEqual(towns.map((d) => d.code));
    for (const [i, town] of towns.entries()) expect(body.children[i]).toEqual({ ...(await single(`period=2025&division=${town.code}`)), exchange: null });
    expect(body.trend.map((r) => r.period.label)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(body.trend[2]).toEqual({ ...(await single('period=2025-12')), exchange: null });
    // A town's dashboard: its villages below it; another town's is refused.
    const town = (await sessions.town!.request({ method: 'GET', url: '/api/v1/stats/dashboard?period=2025&months=0' })).json() as typeof body;
    expect(town.report.division.code).toBe('440606005000');
    expect(town.children.map((r) => r.division.code)).toEqual(t.ctx.tree.childrenOf('440606005000').map((d) => d.code));
    expect(town.children.find((r) => r.division.code === IN_TOWN_005)).toMatchObject({ births: 1 });
    expect(town.trend).toEqual([]);
    expect((await sessions.town!.request({ method: 'GET', url: '/api/v1/stats/dashboard?period=2025&division=440606101000' })).statusCode).toBe(403);
  });

  it('refuses a bad period or an unknown division in Chinese and English', async () => {
    const bad = await get('analyst', 'period=2025-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_PERIOD', messageZh: expect.stringContaining('统计期') as unknown } });
    const unknown = await get('analyst', 'period=2025&division=440606999000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'UNKNOWN_DIVISION' } });
    expect((await get('analyst', 'division=440606005000')).statusCode).toBe(400);
  });

  it('blanks small cells when asked to publish', async () => {
    const body = (await get('analyst', 'period=2025&publish=1')).json() as IndicatorReport;
    expect(body).toMatchObject({ published: true, births: null, deaths: null, crude_birth_rate: null });
    expect(body.indicators.births).toMatchObject({ suppressed: true });
  });

  it('reports the exchange: records per department and month, rejections, duplicates, reporting lag and open cases', async () => {
    const year = submittedOn.slice(0, 4);
    const body = (await get('analyst', `period=${year}`)).json() as IndicatorReport;
    const exchange = body.exchange!;
    const month = submittedOn.slice(0, 7);
    expect(exchange.records_by_org_month).toContainEqual({ org: 'HOSP-01', month, records: 1 });
    expect(exchange.records_by_org_month).toContainEqual({ org: 'PS-005', month, records: 1 });
    // 7 rows received: 1 rejected (no birth date), 1 duplicate.
    expect(exchange).toMatchObject({ submitted_rows: 7, rejected_rows: 1, duplicates: 1 });
    expect(exchange.rejection_rate).toBeCloseTo(100 / 7, 5);
    // Event dates of the 5 ledger entries: 2010-01-01 ×2, 2025-03-01, 2025-02-01 (death), 2020-01-01:
    // the median is the enrolment's lag, 2020-01-01 → today.
    const days = (from: string) => Math.round((Date.parse(submittedOn) - Date.parse(from)) / 86_400_000);
    expect(exchange.median_reporting_lag_days).toBe(days('2020-01-01'));
    expect(exchange.open_cases_by_org.reduce((sum, c) => sum + c.open, 0)).toBeGreaterThan(0);
    // A town sees its open cases, not the district's submissions.
    const town = (await get('town', `period=${year}`)).json() as IndicatorReport;
    expect(town.exchange).toMatchObject({ records_by_org_month: null, submitted_rows: null });
  });

  it('prints the same numbers from popx stats, as JSON and as CSV, and a bad period as a readable error', async () => {
    const env = { DATABASE_URL: t.database.url, POPX_ADMIN_PASSWORD: 'Cli-Bootstrap-2026' };
    const json = await runPopx(['stats', '--period', '2025', '--division', '440606005000'], env);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as IndicatorReport;
    expect({ ...printed, exchange: null }).toEqual({ ...(JSON.parse(JSON.stringify(await computeIndicators(t.ctx.db, t.ctx.tree, { period: '2025', division: '440606005000' }))) as IndicatorReport), exchange: null });
    const csv = await runPopx(['stats', '--period', '2025-01..2025-12', '--format', 'csv', '--publish'], env);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('key,value,numerator,denominator,unit,suppressed,not_applicable,zh,en');
    expect(lines.find((l) => l.startsWith('births,'))).toMatch(/^births,,,,persons,true,false,/);
    expect(lines.filter((l) => l.startsWith('population_end.pyramid.'))).toHaveLength(36);
    const bad = await runPopx(['stats', '--period', '2025-Q7'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('统计期不正确');
  }, 60_000);
});
