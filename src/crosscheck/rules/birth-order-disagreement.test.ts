import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { birthOrderDisagreement } from './birth-order-disagreement.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const WRONG = id('44060619900101002'); // one older child; the hospital reports a first birth
const RIGHT = id('44060619910202004'); // one older child; reported as the second
const FIRST = id('44060619920303006'); // no older child; reported as the first
const TOO_HIGH = id('44060619930404008'); // no older child; the town reports a third birth
const MOVED_IN = id('44060619940505000'); // moved in: the registry does not know her older children
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('birth_order_disagreement on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const mother = (recordId: string, idNumber: string, birthDate: string) => ({
    record_id: recordId, id_number: idNumber, name: `女${recordId}`, sex: '2', birth_date: birthDate, division: VILLAGE, registered_on: '2010-01-01', marital_status: '20',
  });
  const child = (recordId: string, body17: string, birthDate: string, sex: string, motherId: string) => ({
    record_id: recordId, id_number: id(body17), name: `童${recordId}`, sex, birth_date: birthDate, division: VILLAGE, registered_on: birthDate, mother_id_number: motherId,
  });
  const birth = (recordId: string, motherId: string, birthDate: string, order: number) => ({ record_id: recordId, mother_id_number: motherId, child_sex: '1', birth_date: birthDate, birth_order: order, division: VILLAGE });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      mother('R1', WRONG, '1990-01-01'), mother('R2', RIGHT, '1991-02-02'), mother('R3', FIRST, '1992-03-03'), mother('R4', TOO_HIGH, '1993-04-04'),
      child('C1', '44060620200101001', '2020-01-01', '1', WRONG),
      child('C2', '44060620200202002', '2020-02-02', '2', RIGHT),
    ]);
    await submit('PS-005', 'hukou_move_in', [{ record_id: 'I5', id_number: MOVED_IN, name: '女I5', sex: '2', birth_date: '1994-05-05', division: VILLAGE, moved_on: '2024-01-01' }]);
    await submit('HOSP-01', 'birth', [birth('B1', WRONG, '2025-03-01', 1), birth('B2', RIGHT, '2025-03-02', 2), birth('B3', FIRST, '2025-03-03', 1), birth('B5', MOVED_IN, '2025-03-05', 2)]);
    await submit('TOWN-005', 'birth', [birth('T4', TOO_HIGH, '2025-03-04', 3)]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it("flags the births whose order the mother's children in the registry contradict, and asks the reporter", async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [birthOrderDisagreement] });
    expect(result.byRule.birth_order_disagreement).toMatchObject({ found: 2, opened: 2 });
    const cases = await t.ctx.db.kysely.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['p.id_number', 'c.owner_org_code', 'c.evidence']).execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code}`).sort()).toEqual([`${WRONG} HOSP-01`, `${TOO_HIGH} TOWN-005`].sort());
    const wrong = cases.find((c) => c.id_number === WRONG)!;
    expect((JSON.parse(wrong.evidence) as { summary: { en: string } }).summary.en).toBe("HOSP-01 birth of 2025-03-01: order 1, the registry's children make it 2");
  });

  it('closes the case by itself when the hospital corrects the birth order', async () => {
    await submit('HOSP-01', 'birth', [{ ...birth('B1', WRONG, '2025-03-01', 2), action: 'correct' }]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [birthOrderDisagreement] });
    expect(result.byRule.birth_order_disagreement).toMatchObject({ found: 1, resolved: 1 });
  });
});
