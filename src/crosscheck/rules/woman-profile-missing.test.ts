import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { womanProfileMissing } from './woman-profile-missing.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MISSING = id('44060619900101002'); // registered, married, never profiled
const PROFILED = id('44060619910202004'); // registered, married, profiled
const SINGLE = id('44060619920303006'); // registered, unmarried
const TOO_OLD = id('44060619700404008'); // registered, married, 55
const JUST_MARRIED = id('44060619930505000'); // married 30 days ago
const FLOATING = id('43010219940606002'); // floating, married, valid permit, never profiled
const EXPIRED = id('43010219950707004'); // floating, married, permit expired
const HUSBAND = id('44060619880808001');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('woman_profile_missing on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, birthDate: string, marital: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: marital,
  });
  const permit = (recordId: string, idNumber: string, birthDate: string, validTo: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, valid_from: '2024-01-01', valid_to: validTo, hukou_division: '430102', marital_status: '20',
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      register('R1', MISSING, '1990-01-01', '20'),
      register('R2', PROFILED, '1991-02-02', '20'),
      register('R3', SINGLE, '1992-03-03', '10'),
      register('R4', TOO_OLD, '1970-04-04', '20'),
      register('R5', JUST_MARRIED, '1993-05-05', '10'),
    ]);
    await submit('PS-005', 'residence_permit', [permit('P6', FLOATING, '1994-06-06', '2026-12-31'), permit('P7', EXPIRED, '1995-07-07', '2025-06-30')]);
    await submit('TOWN-005', 'woman_profile', [{ record_id: 'W2', id_number: PROFILED, name: '女R2', birth_date: '1991-02-02', marital_status: '20', division: VILLAGE, recorded_on: '2024-01-01' }]);
    await submit('CIVIL-MR', 'marriage', [{ record_id: 'M5', husband_id_number: HUSBAND, wife_id_number: JUST_MARRIED, registered_on: '2025-11-01' }]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags the married women of childbearing age living in the district whom no town profiles', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [womanProfileMissing] });
    expect(result.byRule.woman_profile_missing).toMatchObject({ found: 2, opened: 2 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.division_code']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code} ${c.division_code}`).sort()).toEqual([`${MISSING} TOWN-005 ${VILLAGE}`, `${FLOATING} TOWN-005 ${VILLAGE}`].sort());
  });

  it('closes the case by itself when the town reports her profile', async () => {
    await submit('VIL-005001', 'woman_profile', [{ record_id: 'W1', id_number: MISSING, name: '女R1', birth_date: '1990-01-01', marital_status: '20', division: VILLAGE, recorded_on: '2025-11-20' }]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [womanProfileMissing] });
    expect(result.byRule.woman_profile_missing).toMatchObject({ found: 1, resolved: 1 });
  });
});
