import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, login, type Session } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, TEST_ADMIN_PASSWORD, type TestContext } from '../../../test/test-database.js';

describe.each(DIALECTS)('organisations on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('starts the demo district with one organisation of each kind and a station and village office per town', async () => {
    const list = await admin.request({ method: 'GET', url: '/api/v1/orgs?pageSize=200' });
    const items = list.json().items as Array<{ code: string; type: string; parentCode: string | null }>;
    const types = new Set(items.map((o) => o.type));
    expect([...types].sort()).toEqual(['bureau', 'civil', 'commerce', 'health', 'infocenter', 'labor', 'mch', 'police', 'town', 'village']);
    expect(items.filter((o) => o.type === 'town')).toHaveLength(10);
    expect(items.filter((o) => o.code.startsWith('PS-'))).toHaveLength(10);
    expect(items.filter((o) => o.type === 'village')).toHaveLength(10);
    expect(items.filter((o) => o.code.startsWith('HOSP-'))).toHaveLength(2);
    expect(items.find((o) => o.code === 'PS-005')?.parentCode).toBe('POLICE');
    expect(items.find((o) => o.code === 'VIL-005001')?.parentCode).toBe('TOWN-005');
  });

  it('creates an organisation with divisions and a liaison, audited', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: {
        code: 'HOSP-03',
        type: 'health',
        name: '顺德区第三人民医院',
        parentCode: 'HEALTH',
        divisions: ['440606101000'],
        liaisonName: '李敏',
        liaisonPhone: '0757-22223333',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'HOSP-03', parentCode: 'HEALTH', divisions: ['440606101000'], liaisonName: '李敏' });
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'org.create').execute();
    expect(audit.some((row) => row.target_ids.includes('HOSP-03') && row.actor_name === 'admin')).toBe(true);
  });

  it('refuses a duplicate code, an unknown division, an unknown type and a bad code with clear errors', async () => {
    const post = (payload: object) => admin.request({ method: 'POST', url: '/api/v1/orgs', payload });
    const dup = await post({ code: 'BUREAU', type: 'bureau', name: 'x' });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'ORG_EXISTS']);
    const division = await post({ code: 'X-1', type: 'town', name: 'x', divisions: ['110105000000'] });
    expect([division.statusCode, division.json().error.code]).toEqual([400, 'UNKNOWN_DIVISION']);
    expect(division.json().error.details.divisions).toEqual(['110105000000']);
    const type = await post({ code: 'X-2', type: 'army', name: 'x' });
    expect([type.statusCode, type.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const code = await post({ code: 'bad code!', type: 'town', name: 'x' });
    expect(code.json().error.details[0].field).toContain('code');
  });

  it('refuses a parent that would make a cycle', async () => {
    const response = await admin.request({ method: 'PATCH', url: '/api/v1/orgs/POLICE', payload: { parentCode: 'PS-005' } });
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'INVALID_PARENT']);
  });

  it('updates the liaison and deactivates an organisation', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: '/api/v1/orgs/PS-005',
      payload: { liaisonName: '陈志强', liaisonPhone: '13800138000', active: false },
    });
    expect(response.json()).toMatchObject({ liaisonName: '陈志强', liaisonPhone: '13800138000', active: false });
  });

  it("shows a town operator only its town's organisations", async () => {
    const town = await loginAsRole(app, t.ctx, 'town_operator', 'TOWN-005');
    const list = await town.request({ method: 'GET', url: '/api/v1/orgs?pageSize=200' });
    const codes = (list.json().items as Array<{ code: string }>).map((o) => o.code).sort();
    expect(codes).toContain('TOWN-005');
    expect(codes).toContain('PS-005');
    expect(codes).toContain('VIL-005001');
    expect(codes).not.toContain('TOWN-003');
    expect(codes).not.toContain('PS-003');
    expect((await town.request({ method: 'GET', url: '/api/v1/orgs/TOWN-003' })).statusCode).toBe(404);
  });

  it('pages and filters the list', async () => {
    const page = await admin.request({ method: 'GET', url: '/api/v1/orgs?type=police&pageSize=3&page=2' });
    expect(page.json().total).toBe(11);
    expect(page.json().items).toHaveLength(3);
    const search = await admin.request({ method: 'GET', url: `/api/v1/orgs?q=${encodeURIComponent('派出所')}` });
    expect(search.json().total).toBe(10);
    const byCode = await admin.request({ method: 'GET', url: '/api/v1/orgs?q=ps-' });
    expect(byCode.json().total).toBe(10);
  });
});
