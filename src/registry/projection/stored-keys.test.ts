import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { storedKey, storedKeysToDelete } from './blocking-keys.repository.js';
import { idSignature } from './person-link-record.js';
import { projectLedger, rebuildRegistry, type ProjectionOptions } from './project-ledger.js';
import { cursorStamp, lockRegistryCursor, relockRegistryCursor, saveRegistryCursor } from './registry.repository.js';
import { StoredKeyFilter } from './stored-key-filter.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const GIRL = id('44060620150601012');
/** GIRL with the two digits of the order code swapped and a fresh, valid check digit. */
const GIRL_SWAPPED = id('44060620150601102');
const BOY = id('44060620160203011');
const ADOPTER = id('44060619800101001');
const VILLAGE = '440606101001';
const OTHER_VILLAGE = '440606102001';
const ABOVE_PLAIN = 2 ** 32;

describe('where blocking keys are stored', () => {
  it('keeps a holder without a valid ID number at the key itself and one with a valid number above 2³², in its key’s own range', () => {
    const sig = idSignature(GIRL);
    expect(sig).toBeGreaterThan(0);
    for (const key of [0, 1, 123_456_789, 2 ** 32 - 1]) {
      expect(storedKey(key, 0)).toBe(key);
      const stored = storedKey(key, sig);
      expect(stored).toBeGreaterThanOrEqual(ABOVE_PLAIN + key * 2 ** 20);
      expect(stored).toBeLessThan(ABOVE_PLAIN + (key + 1) * 2 ** 20);
      expect(Number.isSafeInteger(stored)).toBe(true);
    }
    // Two adjacent digits swapped: the same digits, so the same signature and the same stored key.
    expect(storedKey(77, idSignature(GIRL_SWAPPED))).toBe(storedKey(77, sig));
    expect(storedKeysToDelete([5, 6], sig)).toEqual([storedKey(5, sig), storedKey(6, sig), 5, 6]);
    expect(storedKeysToDelete([5, 6], 0)).toEqual([5, 6]);
  });

  it('never says no to a key it was given', () => {
    const filter = new StoredKeyFilter(10_000);
    const keys = Array.from({ length: 10_000 }, (_, i) => storedKey((i * 2654435761) >>> 0, i % 3 === 0 ? 0 : 1 + i));
    for (const key of keys) filter.add(key);
    for (const key of keys) expect(filter.mayHold(key)).toBe(true);
    const others = Array.from({ length: 10_000 }, (_, i) => ABOVE_PLAIN + 2 ** 40 + i * 7919);
    const falseYes = others.filter((k) => filter.mayHold(k)).length;
    expect(falseYes).toBeLessThan(200);
  });
});

