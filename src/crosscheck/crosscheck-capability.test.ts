import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { runCrosscheck } from './index.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const DEAD = id('44060619600101005');
const MISTYPED = id('44060619600101013');
const VILLAGE = '440606005001';

describe.each(DIALECTS)('a server with incremental cross-verification on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let reviewer: Session;
  const caught = async () => {
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
  };
  const cases = async () =>
    (await t.ctx.db.kysely.selectFrom('cases').select(['rule_id', 'person_id', 'status', 'version']).orderBy('rule_id').execute()).map((c) => ({ ...c, person_id: Number(c.person_id), version: Number(c.version) }));
  const personOf = async (idNumber: string) => Number((await t.ctx.db.kysely.selectFrom('persons').select('id').where('id_number', '=', idNumber).where('status', '=', 'active').executeTakeFirstOrThrow()).id);

  beforeAll(async () => {
    t = await createTestContext(dialect, { crosscheckIncremental: true });
    app = await buildTestApp(t.ctx);
    reviewer = await loginAsRole(app, t.ctx, 'reviewer', 'BUREAU');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('opens cases as the projector links arriving records, with no run', async () => {
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'R1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: VILLAGE, registered_on: '2010-01-01' },
      { record_id: 'R2', id_number: DEAD, name: '李强', sex: '1', birth_date: '1960-01-01', division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' }]);
    await submitRows(t.ctx, 'PS-005', 'hukou_death', [{ record_id: 'D1', id_number: DEAD, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]);
    // Insurance still paid, under a mistyped ID number: another person as far as the registry knows.
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: MISTYPED, enrolled_on: '2020-01-01', status: '1' }]);
    await caught();
    expect((await cases()).map((c) => `${c.rule_id} ${c.status}`)).toEqual(['birth_without_hukou open']);
  });

  it('re-evaluates the persons a reviewer merges: the dead man still insured gets his case at once', async () => {
    const dead = await personOf(DEAD);
    const other = await personOf(MISTYPED);
    const merged = await reviewer.request({ method: 'POST', url: `/api/v1/persons/${other}/merge`, payload: { into: dead, note: '身份证号录错' } });
    expect(merged.statusCode, merged.body).toBe(200);
    const now = await cases();
    expect(now.map((c) => `${c.rule_id} ${c.status}`)).toEqual(['birth_without_hukou open', 'dead_person_active open']);
    expect(now.find((c) => c.rule_id === 'dead_person_active')!.person_id).toBe(Math.min(dead, other));
    // A full run finds nothing the incremental evaluation missed.
    const full = await runCrosscheck(t.ctx);
    expect(Object.values(full.byRule).reduce((n, r) => n + r.opened + r.reopened + r.resolved, 0)).toBe(0);
    expect(await cases()).toEqual(now);
  });
});
