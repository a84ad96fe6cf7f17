import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { runCrosscheck } from './index.js';

const DEAD_INSURED = '44060619600101005' + idCheckChar('44060619600101005');

interface CaseItem {
  id: string;
  status: string;
  personName: string | null;
  personIdNumber: string | null;
  escalatedAt: string | null;
  dueOn: string;
}

describe.each(DIALECTS)('overdue escalation and the person on a case, on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let bureau: Session;
  let labor: Session;
  const list = async (who: Session, query = '') => (await who.request({ method: 'GET', url: `/api/v1/cases${query}` })).json() as { items: CaseItem[]; total: number };
  const escalations = (caseId: string) => t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('action', '=', 'case.escalate').where('target_ids', 'like', `%${caseId}%`).execute();

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    bureau = await loginAsRole(app, t.ctx, 'bureau_admin', 'BUREAU');
    labor = await loginAsRole(app, t.ctx, 'dept_operator', 'LABOR-SI');
    await submitRows(t.ctx, 'PS-101', 'hukou_register', [{ record_id: 'R2', id_number: DEAD_INSURED, name: '李强', sex: '1', birth_date: '1960-01-01', division: '440606101001', registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'PS-101', 'hukou_death', [{ record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]);
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]);
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
    await runCrosscheck(t.ctx, { asOf: '2025-12-01' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('names the person on each case, the ID number masked as the registry masks it', async () => {
    const [item] = (await list(labor)).items;
    expect(item).toMatchObject({ personName: '李强', personIdNumber: `440606********${DEAD_INSURED.slice(-4)}`, escalatedAt: null });
  });

  it('escalates a case past its due date once, in its history and the audit log, and shows it to the bureau', async () => {
    const [item] = (await list(labor)).items;
    const before = await runCrosscheck(t.ctx, { asOf: item!.dueOn });
    expect(before.escalated).toBe(0);
    const dayAfter = new Date(Date.parse(`${item!.dueOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await runCrosscheck(t.ctx, { asOf: dayAfter })).escalated).toBe(1);
    expect((await runCrosscheck(t.ctx, { asOf: dayAfter })).escalated).toBe(0);
    const [escalated] = (await list(bureau)).items;
    expect(escalated!.escalatedAt).not.toBeNull();
    const detail = (await bureau.request({ method: 'GET', url: `/api/v1/cases/${item!.id}` })).json() as { history: { action: string; actor: string; note: string }[] };
    expect(detail.history.map((h) => `${h.action} ${h.actor}`)).toEqual(['open system', 'escalate system']);
    expect(detail.history[1]!.note).toContain('已逾期');
    expect(await escalations(item!.id)).toEqual([{ action: 'case.escalate', actor_type: 'system' }]);
  });

  it('keeps the escalation when a person reopens the case (its due date stands)', async () => {
    const [item] = (await list(labor)).items;
    expect((await labor.request({ method: 'POST', url: `/api/v1/cases/${item!.id}/action`, payload: { action: 'resolve', note: '保险已停发' } })).statusCode).toBe(200);
    const reopened = (await bureau.request({ method: 'POST', url: `/api/v1/cases/${item!.id}/action`, payload: { action: 'reopen' } })).json() as CaseItem;
    expect(reopened).toMatchObject({ status: 'open', personName: '李强' });
    expect(reopened.escalatedAt).not.toBeNull();
  });
});
