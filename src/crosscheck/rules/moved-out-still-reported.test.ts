import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { movedOutStillReported } from './moved-out-still-reported.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const STILL_LISTED = id('44060619900101002');
const PROFILED_BEFORE = id('44060619910202004');
const MOVED_BACK = id('44060619920303006');
const STAYING = id('44060619930404008');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('moved_out_still_reported on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, birthDate: string) => ({
    record_id: recordId,
    id_number: idNumber,
    name: `女${recordId}`,
    sex: '2',
    birth_date: birthDate,
    division: VILLAGE,
    registered_on: '2010-01-01',
  });
  const profile = (recordId: string, idNumber: string, birthDate: string, recordedOn: string) => ({
    record_id: recordId,
    id_number: idNumber,
    name: `女${recordId}`,
    birth_date: birthDate,
    marital_status: '20',
    division: VILLAGE,
    recorded_on: recordedOn,
  });
  const moveOut = (recordId: string, idNumber: string) => ({
    record_id: recordId,
    id_number: idNumber,
    moved_on: '2025-03-01',
    to_division: '430102',
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      register('R1', STILL_LISTED, '1990-01-01'),
      register('R2', PROFILED_BEFORE, '1991-02-02'),
      register('R3', MOVED_BACK, '1992-03-03'),
      register('R4', STAYING, '1993-04-04'),
    ]);
    await submit('PS-005', 'hukou_move_out', [
      moveOut('O1', STILL_LISTED),
      moveOut('O2', PROFILED_BEFORE),
      moveOut('O3', MOVED_BACK),
    ]);
    await submit('PS-005', 'hukou_move_in', [
      {
        record_id: 'I3',
        id_number: MOVED_BACK,
        name: '女R3',
        sex: '2',
        birth_date: '1992-03-03',
        division: VILLAGE,
        moved_on: '2025-04-01',
        from_division: '430102',
      },
    ]);
    await submit('TOWN-005', 'woman_profile', [
      profile('W1', STILL_LISTED, '1990-01-01', '2025-05-01'),
      profile('W2', PROFILED_BEFORE, '1991-02-02', '2025-01-15'),
      profile('W3', MOVED_BACK, '1992-03-03', '2025-05-01'),
      profile('W4', STAYING, '1993-04-04', '2025-05-01'),
    ]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags only the woman the town still reports as resident after her registration moved out', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [movedOutStillReported] });
    expect(result.byRule.moved_out_still_reported).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.person_id')
      .select(['p.id_number', 'c.owner_org_code', 'c.evidence'])
      .execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code}`)).toEqual([`${STILL_LISTED} TOWN-005`]);
    const evidence = JSON.parse(cases[0]!.evidence) as { entries: { orgCode: string; type: string }[] };
    expect(evidence.entries.map((e) => `${e.orgCode} ${e.type}`)).toEqual([
      'PS-005 hukou_move_out',
      'TOWN-005 woman_profile',
    ]);
  });

  it('closes the case by itself when the town cancels the profile', async () => {
    await submit('TOWN-005', 'woman_profile', [
      { ...profile('W1', STILL_LISTED, '1990-01-01', '2025-05-01'), action: 'cancel' },
    ]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [movedOutStillReported] });
    expect(result.byRule.moved_out_still_reported).toMatchObject({ found: 0, resolved: 1 });
  });
});
