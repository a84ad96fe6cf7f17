import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { catchUpRegistry } from '../../registry/index.js';
import { selectSharedPersons } from './shared-persons.queries.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const WOMAN = id('44060619920315002');

describe.each(DIALECTS)('the prepared person look-up on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'W1', id_number: WOMAN, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: '440606005001', registered_on: '2010-01-01' }]);
    await catchUpRegistry(t.ctx);
  });
  afterAll(() => t.close());

  it('finds a person by exact ID number (15-digit form too) or exact name, and nobody by a prefix', async () => {
    expect((await selectSharedPersons(t.ctx.db, { idNumber: WOMAN })).map((p) => p.name)).toEqual(['陈丽']);
    expect((await selectSharedPersons(t.ctx.db, { idNumber: '440606920315002' })).map((p) => p.id_number)).toEqual([WOMAN]);
    expect((await selectSharedPersons(t.ctx.db, { name: ' 陈丽 ' })).map((p) => p.id_number)).toEqual([WOMAN]);
    expect(await selectSharedPersons(t.ctx.db, { idNumber: WOMAN.slice(0, 12) })).toEqual([]);
    expect(await selectSharedPersons(t.ctx.db, { name: '陈' })).toEqual([]);
  });

  it('never reads what another request’s open transaction has not committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const writer = t.ctx.db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('persons').set({ name: '未提交' }).where('id_number', '=', WOMAN).execute();
        entered();
        await held;
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await inside;
    const during = selectSharedPersons(t.ctx.db, { name: '未提交' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await writer;
    expect(await during).toEqual([]);
    expect((await selectSharedPersons(t.ctx.db, { idNumber: WOMAN })).map((p) => p.name)).toEqual(['陈丽']);
  });
});
