import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { onlyChildWithSibling } from './only-child-with-sibling.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const INSURED_TWO = id('44060619900101002'); // insured, a second child born long ago
const INSURED_ONE = id('44060619910202004'); // insured, one child (reported twice: hospital and police)
const ENDED = id('44060619920303006'); // two children, policy ended
const RECENT = id('44060619930404008'); // insured, second child born 60 days ago
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('only_child_with_sibling on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const mother = (recordId: string, idNumber: string, birthDate: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: '20',
  });
  const child = (recordId: string, body17: string, birthDate: string, sex: string, motherId: string) => ({
    record_id: recordId, id_number: id(body17), name: `童${recordId}`, sex, birth_date: birthDate, division: VILLAGE, registered_on: birthDate, mother_id_number: motherId,
  });
  const insurance = (recordId: string, idNumber: string, status: string) => ({ record_id: recordId, id_number: idNumber, enrolled_on: '2020-06-01', status });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      mother('R1', INSURED_TWO, '1990-01-01'), mother('R2', INSURED_ONE, '1991-02-02'), mother('R3', ENDED, '1992-03-03'), mother('R4', RECENT, '1993-04-04'),
      child('C1', '44060620200101001', '2020-01-01', '1', INSURED_TWO),
      child('C2', '44060620200202002', '2020-02-02', '2', INSURED_ONE),
      child('C3', '44060620200303003', '2020-03-03', '1', ENDED),
      child('C4', '44060620200404004', '2020-04-04', '2', RECENT),
    ]);
    await submit('PS-005', 'hukou_birth', [
      child('H1', '44060620240101008', '2024-01-01', '2', INSURED_TWO),
      child('H3', '44060620240303002', '2024-03-03', '2', ENDED),
      child('H4', '44060620251002001', '2025-10-02', '1', RECENT),
    ]);
    // Her one child also reported by the hospital without an ID number: one child, not two.
    await submit('HOSP-01', 'birth', [{ record_id: 'B2', mother_id_number: INSURED_ONE, child_sex: '2', birth_date: '2020-02-02', birth_order: 1 }]);
    await submit('LABOR-SI', 'only_child_insurance', [insurance('I1', INSURED_TWO, '1'), insurance('I2', INSURED_ONE, '1'), insurance('I3', ENDED, '2'), insurance('I4', RECENT, '1')]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags only the insured parent whose second child was born beyond the grace period', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [onlyChildWithSibling] });
    expect(result.byRule.only_child_with_sibling).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.evidence']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code}`)).toEqual([`${INSURED_TWO} LABOR-SI`]);
    expect((JSON.parse(cases[0]!.evidence) as { summary: { en: string } }).summary.en).toContain('2 children in the registry, born 2020-01-01, 2024-01-01');
  });

  it('closes the case by itself when the insurer ends the policy', async () => {
    await submit('LABOR-SI', 'only_child_insurance', [{ ...insurance('I1', INSURED_TWO, '2'), action: 'correct' }]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [onlyChildWithSibling] });
    expect(result.byRule.only_child_with_sibling).toMatchObject({ found: 0, resolved: 1 });
  });
});
