import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { deadPersonActive } from './dead-person-active.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const STILL_INSURED = id('44060619600101002'); // the insurer reports the policy in force after the death
const ENDED = id('44060619610202004'); // the insurer reports the policy ended after the death
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('dead_person_active on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, birthDate: string) => ({ record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01' });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [register('R1', STILL_INSURED, '1960-01-01'), register('R2', ENDED, '1961-02-02')]);
    await submit('LABOR-SI', 'only_child_insurance', [
      { record_id: 'I1', id_number: STILL_INSURED, enrolled_on: '2005-01-01', status: '1' },
      { record_id: 'I2', id_number: ENDED, enrolled_on: '2005-01-01', status: '1' },
    ]);
    await submit('PS-005', 'hukou_death', [
      { record_id: 'D1', id_number: STILL_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' },
      { record_id: 'D2', id_number: ENDED, died_on: '2025-02-01', cancelled_on: '2025-02-05' },
    ]);
    // The insurer's monthly report after the death: one still in force, one ended.
    await submit('LABOR-SI', 'only_child_insurance', [
      { record_id: 'I3', id_number: STILL_INSURED, enrolled_on: '2025-04-01', status: '1' },
      { record_id: 'I4', id_number: ENDED, enrolled_on: '2025-04-01', status: '2' },
    ]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags the policy still in force after the death, not the record that ends a policy after it', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [deadPersonActive] });
    expect(result.byRule.dead_person_active).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.rule_version']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code} v${c.rule_version}`)).toEqual([`${STILL_INSURED} LABOR-SI v2`]);
  });
});
