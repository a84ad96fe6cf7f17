import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { newbornWithoutBirthRecord } from './newborn-without-birth-record.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const UNBORN = id('44060620250301001');
const HOSPITAL_BORN = id('44060620250305002');
const CERTIFIED = id('44060620250307003');
const RECENT = id('44060620251110004');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('newborn_without_birth_record on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const hukouBirth = (
    recordId: string,
    idNumber: string,
    name: string,
    sex: string,
    birthDate: string,
    registeredOn: string,
  ) => ({
    record_id: recordId,
    id_number: idNumber,
    name,
    sex,
    birth_date: birthDate,
    division: VILLAGE,
    registered_on: registeredOn,
    mother_id_number: MOTHER,
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      {
        record_id: 'R1',
        id_number: MOTHER,
        name: '陈丽',
        sex: '2',
        birth_date: '1992-03-15',
        division: VILLAGE,
        registered_on: '2010-01-01',
      },
    ]);
    await submit('HOSP-01', 'birth', [
      { record_id: 'B2', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-03-05', child_name: '陈二' },
    ]);
    await submit('MCH', 'birth_certificate', [
      {
        record_id: 'C3',
        birth_certificate_number: 'P440000003',
        mother_id_number: MOTHER,
        child_sex: '1',
        birth_date: '2025-03-07',
        issued_on: '2025-03-10',
        child_name: '陈三',
      },
    ]);
    await submit('PS-005', 'hukou_birth', [
      hukouBirth('H1', UNBORN, '陈一', '1', '2025-03-01', '2025-04-01'),
      hukouBirth('H2', HOSPITAL_BORN, '陈二', '2', '2025-03-05', '2025-04-01'),
      hukouBirth('H3', CERTIFIED, '陈三', '1', '2025-03-07', '2025-04-01'),
      hukouBirth('H4', RECENT, '陈四', '2', '2025-11-10', '2025-11-15'),
    ]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags only the registered newborn no health source reported, once the grace period is over', async () => {
    const children = await t.ctx.db.kysely
      .selectFrom('persons')
      .select('id')
      .where('status', '=', 'active')
      .where('birth_date', '>=', '2025-01-01')
      .execute();
    expect(children).toHaveLength(4);
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [newbornWithoutBirthRecord] });
    expect(result.byRule.newborn_without_birth_record).toMatchObject({ found: 1, opened: 1 });
    const cases = await t.ctx.db.kysely
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.person_id')
      .select(['p.id_number', 'c.owner_org_code'])
      .execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code}`)).toEqual([`${UNBORN} TOWN-005`]);
  });

  it('closes the case by itself when the hospital reports the birth', async () => {
    await submit('HOSP-01', 'birth', [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈一' },
    ]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [newbornWithoutBirthRecord] });
    expect(result.byRule.newborn_without_birth_record).toMatchObject({ found: 0, resolved: 1 });
  });
});
