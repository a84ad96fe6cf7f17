import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { runCrosscheck } from './index.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const DEAD_INSURED = id('44060619600101005');
const IN_TOWN_005 = '440606005001';
const IN_TOWN_101 = '440606101001';

interface CaseItem {
  id: string;
  rule: string;
  status: string;
  person_id: number;
  ownerOrgCode: string;
  ownerOrgName: string | null;
  divisionCode: string | null;
  divisionName: string | null;
  evidenceSummary: { en: string; zh: string };
}

describe.each(DIALECTS)('case routes on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  const sessions: Record<string, Session> = {};
  const list = async (who: string, query = '') => (await sessions[who]!.request({ method: 'GET', url: `/api/v1/cases${query}` })).json() as { items: CaseItem[]; total: number };
  const act = (who: string, caseId: string, payload: object) => sessions[who]!.request({ method: 'POST', url: `/api/v1/cases/${caseId}/action`, payload });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    for (const [who, role, org] of [
      ['admin', 'bureau_admin', 'BUREAU'],
      ['analyst', 'bureau_analyst', 'BUREAU'],
      ['town', 'town_operator', 'TOWN-005'],
      ['otherTown', 'town_operator', 'TOWN-101'],
      ['village', 'village_operator', 'VIL-005001'],
      ['labor', 'dept_operator', 'LABOR-SI'],
      ['hospital', 'dept_operator', 'HOSP-01'],
    ] as const) {
      sessions[who] = await loginAsRole(app, t.ctx, role, org);
    }
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'R1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: IN_TOWN_005, registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'PS-101', 'hukou_register', [{ record_id: 'R2', id_number: DEAD_INSURED, name: '李强', sex: '1', birth_date: '1960-01-01', division: IN_TOWN_101, registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明', division: IN_TOWN_005 }]);
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

  it('shows the bureau every case, a town and its village their jurisdiction, a department the cases it owns', async () => {
    const all = await list('admin');
    expect(all.total).toBe(2);
    expect(all.items.map((c) => `${c.rule} ${c.status} ${c.ownerOrgCode}`).sort()).toEqual(['birth_without_hukou open TOWN-005', 'dead_person_active open LABOR-SI']);
    expect(all.items.every((c) => typeof c.id === 'string' && c.person_id > 0 && c.evidenceSummary.en.length > 0)).toBe(true);
    // Names beside the codes, for a clerk who does not know them by heart.
    const birth = all.items.find((c) => c.rule === 'birth_without_hukou')!;
    expect(birth.ownerOrgName).toBe((await t.ctx.db.kysely.selectFrom('orgs').select('name').where('code', '=', 'TOWN-005').executeTakeFirstOrThrow()).name);
    expect(birth.divisionName).toBe(t.ctx.tree.get(birth.divisionCode!)!.name);
    expect(birth.divisionName).not.toBe(birth.divisionCode);
    expect((await list('analyst')).total).toBe(2);
    expect((await list('town')).items.map((c) => c.rule)).toEqual(['birth_without_hukou']);
    expect((await list('village')).items.map((c) => c.rule)).toEqual(['birth_without_hukou']);
    // Town 101 manages the dead man, so it sees the department's case about him.
    expect((await list('otherTown')).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('labor')).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('hospital')).total).toBe(0);
  });

  it('filters by rule and status', async () => {
    expect((await list('admin', '?rule=dead_person_active')).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('admin', '?status=resolved')).total).toBe(0);
    expect((await list('admin', '?rule=dead_person_active&status=open&page=1&pageSize=1')).total).toBe(1);
  });

  it('filters by area, responsible organisation and overdue', async () => {
    expect((await list('admin', '?area=440606005000')).items.map((c) => c.rule)).toEqual(['birth_without_hukou']);
    expect((await list('admin', `?area=${IN_TOWN_101}`)).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('admin', '?area=440606999999')).total).toBe(0);
    expect((await list('admin', '?owner=LABOR-SI')).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('admin', '?overdue=true')).total).toBe(0);
    const k = t.ctx.db.kysely;
    const due = await k.selectFrom('cases').select('due_on').where('rule_id', '=', 'dead_person_active').executeTakeFirstOrThrow();
    await k.updateTable('cases').set({ due_on: '2025-01-01' }).where('rule_id', '=', 'dead_person_active').execute();
    expect((await list('admin', '?overdue=true')).items.map((c) => c.rule)).toEqual(['dead_person_active']);
    expect((await list('town', '?overdue=true')).total).toBe(0);
    await k.updateTable('cases').set({ due_on: due.due_on }).where('rule_id', '=', 'dead_person_active').execute();
  });

  it('shows a case with its evidence side by side only to those who see it', async () => {
    const [labor] = (await list('labor')).items;
    const detail = (await sessions.labor!.request({ method: 'GET', url: `/api/v1/cases/${labor!.id}` })).json();
    expect(detail.evidence.entries.map((e: { orgCode: string; type: string }) => `${e.orgCode} ${e.type}`)).toEqual(['PS-101 hukou_death', 'LABOR-SI only_child_insurance']);
    expect(detail.history.map((h: { action: string; actor: string }) => `${h.action} ${h.actor}`)).toEqual(['open system']);
    expect((await sessions.town!.request({ method: 'GET', url: `/api/v1/cases/${labor!.id}` })).statusCode).toBe(404);
    expect((await act('hospital', labor!.id, { action: 'start' })).statusCode).toBe(404);
  });

  it('lets the responsible town work a case: start, comment, resolve with a note, reopen; each step in the history and the audit log', async () => {
    const [birth] = (await list('town')).items;
    const caseId = birth!.id;
    expect((await act('town', caseId, { action: 'start' })).json().status).toBe('in_progress');
    expect((await act('town', caseId, { action: 'comment', note: '已联系家长' })).json().status).toBe('in_progress');
    const noNote = await act('town', caseId, { action: 'resolve' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('VALIDATION_FAILED');
    const resolved = (await act('town', caseId, { action: 'resolve', note: '户口已在外地登记' })).json();
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: '户口已在外地登记' });
    const again = await act('town', caseId, { action: 'dismiss', note: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_CASE_STATE');
    expect((await act('village', caseId, { action: 'reopen' })).json()).toMatchObject({ status: 'open', resolvedAt: null });
    const detail = (await sessions.admin!.request({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['open', 'start', 'comment', 'resolve', 'reopen']);
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'actor_role']).where('target_type', '=', 'case').where('target_ids', 'like', `%${caseId}%`).orderBy('seq').execute();
    expect(audited.map((a) => `${a.action} ${a.actor_role ?? 'system'}`)).toEqual(['case.open system', 'case.start town_operator', 'case.comment town_operator', 'case.resolve town_operator', 'case.reopen village_operator']);
  });

  it('keeps a case a person resolved closed on the next run while the evidence is the same', async () => {
    const [labor] = (await list('labor')).items;
    expect((await act('labor', labor!.id, { action: 'resolve', note: '已核实，保险已停发' })).statusCode).toBe(200);
    await runCrosscheck(t.ctx, { asOf: '2025-12-01' });
    expect((await list('labor')).items[0]).toMatchObject({ id: labor!.id, status: 'resolved' });
  });

  it('lists the rules with the open cases the caller sees', async () => {
    const rules = (await sessions.town!.request({ method: 'GET', url: '/api/v1/crosscheck/rules' })).json() as { items: { id: string; openCases: number; description: { zh: string; en: string } }[] };
    expect(rules.items.map((r) => `${r.id} ${r.openCases}`)).toEqual([
      'birth_without_hukou 1',
      'newborn_without_birth_record 0',
      'dead_person_active 0',
      'pregnancy_overdue 0',
      'identity_disagreement 0',
      'name_disagreement 0',
      'marriage_profile_disagreement 0',
      'woman_profile_missing 0',
      'birth_order_disagreement 0',
      'moved_out_still_reported 0',
      'business_without_permit 0',
      'only_child_with_sibling 0',
    ]);
    expect(rules.items.every((r) => r.description.zh.length > 0 && r.description.en.length > 0)).toBe(true);
  });
});
