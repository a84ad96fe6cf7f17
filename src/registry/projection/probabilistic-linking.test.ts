import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger, rebuildRegistry } from './project-ledger.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const GIRL = id('44060620150601012');
/** GIRL with the two digits of the order code swapped and a fresh, valid check digit. */
const GIRL_SWAPPED = id('44060620150601102');
const BOY = id('44060620160203011');
const ADOPTER = id('44060619800101001');
const VILLAGE = '440606101001';

describe.each(DIALECTS)('probabilistic linking in the registry projection on %s', (dialect) => {
  let t: TestContext;
  const project = () => projectLedger(t.ctx.db, '440606');
  const k = () => t.ctx.db.kysely;
  const personsNamed = (name: string) => k().selectFrom('persons').selectAll().where('name', '=', name).where('status', '=', 'active').execute();
  const linkOf = async (type: string, recordId: string, role: string) =>
    k().selectFrom('person_records').select(['person_id', 'method', 'score']).where('type', '=', type).where('record_id', '=', recordId).where('role', '=', role).executeTakeFirstOrThrow();
  const adopt = async (recordId: string, child: Record<string, string>) => {
    const result = await submitRows(t.ctx, 'CIVIL', 'adoption', [{ record_id: recordId, adopter_id_number: ADOPTER, registered_on: '2025-01-10', ...child }]);
    expect(result.accepted).toBe(1);
    await project();
  };
  const dump = async () => ({
    persons: await k().selectFrom('persons').selectAll().orderBy('id').execute(),
    records: await k().selectFrom('person_records').selectAll().orderBy('seq').orderBy('role').execute(),
    keys: await k().selectFrom('person_blocking_keys').selectAll().orderBy('key').orderBy('person_id').execute(),
    reviews: await k().selectFrom('link_reviews').select(['id', 'seq', 'role', 'person_id', 'candidate_id', 'score', 'evidence', 'status']).orderBy('id').execute(),
  });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'R1', id_number: GIRL, name: '张小红', sex: '2', birth_date: '2015-06-01', division: VILLAGE, registered_on: '2015-07-01' },
      { record_id: 'R2', id_number: ADOPTER, name: '赵刚', sex: '1', birth_date: '1980-01-01', division: VILLAGE, registered_on: '2000-01-01' },
    ]);
    await project();
  });
  afterAll(async () => t?.close());

  it('links a record without an ID number to the person with the same name, birth date and sex', async () => {
    await adopt('A1', { child_name: '张小红', child_sex: '2', child_birth_date: '2015-06-01' });
    const girl = (await personsNamed('张小红'))[0]!;
    expect(await personsNamed('张小红')).toHaveLength(1);
    expect(await linkOf('adoption', 'A1', 'child')).toMatchObject({ person_id: girl.id, method: 'match' });
    expect((await linkOf('adoption', 'A1', 'child')).score).toBeGreaterThan(3.2);
  });

  it('finds a person first known without an ID number when a record brings a new ID number with the same name, birth date and sex', async () => {
    await adopt('A2', { child_name: '王明', child_sex: '1', child_birth_date: '2016-02-03' });
    const [before] = await personsNamed('王明');
    expect(before).toMatchObject({ id_number: null });
    const moved = await submitRows(t.ctx, 'PS-005', 'hukou_move_in', [
      { record_id: 'M1', id_number: BOY, name: '王明', sex: '1', birth_date: '2016-02-03', division: VILLAGE, moved_on: '2025-02-01' },
    ]);
    expect(moved.accepted).toBe(1);
    await project();
    const after = await personsNamed('王明');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, id_number: BOY, hukou_division: VILLAGE });
    expect(await linkOf('hukou_move_in', 'M1', 'subject')).toMatchObject({ person_id: before!.id, method: 'match' });
  });

  it('sends a near match to review and keeps the person apart until someone decides', async () => {
    await adopt('A3', { child_name: '张小东', child_sex: '2', child_birth_date: '2015-06-01' });
    const girl = (await personsNamed('张小红'))[0]!;
    const [near] = await personsNamed('张小东');
    expect(near).toBeDefined();
    expect(near!.id).not.toBe(girl.id);
    const review = await k().selectFrom('link_reviews').selectAll().where('person_id', '=', near!.id).executeTakeFirstOrThrow();
    expect(review).toMatchObject({ candidate_id: girl.id, status: 'open', role: 'child' });
    const evidence = JSON.parse(review.evidence) as Array<{ field: string; level: string }>;
    expect(evidence).toContainEqual(expect.objectContaining({ field: 'name', level: 'jw_92' }));
    expect(evidence).toContainEqual(expect.objectContaining({ field: 'birth_date', level: 'exact' }));
  });

  it('makes a clearly different person new, without a review', async () => {
    await adopt('A4', { child_name: '张建国', child_sex: '1', child_birth_date: '2015-06-01' });
    const [other] = await personsNamed('张建国');
    expect(await linkOf('adoption', 'A4', 'child')).toMatchObject({ person_id: other!.id, method: 'new' });
    expect(await k().selectFrom('link_reviews').selectAll().where('person_id', '=', other!.id).execute()).toEqual([]);
  });

  it('never links two different valid ID numbers, even one swap apart with every other field the same: it asks a reviewer', async () => {
    const moved = await submitRows(t.ctx, 'PS-005', 'hukou_move_in', [
      { record_id: 'M2', id_number: GIRL_SWAPPED, name: '张小红', sex: '2', birth_date: '2015-06-01', division: VILLAGE, moved_on: '2025-03-01' },
    ]);
    expect(moved.accepted).toBe(1);
    await project();
    const girls = await personsNamed('张小红');
    expect(girls.map((p) => p.id_number).sort()).toEqual([GIRL, GIRL_SWAPPED].sort());
    const swapped = girls.find((p) => p.id_number === GIRL_SWAPPED)!;
    const original = girls.find((p) => p.id_number === GIRL)!;
    const review = await k().selectFrom('link_reviews').selectAll().where('person_id', '=', swapped.id).executeTakeFirstOrThrow();
    expect(review.candidate_id).toBe(original.id);
    expect(JSON.parse(review.evidence)).toContainEqual(expect.objectContaining({ field: 'id_number', level: 'different_valid' }));
  });

  it('rebuilds exactly the persons, links, blocking keys and reviews that incremental projection built', async () => {
    const incremental = await dump();
    expect(incremental.keys.length).toBeGreaterThan(0);
    expect(incremental.reviews.length).toBe(2);
    await rebuildRegistry(t.ctx.db, '440606');
    expect(await dump()).toEqual(incremental);
  });
});
