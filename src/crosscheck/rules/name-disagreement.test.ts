import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { nameDisagreement, namesDisagree } from './name-disagreement.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const RENAMED = id('44060619900101002'); // 陈丽华 to the police, 陈美玲 to the town
const HOMOPHONE = id('44060619910202004'); // 王丽 / 王莉
const TRADITIONAL = id('44060619920303006'); // 张伟华 / 張偉華
const SAME = id('44060619930404008');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe('namesDisagree', () => {
  it('tolerates homophones, traditional forms and fuzzy pinyin, not a different name', () => {
    expect(namesDisagree('王丽', '王莉')).toBe(false);
    expect(namesDisagree('张伟华', '張偉華')).toBe(false);
    expect(namesDisagree('陈志成', '陈志程')).toBe(false);
    expect(namesDisagree('陈丽华', '陈美玲')).toBe(true);
    expect(namesDisagree('李建国', '王建国')).toBe(true);
  });
});

describe.each(DIALECTS)('name_disagreement on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, name: string, birthDate: string) => ({
    record_id: recordId, id_number: idNumber, name, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: '20',
  });
  const profile = (recordId: string, idNumber: string, name: string, birthDate: string) => ({
    record_id: recordId, id_number: idNumber, name, birth_date: birthDate, marital_status: '20', division: VILLAGE, recorded_on: '2025-01-01',
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      register('R1', RENAMED, '陈丽华', '1990-01-01'),
      register('R2', HOMOPHONE, '王丽', '1991-02-02'),
      register('R3', TRADITIONAL, '张伟华', '1992-03-03'),
      register('R4', SAME, '赵敏', '1993-04-04'),
    ]);
    await submit('TOWN-005', 'woman_profile', [
      profile('W1', RENAMED, '陈美玲', '1990-01-01'),
      profile('W2', HOMOPHONE, '王莉', '1991-02-02'),
      profile('W3', TRADITIONAL, '張偉華', '1992-03-03'),
      profile('W4', SAME, '赵敏', '1993-04-04'),
    ]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags a different name, not a homophone or a traditional form, and asks the department whose name differs from the police', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [nameDisagreement] });
    expect(result.byRule.name_disagreement).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.evidence']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code}`)).toEqual([`${RENAMED} TOWN-005`]);
    const evidence = JSON.parse(cases[0]!.evidence) as { summary: { en: string }; entries: { orgCode: string; fields: { name: string } }[] };
    expect(evidence.summary.en).toBe('name: 陈丽华 / 陈美玲');
    expect(evidence.entries.map((e) => `${e.orgCode} ${e.fields.name}`)).toEqual(['PS-005 陈丽华', 'TOWN-005 陈美玲']);
  });

  it('closes the case by itself when the town corrects the name', async () => {
    await submit('TOWN-005', 'woman_profile', [{ ...profile('W1', RENAMED, '陈丽华', '1990-01-01'), action: 'correct' }]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [nameDisagreement] });
    expect(result.byRule.name_disagreement).toMatchObject({ found: 0, resolved: 1 });
  });
});
