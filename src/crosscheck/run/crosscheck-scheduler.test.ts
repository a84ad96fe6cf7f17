import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import { CrosscheckScheduler } from './crosscheck-scheduler.js';

const PREGNANT = '44060619950505002' + idCheckChar('44060619950505002');
/** 02:30 on 2025-03-01 in the district (UTC+8). */
const AFTER_TWO = new Date('2025-02-28T18:30:00Z');

describe.each(DIALECTS)('the daily cross-verification run on %s', (dialect) => {
  let t: TestContext;
  const openCases = () => t.ctx.db.kysely.selectFrom('cases').select(['rule_id', 'status']).where('status', '=', 'open').execute();

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'R5', id_number: PREGNANT, name: '周婷', sex: '2', birth_date: '1995-05-05', division: '440606005001', registered_on: '2010-01-01' }]);
    await submitRows(t.ctx, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: PREGNANT, registered_on: '2024-06-01', expected_delivery_on: '2025-01-15' }]);
    await projectLedger(t.ctx.db, '440606');
  });
  afterAll(async () => t?.close());

  it('does nothing before its time of day', async () => {
    const scheduler = new CrosscheckScheduler(t.ctx, '03:00');
    expect(await scheduler.tick(AFTER_TWO)).toBeNull();
    expect(await t.ctx.db.kysely.selectFrom('crosscheck_runs').selectAll().execute()).toEqual([]);
  });

  it('runs once a day across two server processes, and time alone opens the cases of time-based rules', async () => {
    const one = new CrosscheckScheduler(t.ctx, '02:00');
    const other = new CrosscheckScheduler(t.ctx, '02:00');
    const [a, b] = await Promise.all([one.tick(AFTER_TWO), other.tick(AFTER_TWO)]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    const result = (a ?? b)!;
    expect(result.asOf).toBe('2025-03-01');
    expect(result.byRule.pregnancy_overdue!.opened).toBe(1);
    expect(await openCases()).toEqual([{ rule_id: 'pregnancy_overdue', status: 'open' }]);
    const runs = await t.ctx.db.kysely.selectFrom('crosscheck_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ day: '2025-03-01' });
    expect(runs[0]!.finished_at).not.toBeNull();
    // Later the same day, and a third process started later: nothing runs again.
    expect(await new CrosscheckScheduler(t.ctx, '02:00').tick(new Date('2025-03-01T03:00:00Z'))).toBeNull();
    // The next day runs again.
    expect(await one.tick(new Date('2025-03-01T18:05:00Z'))).not.toBeNull();
  });

  it('takes over a day whose run was claimed by a process that died', async () => {
    await t.ctx.db.kysely.insertInto('crosscheck_runs').values({ day: '2025-03-05', runner: 'dead:1', started_at: '2025-03-04T18:01:00Z', finished_at: null, result: null }).execute();
    const scheduler = new CrosscheckScheduler(t.ctx, '02:00');
    expect(await scheduler.tick(new Date('2025-03-04T19:00:00Z'))).toBeNull();
    expect(await new CrosscheckScheduler(t.ctx, '02:00').tick(new Date('2025-03-05T03:00:00Z'))).not.toBeNull();
    const run = await t.ctx.db.kysely.selectFrom('crosscheck_runs').selectAll().where('day', '=', '2025-03-05').executeTakeFirstOrThrow();
    expect(run.runner).not.toBe('dead:1');
    expect(run.finished_at).not.toBeNull();
  });
});
