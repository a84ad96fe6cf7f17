import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { marriageProfileDisagreement } from './marriage-profile-disagreement.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const REMARRIED = id('44060619900101002'); // profile says divorced, dated before her marriage
const DIVORCED = id('44060619910202004'); // profile after the divorce still says married
const UPDATED = id('44060619920303006'); // profile updated after the marriage
const RECENT = id('44060619930404008'); // married 30 days ago: the town still has time
const OLDER = id('44060619700505002'); // 55 at the marriage: not profiled any more
const WIDOWED = id('44060619940606004'); // profile after the marriage says widowed
const NEVER_MARRIED = id('44060619950707006'); // police: unmarried; profile: married; no marriage
const REMARRIED_WIDOW = id('44060619960808008'); // profile (before the marriage) names her late husband
const FORMER_HUSBAND = id('44060619850909001');
const HUSBAND = id('44060619880808001');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('marriage_profile_disagreement on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const register = (recordId: string, idNumber: string, birthDate: string, marital: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: marital,
  });
  const profile = (recordId: string, idNumber: string, birthDate: string, marital: string, recordedOn: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId.replace('W', 'R')}`, birth_date: birthDate, marital_status: marital, division: VILLAGE, recorded_on: recordedOn,
  });
  const civil = (recordId: string, wife: string, registeredOn: string) => ({ record_id: recordId, husband_id_number: HUSBAND, wife_id_number: wife, registered_on: registeredOn });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      register('R1', REMARRIED, '1990-01-01', '40'),
      register('R2', DIVORCED, '1991-02-02', '20'),
      register('R3', UPDATED, '1992-03-03', '10'),
      register('R4', RECENT, '1993-04-04', '10'),
      register('R5', OLDER, '1970-05-05', '40'),
      register('R6', WIDOWED, '1994-06-06', '10'),
      register('R7', NEVER_MARRIED, '1995-07-07', '10'),
      register('R8', REMARRIED_WIDOW, '1996-08-08', '20'),
    ]);
    await submit('TOWN-005', 'woman_profile', [
      profile('W1', REMARRIED, '1990-01-01', '40', '2024-01-01'),
      profile('W2', DIVORCED, '1991-02-02', '20', '2025-06-01'),
      profile('W3', UPDATED, '1992-03-03', '20', '2025-04-01'),
      profile('W4', RECENT, '1993-04-04', '40', '2024-01-01'),
      profile('W5', OLDER, '1970-05-05', '40', '2019-01-01'),
      profile('W6', WIDOWED, '1994-06-06', '30', '2025-05-01'),
      profile('W7', NEVER_MARRIED, '1995-07-07', '20', '2025-01-01'),
      { ...profile('W8', REMARRIED_WIDOW, '1996-08-08', '20', '2024-01-01'), spouse_id_number: FORMER_HUSBAND },
      // Married to him, profiled after the wedding: agrees.
      { ...profile('W3b', UPDATED, '1992-03-03', '20', '2025-04-02'), spouse_id_number: HUSBAND },
    ]);
    await submit('CIVIL-MR', 'marriage', [
      civil('M1', REMARRIED, '2025-03-01'),
      civil('M3', UPDATED, '2025-03-01'),
      civil('M4', RECENT, '2025-11-01'),
      civil('M5', OLDER, '2025-03-01'),
      civil('M6', WIDOWED, '2025-01-01'),
      civil('M8', REMARRIED_WIDOW, '2025-03-01'),
    ]);
    await submit('CIVIL-MR', 'divorce', [civil('D2', DIVORCED, '2025-02-01')]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  const openCases = async () => {
    const rows = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code']).where('c.status', '=', 'open').execute();
    return rows.map((c) => `${c.id_number} ${c.owner_org_code}`).sort();
  };

  it("flags a registration the town's latest profile contradicts after the grace period, and a married profile of a woman the police register unmarried", async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [marriageProfileDisagreement] });
    expect(result.byRule.marriage_profile_disagreement).toMatchObject({ found: 4, opened: 4 });
    expect(await openCases()).toEqual([`${REMARRIED} TOWN-005`, `${DIVORCED} TOWN-005`, `${NEVER_MARRIED} TOWN-005`, `${REMARRIED_WIDOW} TOWN-005`].sort());
    const evidence = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select('c.evidence').where('p.id_number', '=', REMARRIED).executeTakeFirstOrThrow();
    const parsed = JSON.parse(evidence.evidence) as { summary: { en: string }; entries: { type: string; fields: Record<string, string> }[] };
    expect(parsed.entries.map((e) => e.type)).toEqual(['marriage', 'woman_profile']);
    expect(parsed.summary.en).toContain('says divorced');
  });

  it('closes the case by itself when the town reports a profile that agrees', async () => {
    await submit('TOWN-005', 'woman_profile', [profile('W1b', REMARRIED, '1990-01-01', '20', '2025-04-10')]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [marriageProfileDisagreement] });
    expect(result.byRule.marriage_profile_disagreement).toMatchObject({ found: 3, resolved: 1 });
  });
});
