import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { creditCheckChar, idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from '../run/run-crosscheck.js';
import { businessWithoutPermit } from './business-without-permit.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const credit = (serial: string) => `92440606${serial}` + creditCheckChar(`92440606${serial}`);
const NO_PERMIT = id('43010219900101001');
const EXPIRED = id('43010219910202002');
const PERMITTED = id('43010219920303003');
const TOO_RECENT = id('43010219930404004');
const LOCAL = id('44060619940505005');
const VILLAGE = '440606005001';
const AS_OF = '2025-12-01';

describe.each(DIALECTS)('business_without_permit on %s', (dialect) => {
  let t: TestContext;
  const submit = async (org: string, type: string, rows: Record<string, string | number>[]) =>
    expect((await submitRows(t.ctx, org, type, rows)).rejected, `${org} ${type}`).toBe(0);
  const licence = (recordId: string, idNumber: string, serial: string, issuedOn: string) => ({
    record_id: recordId,
    id_number: idNumber,
    credit_code: credit(serial),
    issued_on: issuedOn,
    name: '经营者',
    division: VILLAGE,
  });
  const permit = (recordId: string, idNumber: string, birthDate: string, validTo: string) => ({
    record_id: recordId,
    id_number: idNumber,
    name: '流动',
    sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
    birth_date: birthDate,
    division: VILLAGE,
    valid_from: '2024-07-01',
    valid_to: validTo,
    hukou_division: '430102',
    permit_number: `440606${recordId.padStart(10, '0')}`,
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submit('PS-005', 'hukou_register', [
      {
        record_id: 'R1',
        id_number: LOCAL,
        name: '本地',
        sex: '1',
        birth_date: '1994-05-05',
        division: VILLAGE,
        registered_on: '2010-01-01',
      },
    ]);
    await submit('PS-005', 'residence_permit', [
      permit('1', EXPIRED, '1991-02-02', '2025-06-30'),
      permit('2', PERMITTED, '1992-03-03', '2027-06-30'),
    ]);
    await submit('COMMERCE', 'business_license', [
      licence('L1', NO_PERMIT, '000000001', '2025-05-01'),
      licence('L2', EXPIRED, '000000002', '2025-05-01'),
      licence('L3', PERMITTED, '000000003', '2025-05-01'),
      licence('L4', TOO_RECENT, '000000004', '2025-11-20'),
      licence('L5', LOCAL, '000000005', '2025-05-01'),
    ]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('flags the migrants trading here without a valid residence permit, and nobody else', async () => {
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [businessWithoutPermit] });
    expect(result.byRule.business_without_permit).toMatchObject({ found: 2, opened: 2 });
    const cases = await t.ctx.db.kysely
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.person_id')
      .select(['p.id_number', 'c.owner_org_code', 'c.division_code', 'c.evidence'])
      .orderBy('p.id_number')
      .execute();
    expect(cases.map((c) => `${c.id_number} ${c.owner_org_code} ${c.division_code}`)).toEqual(
      [`${NO_PERMIT} TOWN-005 ${VILLAGE}`, `${EXPIRED} TOWN-005 ${VILLAGE}`].sort(),
    );
    const expired = JSON.parse(cases.find((c) => c.id_number === EXPIRED)!.evidence) as {
      summary: { en: string };
      entries: { type: string }[];
    };
    expect(expired.summary.en).toContain('residence permit expired 2025-06-30');
    expect(expired.entries.map((e) => e.type)).toEqual(['business_license', 'residence_permit']);
  });

  it('closes the case by itself once the police report a permit', async () => {
    await submit('PS-005', 'residence_permit', [permit('3', NO_PERMIT, '1990-01-01', '2027-12-31')]);
    await projectLedger(t.ctx.db, '440606');
    const result = await runCrosscheck(t.ctx, { asOf: AS_OF, rules: [businessWithoutPermit] });
    expect(result.byRule.business_without_permit).toMatchObject({ found: 1, resolved: 1 });
  });
});
