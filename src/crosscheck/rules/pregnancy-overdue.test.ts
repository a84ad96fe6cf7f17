import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { pregnancyOverdue } from './pregnancy-overdue.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const OVERDUE = id('44060619900101002');
const MOVED_OUT = id('44060619910202004'); // moved out of the district while pregnant
const DELIVERED = id('44060619920303006');
const NOT_YET = id('44060619930404008'); // due 20 days ago
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('pregnancy_overdue on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, birthDate: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: '20',
  });
  const pregnancy = (recordId: string, idNumber: string, due: string) => ({ record_id: recordId, id_number: idNumber, registered_on: '2025-03-01', expected_delivery_on: due });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [register('R1', OVERDUE, '1990-01-01'), register('R2', MOVED_OUT, '1991-02-02'), register('R3', DELIVERED, '1992-03-03'), register('R4', NOT_YET, '1993-04-04')]);
    await submit('TOWN-005', 'pregnancy', [pregnancy('P1', OVERDUE, '2025-09-01'), pregnancy('P2', MOVED_OUT, '2025-09-01'), pregnancy('P3', DELIVERED, '2025-09-01'), pregnancy('P4', NOT_YET, '2025-11-11')]);
    await submit('PS-005', 'hukou_move_out', [{ record_id: 'O2', id_number: MOVED_OUT, moved_on: '2025-06-01', to_division: '430102' }]);
    await submit('HOSP-01', 'birth', [{ record_id: 'B3', mother_id_number: DELIVERED, child_sex: '1', birth_date: '2025-08-28' }]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags a pregnancy 30 days past its due date without outcome, not one of a woman who moved out of the district', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [pregnancyOverdue] });
    expect(result.byRule.pregnancy_overdue).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.rule_version']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code} v${c.rule_version}`)).toEqual([`${OVERDUE} TOWN-005 v2`]);
  });
});
