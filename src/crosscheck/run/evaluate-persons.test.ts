import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { crosscheckFollower, evaluatePending } from './evaluate-persons.js';
import { runCrosscheck } from './run-crosscheck.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const CHILD = id('44060620250301001');
const DEAD_INSURED = id('44060619600101005');
const PREGNANT = id('44060619950505002');
const MISSEXED = id('44060619900101003');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

const register = (recordId: string, idNumber: string, name: string, sex: string, birthDate: string) => ({ record_id: recordId, id_number: idNumber, name, sex, birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01' });
const womanProfile = (recordId: string, action = 'create') => ({ record_id: recordId, action, id_number: MISSEXED, name: '吴刚', birth_date: '1990-01-01', marital_status: '20', division: VILLAGE, recorded_on: '2025-01-01' });

/** Each step is one submission; after it the registry projects with incremental evaluation. */
const STEPS: Array<[string, string, string, Record<string, string | number>[]]> = [
  // A birth to a mother the registry does not know yet: no hukou in the district, no case.
  ['a hospital birth', 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' }]],
  // The mother's registration makes the child's missing hukou a contradiction: the child is her relative.
  ['the mother registered', 'PS-005', 'hukou_register', [register('R1', MOTHER, '陈丽', '2', '1992-03-15'), register('R6', MISSEXED, '吴刚', '1', '1990-01-01')]],
  ['a profile of the wrong sex', 'TOWN-005', 'woman_profile', [womanProfile('W2')]],
  ['the profile cancelled', 'TOWN-005', 'woman_profile', [womanProfile('W2', 'cancel')]],
  ['the contradiction back', 'TOWN-005', 'woman_profile', [womanProfile('W3')]],
  ['the child registered', 'PS-005', 'hukou_birth', [{ record_id: 'HB1', id_number: CHILD, name: '陈小明', sex: '1', birth_date: '2025-03-01', division: VILLAGE, registered_on: '2025-04-01', mother_id_number: MOTHER }]],
  ['a death', 'PS-005', 'hukou_register', [register('R3', DEAD_INSURED, '李强', '1', '1960-01-01'), register('R5', PREGNANT, '周婷', '2', '1995-05-05')]],
  ['insurance active', 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]],
  ['the death registered', 'PS-005', 'hukou_death', [{ record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]],
  ['the insurance corrected', 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', action: 'correct', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '2' }]],
  ['an overdue pregnancy', 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: PREGNANT, registered_on: '2024-06-01', expected_delivery_on: '2025-01-15' }]],
  ['its birth', 'HOSP-01', 'birth', [{ record_id: 'B3', mother_id_number: PREGNANT, child_sex: '2', birth_date: '2025-01-20', child_name: '周小宝' }]],
];

describe.each(DIALECTS)('incremental cross-verification on %s', (dialect) => {
  let t: TestContext;
  const snapshot = async () =>
    (
      await t.ctx.db.kysely
        .selectFrom('cases as c')
        .innerJoin('persons as p', 'p.id', 'c.person_id')
        .select(['c.id', 'c.rule_id', 'c.version', 'c.status', 'c.evidence', 'c.owner_org_code', 'c.division_code', 'c.due_on', 'c.resolved_by', 'p.id_number', 'p.name'])
        .orderBy('c.id')
        .execute()
    ).map((r) => ({ ...r, version: Number(r.version) }));

  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(async () => t?.close());

  it('leaves after every submission exactly the cases a full run gives', async () => {
    const seen: string[] = [];
    for (const [step, org, type, rows] of STEPS) {
      const submitted = await submitRows(t.ctx, org, type, rows);
      expect(submitted.rejected, step).toBe(0);
      const follower = crosscheckFollower(t.ctx, { asOf: AS_OF });
      await projectLedger(t.ctx.db, '440606', undefined, follower.afterChunk);
      await follower.afterRun();
      expect(await t.ctx.db.kysely.selectFrom('crosscheck_pending').selectAll().execute(), step).toEqual([]);
      const incremental = await snapshot();
      const full = await runCrosscheck(t.ctx, { asOf: AS_OF });
      const changed = Object.entries(full.byRule).filter(([, r]) => r.opened + r.reopened + r.resolved > 0);
      expect(changed, `after ${step} a full run changed`).toEqual([]);
      expect(await snapshot(), `after ${step}`).toEqual(incremental);
      seen.push(`${step}: ${incremental.map((c) => `${c.rule_id} ${c.status}`).join(', ')}`);
    }
    // The series went through opening, closing by the system and reopening, all incrementally.
    const cases = await snapshot();
    expect(cases.map((c) => `${c.rule_id} ${c.id_number ?? c.name} ${c.status} ${c.resolved_by ?? ''}`.trim()).sort()).toEqual(
      [
        `birth_without_hukou ${CHILD} resolved system`,
        `dead_person_active ${DEAD_INSURED} resolved system`,
        `identity_disagreement ${MISSEXED} open`,
        `pregnancy_overdue ${PREGNANT} resolved system`,
        'birth_without_hukou 周小宝 open',
      ].sort(),
    );
    expect(seen[1]).toContain('birth_without_hukou open');
    const identity = cases.find((c) => c.rule_id === 'identity_disagreement')!;
    const history = await t.ctx.db.kysely.selectFrom('case_events').select(['action', 'note']).where('case_id', '=', identity.id).orderBy('version').execute();
    expect(history.map((h) => h.action)).toEqual(['open', 'auto_resolve', 'reopen']);
    expect(history[1]!.note).toContain('矛盾已消除');
    const audited = await t.ctx.db.kysely.selectFrom('audit_log').select('action').where('target_ids', 'like', `%${identity.id}%`).orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['case.open', 'case.auto_resolve', 'case.reopen']);
  });

  it('keeps the persons a projection touched marked until they are evaluated (a process stopped in between loses nothing)', async () => {
    await submitRows(t.ctx, 'PS-005', 'hukou_death', [{ record_id: 'D2', id_number: MISSEXED, died_on: '2025-06-01', cancelled_on: '2025-06-05' }]);
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I2', id_number: MISSEXED, enrolled_on: '2020-01-01', status: '1' }]);
    const follower = crosscheckFollower(t.ctx, { asOf: AS_OF });
    await projectLedger(t.ctx.db, '440606', undefined, follower.afterChunk);
    // Stopped before the after-run step: the marks are committed with the chunk.
    expect((await t.ctx.db.kysely.selectFrom('crosscheck_pending').selectAll().execute()).length).toBeGreaterThan(0);
    const before = await snapshot();
    expect(await evaluatePending(t.ctx.db, t.ctx.tree, { asOf: AS_OF })).toBeGreaterThan(0);
    expect(await t.ctx.db.kysely.selectFrom('crosscheck_pending').selectAll().execute()).toEqual([]);
    const after = await snapshot();
    expect(after).not.toEqual(before);
    expect(after.find((c) => c.rule_id === 'dead_person_active' && c.id_number === MISSEXED)).toMatchObject({ status: 'open' });
    const full = await runCrosscheck(t.ctx, { asOf: AS_OF });
    expect(Object.values(full.byRule).reduce((n, r) => n + r.opened + r.reopened + r.resolved, 0)).toBe(0);
  });
});
