import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from './run-crosscheck.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const MOTHER_OK = id('44060619930401004');
const DEAD_INSURED = id('44060619600101005');
const DEAD_PROFILED = id('44060619650202008');
const PREGNANT = id('44060619950505002');
const MISSEXED = id('44060619900101003');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

const submit = async (t: TestContext, org: string, type: string, rows: Record<string, string | number>[]) => {
  const result = await submitRows(t.ctx, org, type, rows);
  expect(result.rejected, `${org} ${type}`).toBe(0);
};
const womanProfile = (recordId: string, action = 'create') => ({ record_id: recordId, action, id_number: MISSEXED, name: '吴刚', birth_date: '1990-01-01', marital_status: '20', division: VILLAGE, recorded_on: '2025-01-01' });
const register = (recordId: string, idNumber: string, name: string, sex: string, birthDate: string) => ({ record_id: recordId, id_number: idNumber, name, sex, birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01' });

describe.each(DIALECTS)('popx crosscheck run on %s', (dialect) => {
  let t: TestContext;
  const project = () => projectLedger(t.ctx.db, '440606');
  const run = () => runCrosscheck(t.ctx, { asOf: AS_OF, batchSize: 3 });
  const openCases = async () => {
    const rows = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['c.rule_id', 'p.id_number', 'p.name', 'c.owner_org_code', 'c.status']).where('c.status', 'in', ['open', 'in_progress']).execute();
    return rows.map((r) => `${r.rule_id} ${r.id_number ?? r.name} ${r.owner_org_code}`).sort();
  };

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit(t, 'PS-005', 'hukou_register', [
      register('R1', MOTHER, '陈丽', '2', '1992-03-15'),
      register('R2', MOTHER_OK, '王芳', '2', '1993-04-01'),
      register('R3', DEAD_INSURED, '李强', '1', '1960-01-01'),
      register('R4', DEAD_PROFILED, '赵敏', '2', '1965-02-02'),
      register('R5', PREGNANT, '周婷', '2', '1995-05-05'),
      register('R6', MISSEXED, '吴刚', '1', '1990-01-01'),
    ]);
    // (a) a hospital birth never registered; another registered in time.
    await submit(t, 'HOSP-01', 'birth', [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' },
      { record_id: 'B2', mother_id_number: MOTHER_OK, child_sex: '2', birth_date: '2025-03-05', child_name: '王小红' },
    ]);
    await submit(t, 'PS-005', 'hukou_birth', [
      { record_id: 'HB2', id_number: id('44060620250305002'), name: '王小红', sex: '2', birth_date: '2025-03-05', division: VILLAGE, registered_on: '2025-04-01', mother_id_number: MOTHER_OK },
    ]);
    // (b) dead with insurance still active; dead with a town profile dated after the death.
    await submit(t, 'PS-005', 'hukou_death', [
      { record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' },
      { record_id: 'D2', id_number: DEAD_PROFILED, died_on: '2025-02-01', cancelled_on: '2025-02-05' },
    ]);
    await submit(t, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]);
    await submit(t, 'TOWN-005', 'woman_profile', [{ record_id: 'W1', id_number: DEAD_PROFILED, name: '赵敏', birth_date: '1965-02-02', marital_status: '20', division: VILLAGE, recorded_on: '2025-06-01' }]);
    // (c) a pregnancy long past its due date.
    await submit(t, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: PREGNANT, registered_on: '2024-06-01', expected_delivery_on: '2025-01-15' }]);
    // (d) the town profiles as a woman a man the police register as male.
    await submit(t, 'TOWN-005', 'woman_profile', [womanProfile('W2')]);
    await project();
  });
  afterAll(async () => t?.close());

  it('opens one case per contradiction, each with its rule and responsible organisation, and nothing else', async () => {
    const result = await run();
    expect(await openCases()).toEqual(
      [
        'birth_without_hukou 陈小明 TOWN-005',
        `dead_person_active ${DEAD_INSURED} LABOR-SI`,
        `dead_person_active ${DEAD_PROFILED} TOWN-005`,
        `pregnancy_overdue ${PREGNANT} TOWN-005`,
        `identity_disagreement ${MISSEXED} TOWN-005`,
      ].sort(),
    );
    expect(result.byRule.birth_without_hukou!.opened).toBe(1);
    const evidence = await t.ctx.db.kysely.selectFrom('cases').select('evidence').where('rule_id', '=', 'identity_disagreement').executeTakeFirstOrThrow();
    const parsed = JSON.parse(evidence.evidence) as { summary: { en: string }; entries: { orgCode: string; fields: Record<string, string> }[] };
    expect(parsed.summary.en).toBe('sex: 1 / 2');
    expect(parsed.entries.map((e) => `${e.orgCode} ${e.fields.sex}`).sort()).toEqual(['PS-005 1', 'TOWN-005 2']);
  });

  it('opens no duplicate on a re-run', async () => {
    const before = await t.ctx.db.kysely.selectFrom('cases').select(['id', 'version']).orderBy('id').execute();
    const result = await run();
    expect(Object.values(result.byRule).reduce((n, r) => n + r.opened + r.reopened + r.resolved, 0)).toBe(0);
    expect(await t.ctx.db.kysely.selectFrom('cases').select(['id', 'version']).orderBy('id').execute()).toEqual(before);
  });

  it('closes a case by the system when corrected data arrives, and reopens it when the contradiction returns', async () => {
    await submit(t, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', action: 'correct', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '2' }]);
    await submit(t, 'TOWN-005', 'woman_profile', [womanProfile('W2', 'cancel')]);
    await submit(t, 'HOSP-01', 'birth', [{ record_id: 'B3', mother_id_number: PREGNANT, child_sex: '1', birth_date: '2025-01-20', child_name: '周小宝' }]);
    await project();
    const result = await run();
    expect(result.byRule.dead_person_active!.resolved).toBe(1);
    expect(result.byRule.identity_disagreement!.resolved).toBe(1);
    expect(result.byRule.pregnancy_overdue!.resolved).toBe(1);
    // The birth that ended the pregnancy is itself a birth the police have not registered.
    expect(await openCases()).toEqual(['birth_without_hukou 周小宝 TOWN-005', 'birth_without_hukou 陈小明 TOWN-005', `dead_person_active ${DEAD_PROFILED} TOWN-005`]);
    const closed = await t.ctx.db.kysely.selectFrom('cases').selectAll().where('rule_id', '=', 'identity_disagreement').executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'resolved', resolved_by: 'system' });

    await submit(t, 'TOWN-005', 'woman_profile', [womanProfile('W3')]);
    await project();
    expect((await run()).byRule.identity_disagreement!.reopened).toBe(1);
    const reopened = await t.ctx.db.kysely.selectFrom('cases').selectAll().where('rule_id', '=', 'identity_disagreement').execute();
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ id: closed.id, status: 'open', resolved_by: null });
    const history = await t.ctx.db.kysely.selectFrom('case_events').select('action').where('case_id', '=', closed.id).orderBy('version').execute();
    expect(history.map((h) => h.action)).toEqual(['open', 'auto_resolve', 'reopen']);
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('target_ids', 'like', `%${closed.id}%`).orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['case.open', 'case.auto_resolve', 'case.reopen']);
  });
});