describe.each(DIALECTS)('stored blocking keys in the registry projection on %s', (dialect) => {
  let t: TestContext;
  const k = () => t.ctx.db.kysely;
  const personsNamed = (name: string) => k().selectFrom('persons').selectAll().where('name', '=', name).where('status', '=', 'active').execute();
  const linkOf = async (type: string, recordId: string, role: string) =>
    k().selectFrom('person_records').select(['person_id', 'method']).where('type', '=', type).where('record_id', '=', recordId).where('role', '=', role).executeTakeFirstOrThrow();
  const dump = async () => ({
    persons: await k().selectFrom('persons').selectAll().orderBy('id').execute(),
    records: await k().selectFrom('person_records').selectAll().orderBy('seq').orderBy('role').execute(),
    keys: await k().selectFrom('person_blocking_keys').selectAll().orderBy('key').orderBy('person_id').execute(),
    reviews: await k().selectFrom('link_reviews').select(['id', 'seq', 'role', 'person_id', 'candidate_id', 'score', 'evidence', 'status']).orderBy('id').execute(),
  });
  /** One entry per transaction, the key look-ups filtered from the first. */
  const FILTERED: ProjectionOptions = { chunkEntries: 1, keyFilterMinEntries: 0 };

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'R1', id_number: GIRL, name: '张小红', sex: '2', birth_date: '2015-06-01', division: VILLAGE, registered_on: '2015-07-01' },
      { record_id: 'R2', id_number: ADOPTER, name: '赵刚', sex: '1', birth_date: '1980-01-01', division: VILLAGE, registered_on: '2000-01-01' },
    ]);
    await projectLedger(t.ctx.db, '440606');
    // As many entries again as are projected: the run reads the stored keys into its filter, then adds what it writes.
    await submitRows(t.ctx, 'CIVIL', 'adoption', [{ record_id: 'A1', adopter_id_number: ADOPTER, registered_on: '2025-01-10', child_name: '张小红', child_sex: '2', child_birth_date: '2015-06-01' }]);
    await submitRows(t.ctx, 'CIVIL', 'adoption', [{ record_id: 'A2', adopter_id_number: ADOPTER, registered_on: '2025-01-11', child_name: '王明', child_sex: '1', child_birth_date: '2016-02-03' }]);
    await submitRows(t.ctx, 'PS-005', 'hukou_move_in', [{ record_id: 'M1', id_number: BOY, name: '王明', sex: '1', birth_date: '2016-02-03', division: VILLAGE, moved_on: '2025-02-01' }]);
    await submitRows(t.ctx, 'PS-005', 'hukou_move_in', [{ record_id: 'M2', id_number: GIRL_SWAPPED, name: '张小红', sex: '2', birth_date: '2015-06-01', division: VILLAGE, moved_on: '2025-03-01' }]);
    await submitRows(t.ctx, 'CIVIL', 'adoption', [{ record_id: 'A4', adopter_id_number: ADOPTER, registered_on: '2025-03-02', child_name: '张建国', child_sex: '1', child_birth_date: '2015-06-01' }]);
    await projectLedger(t.ctx.db, '440606', undefined, undefined, FILTERED);
  });
  afterAll(async () => t?.close());

  it('finds every kind of candidate through a run’s key filter: a valid holder for a record without a number, a holder without one for a record with one, the same digits for a swapped number', async () => {
    const [girl, swapped] = [...(await personsNamed('张小红'))].sort((a, b) => (a.id_number === GIRL ? -1 : b.id_number === GIRL ? 1 : 0));
    expect(girl!.id_number).toBe(GIRL);
    expect(await linkOf('adoption', 'A1', 'child')).toMatchObject({ person_id: girl!.id, method: 'match' });
    const boys = await personsNamed('王明');
    expect(boys).toHaveLength(1);
    expect(await linkOf('hukou_move_in', 'M1', 'subject')).toMatchObject({ person_id: boys[0]!.id, method: 'match' });
    expect(swapped!.id_number).toBe(GIRL_SWAPPED);
    const review = await k().selectFrom('link_reviews').selectAll().where('person_id', '=', swapped!.id).executeTakeFirstOrThrow();
    expect(review.candidate_id).toBe(girl!.id);
  });

  it('rebuilds the same registry with and without the key filter, one entry per transaction', async () => {
    const incremental = await dump();
    expect(incremental.keys.some((r) => Number(r.key) >= ABOVE_PLAIN && Number(r.id_sig) > 0)).toBe(true);
    expect(incremental.keys.some((r) => Number(r.key) < ABOVE_PLAIN && Number(r.id_sig) === 0)).toBe(true);
    await rebuildRegistry(t.ctx.db, '440606', undefined, FILTERED);
    expect(await dump()).toEqual(incremental);
    await rebuildRegistry(t.ctx.db, '440606', undefined, { chunkEntries: 1, keyFilterMinEntries: Number.POSITIVE_INFINITY });
    expect(await dump()).toEqual(incremental);
  });

  it('still finds, and replaces, keys of valid holders stored at the plain key (before they moved above 2³²)', async () => {
    // Integer literals: a bound JS number is a double to SQLite, and the division would not truncate.
    await sql`update person_blocking_keys set key = (key - 4294967296) / 1048576 where key >= 4294967296`.execute(k());
    expect(await k().selectFrom('person_blocking_keys').select('key').where('key', '>=', ABOVE_PLAIN).execute()).toEqual([]);
    const [boy] = await personsNamed('王明');
    expect(boy!.id_number).toBe(BOY);
    await submitRows(t.ctx, 'CIVIL', 'adoption', [{ record_id: 'A3', adopter_id_number: ADOPTER, registered_on: '2025-04-01', child_name: '王明', child_sex: '1', child_birth_date: '2016-02-03' }]);
    await projectLedger(t.ctx.db, '440606');
    expect(await linkOf('adoption', 'A3', 'child')).toMatchObject({ person_id: boy!.id, method: 'match' });
    // A move to another village changes the boy's keys: his old rows go, wherever they were stored.
    await submitRows(t.ctx, 'PS-005', 'hukou_move_in', [{ record_id: 'M3', id_number: BOY, name: '王明', sex: '1', birth_date: '2016-02-03', division: OTHER_VILLAGE, moved_on: '2025-05-01' }]);
    await projectLedger(t.ctx.db, '440606');
    expect((await personsNamed('王明'))[0]).toMatchObject({ id: boy!.id, hukou_division: OTHER_VILLAGE });
    const rows = await k().selectFrom('person_blocking_keys').selectAll().where('person_id', '=', boy!.id).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.key) >= ABOVE_PLAIN)).toBe(true);
  });

  it('tells a run whether anyone else took the cursor lock since its last chunk', async () => {
    const stamp = cursorStamp();
    await k()
      .transaction()
      .execute(async (trx) => {
        const seq = await lockRegistryCursor(trx);
        await saveRegistryCursor(trx, seq, stamp);
      });
    expect(await k().transaction().execute((trx) => relockRegistryCursor(trx, stamp))).toBe(true);
    await k()
      .transaction()
      .execute((trx) => lockRegistryCursor(trx));
    expect(await k().transaction().execute((trx) => relockRegistryCursor(trx, stamp))).toBe(false);
  });
});
