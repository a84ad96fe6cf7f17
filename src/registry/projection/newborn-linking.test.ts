import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger, rebuildRegistry, reprojectPersons, type ProjectionOptions } from './project-ledger.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const VILLAGE = '440606101001';

/**
 * Issue 5: a newborn reported by the hospital without an ID number is one person with the child
 * the police register later — also when a vaccination carrying the child's new ID number
 * arrives between the two, whatever the chunks.
 */
describe.each(DIALECTS)('a newborn known first without an ID number, then by a vaccination with it, on %s', (dialect) => {
  let t: TestContext;
  const k = () => t.ctx.db.kysely;
  const dump = async () => ({
    persons: await k().selectFrom('persons').selectAll().orderBy('id').execute(),
    records: await k().selectFrom('person_records').selectAll().orderBy('seq').orderBy('role').execute(),
    relations: await k().selectFrom('person_relations').selectAll().orderBy('seq').orderBy('person_id').orderBy('kind').orderBy('other_id').execute(),
    keys: await k().selectFrom('person_blocking_keys').selectAll().orderBy('key').orderBy('person_id').execute(),
    reviews: await k().selectFrom('link_reviews').select(['id', 'seq', 'role', 'person_id', 'candidate_id', 'score', 'status']).orderBy('id').execute(),
  });

  /** Submits birth → vaccination → hukou_birth for one mother's child, projecting as `when` says. */
  const scenario = async (n: number, when: 'once' | 'each' | 'chunked', vaccination: 'with mother' | 'without mother' = 'with mother') => {
    const mother = id(`4406061990010${n}002`);
    const child = id(`44060620250${n}01001`);
    const born = `2025-0${n}-01`;
    const options: ProjectionOptions = when === 'chunked' ? { chunkEntries: 1, keyFilterMinEntries: 0 } : {};
    const project = async (now: boolean) => {
      if (now) await projectLedger(t.ctx.db, '440606', undefined, undefined, options);
    };
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: `M${n}`, id_number: mother, name: `陈丽${n}`, sex: '2', birth_date: `1990-01-0${n}`, division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    await project(when === 'each');
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: `B${n}`, mother_id_number: mother, child_sex: '1', birth_date: born, mother_name: `陈丽${n}`, division: VILLAGE }]);
    await project(when === 'each');
    const vaccinated = await submitRows(t.ctx, 'HOSP-01', 'vaccination', [
      {
        record_id: `V${n}`,
        vaccine: 'HepB',
        vaccinated_on: born,
        child_id_number: child,
        ...(vaccination === 'with mother' ? { mother_id_number: mother } : {}),
        child_birth_date: born,
        child_sex: '1',
      },
    ]);
    expect(vaccinated.accepted).toBe(1);
    await project(when === 'each');
    await submitRows(t.ctx, 'PS-005', 'hukou_birth', [
      { record_id: `H${n}`, id_number: child, name: `李明${n}`, sex: '1', birth_date: born, division: VILLAGE, registered_on: `2025-0${n}-20`, mother_id_number: mother },
    ]);
    await project(true);
    const persons = await k().selectFrom('persons').select('id').where('birth_date', '=', born).where('status', '=', 'active').execute();
    expect(persons).toHaveLength(1);
    const records = await k().selectFrom('person_records').select(['type', 'person_id']).where('person_id', '=', persons[0]!.id).where('role', '=', 'child').orderBy('seq').execute();
    expect(records.map((r) => r.type)).toEqual(['birth', 'vaccination', 'hukou_birth']);
    const person = await k().selectFrom('persons').selectAll().where('id', '=', persons[0]!.id).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ id_number: child, name: `李明${n}`, sex: '1' });
  };

  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(async () => t?.close());

  it('links all three when one projection run reads them in one chunk', async () => {
    await scenario(1, 'once');
  });

  it('links all three when each is projected on its own', async () => {
    await scenario(2, 'each');
  });

  it('links all three when the vaccination comes in a later chunk of the same run', async () => {
    await scenario(3, 'chunked');
  });

  // A vaccination with neither the mother's ID number nor a name gives nothing to find the newborn by
  // (its child has a birth date, a sex and a new ID number): it is a person of its own. The police
  // registration finds that person by the ID number and the hospital's newborn through the mother:
  // it says the two are one, and they are merged.
  it('links all three when the vaccination names neither the mother nor the child, in one chunk', async () => {
    await scenario(4, 'once', 'without mother');
  });

  it('links all three when the vaccination names neither the mother nor the child, each projected on its own', async () => {
    await scenario(7, 'each', 'without mother');
  });

  it('links all three when the vaccination names neither the mother nor the child, in later chunks of the same run', async () => {
    await scenario(8, 'chunked', 'without mother');
  });

  /**
   * Twins born on one day, reported by the hospital without ID numbers; then one twin's vaccination
   * with its new ID number but neither the mother nor a name, and the police registration of that
   * twin (a boy) with the mother. Returns what a test checks.
   */
  const twins = async (n: number, sexes: readonly [string, string]) => {
    const mother = id(`440606199001${n}002`);
    const child = id(`4406062025${n}01001`);
    const born = `2025-${n}-01`;
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: `M${n}`, id_number: mother, name: `陈丽${n}`, sex: '2', birth_date: `1990-01-${n}`, division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [
      { record_id: `B${n}a`, mother_id_number: mother, child_sex: sexes[0], birth_date: born, mother_name: `陈丽${n}`, division: VILLAGE },
      { record_id: `B${n}b`, mother_id_number: mother, child_sex: sexes[1], birth_date: born, mother_name: `陈丽${n}`, division: VILLAGE },
    ]);
    await projectLedger(t.ctx.db, '440606');
    await submitRows(t.ctx, 'HOSP-01', 'vaccination', [{ record_id: `V${n}`, vaccine: 'HepB', vaccinated_on: born, child_id_number: child, child_birth_date: born, child_sex: '1' }]);
    await projectLedger(t.ctx.db, '440606');
    await submitRows(t.ctx, 'PS-005', 'hukou_birth', [
      { record_id: `H${n}`, id_number: child, name: `李明${n}`, sex: '1', birth_date: born, division: VILLAGE, registered_on: `2025-${n}-20`, mother_id_number: mother },
    ]);
    await projectLedger(t.ctx.db, '440606');
    const persons = await k().selectFrom('persons').select('id').where('birth_date', '=', born).where('status', '=', 'active').orderBy('id').execute();
    const typesOf = async (personId: number) =>
      (await k().selectFrom('person_records').select('type').where('person_id', '=', personId).where('role', '=', 'child').orderBy('seq').execute()).map((r) => r.type);
    const registration = await k().selectFrom('ledger').select('seq').where('type', '=', 'hukou_birth').where('record_id', '=', `H${n}`).executeTakeFirstOrThrow();
    return { child, persons: persons.map((p) => Number(p.id)), typesOf, registrationSeq: Number(registration.seq) };
  };

  it('keeps twins of one sex apart, and sends the registration of one of them to review instead of merging', async () => {
    const { child, persons, typesOf, registrationSeq } = await twins(10, ['1', '1']);
    expect(persons).toHaveLength(3);
    const types = await Promise.all(persons.map(typesOf));
    expect(types).toEqual([['birth'], ['birth'], ['vaccination', 'hukou_birth']]);
    const registered = persons[2]!;
    const reviews = await k().selectFrom('link_reviews').selectAll().where('seq', '=', registrationSeq).where('status', '=', 'open').execute();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ role: 'child' });
    expect(Number(reviews[0]!.person_id)).toBe(registered);
    expect(persons.slice(0, 2)).toContain(Number(reviews[0]!.candidate_id));

    // The reviewer links the registration to that twin: the twin, the vaccination and the registration are one.
    const twin = Number(reviews[0]!.candidate_id);
    const first = await k().selectFrom('person_records').select(['seq', 'role']).where('person_id', '=', twin).orderBy('seq').executeTakeFirstOrThrow();
    await k()
      .insertInto('link_decisions')
      .values({ id: 'twin-10', kind: 'same', seq_a: registrationSeq, role_a: 'child', seq_b: Number(first.seq), role_b: first.role, active: 1, decided_by: 'test', decided_at: new Date().toISOString(), note: null, revoked_by: null, revoked_at: null })
      .execute();
    await k().updateTable('link_reviews').set({ status: 'linked', decided_by: 'test', decided_at: new Date().toISOString() }).where('id', '=', reviews[0]!.id).execute();
    await reprojectPersons(t.ctx.db, '440606', [registered, twin]);
    const after = await k().selectFrom('persons').select(['id', 'id_number']).where('birth_date', '=', '2025-10-01').where('status', '=', 'active').orderBy('id').execute();
    expect(after).toHaveLength(2);
    const linked = after.find((p) => Number(p.id) === twin)!;
    expect(linked.id_number).toBe(child);
    expect(await typesOf(twin)).toEqual(['birth', 'vaccination', 'hukou_birth']);
    expect(await typesOf(persons.find((p) => p !== twin && p !== registered)!)).toEqual(['birth']);
  });

  it('merges the registered boy with the hospital\'s newborn boy and leaves his twin sister alone', async () => {
    const { child, persons, typesOf, registrationSeq } = await twins(11, ['1', '2']);
    expect(persons).toHaveLength(2);
    expect(await Promise.all(persons.map(typesOf))).toEqual([['birth', 'vaccination', 'hukou_birth'], ['birth']]);
    const boy = await k().selectFrom('persons').selectAll().where('id', '=', persons[0]!).executeTakeFirstOrThrow();
    expect(boy).toMatchObject({ id_number: child, sex: '1', name: '李明11' });
    expect(await k().selectFrom('link_reviews').select('id').where('seq', '=', registrationSeq).execute()).toEqual([]);
  });

  it('does not merge when the person the ID number found already has another mother', async () => {
    const [motherA, motherB, child, born] = [id('44060619900112002'), id('44060619900112004'), id('44060620251201001'), '2025-12-01'];
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M12a', id_number: motherA, name: '陈丽12', sex: '2', birth_date: '1990-01-12', division: VILLAGE, registered_on: '2010-01-01' },
      { record_id: 'M12b', id_number: motherB, name: '王芳12', sex: '2', birth_date: '1990-01-12', division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B12', mother_id_number: motherB, child_sex: '1', birth_date: born, mother_name: '王芳12', division: VILLAGE }]);
    await submitRows(t.ctx, 'HOSP-01', 'vaccination', [{ record_id: 'V12a', vaccine: 'HepB', vaccinated_on: born, child_id_number: child, child_birth_date: born, child_sex: '1' }]);
    await submitRows(t.ctx, 'PS-005', 'hukou_birth', [
      { record_id: 'H12', id_number: child, name: '李明12', sex: '1', birth_date: born, division: VILLAGE, registered_on: '2025-12-20', mother_id_number: motherA },
    ]);
    // Mother B's number on the child's vaccination contradicts the police: no merge with her newborn on it.
    await submitRows(t.ctx, 'HOSP-01', 'vaccination', [{ record_id: 'V12b', vaccine: 'BCG', vaccinated_on: born, child_id_number: child, mother_id_number: motherB, child_birth_date: born, child_sex: '1' }]);
    await projectLedger(t.ctx.db, '440606');
    const persons = await k().selectFrom('persons').select('id').where('birth_date', '=', born).where('status', '=', 'active').orderBy('id').execute();
    const types = await Promise.all(
      persons.map(async (p) => (await k().selectFrom('person_records').select('type').where('person_id', '=', p.id).where('role', '=', 'child').orderBy('seq').execute()).map((r) => r.type)),
    );
    expect(types).toEqual([['birth'], ['vaccination', 'hukou_birth', 'vaccination']]);
  });

  it('keeps the newborn one person when the hospital corrects its birth report after the mother\'s children were read in the chunk', async () => {
    const mother = id('44060619900105002');
    const born = '2025-05-01';
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M5', id_number: mother, name: '陈丽5', sex: '2', birth_date: '1990-01-05', division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    const birth = { record_id: 'B5', mother_id_number: mother, child_sex: '2', birth_date: born, mother_name: '陈丽5', division: VILLAGE, birth_weight_g: 3100 };
    await submitRows(t.ctx, 'HOSP-01', 'birth', [birth]);
    await projectLedger(t.ctx.db, '440606');
    // In one chunk: a vaccination reads the mother's children, then the birth report is corrected.
    await submitRows(t.ctx, 'HOSP-01', 'vaccination', [{ record_id: 'V5', vaccine: 'BCG', vaccinated_on: born, mother_id_number: mother, child_birth_date: born, child_sex: '2' }]);
    const corrected = await submitRows(t.ctx, 'HOSP-01', 'birth', [{ ...birth, action: 'correct', birth_weight_g: 3200 }]);
    expect(corrected.rejected).toBe(0);
    await projectLedger(t.ctx.db, '440606');
    const persons = await k().selectFrom('persons').select('id').where('birth_date', '=', born).where('status', '=', 'active').execute();
    expect(persons).toHaveLength(1);
    const records = await k().selectFrom('person_records').select('type').where('person_id', '=', persons[0]!.id).orderBy('seq').execute();
    expect(records.map((r) => r.type)).toEqual(['vaccination', 'birth']);
  });

  it('takes a birth certificate sent twice under two record ids for one child, so the late hospital report still finds it', async () => {
    const mother = id('44060619900106002');
    const born = '2025-06-01';
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M6', id_number: mother, name: '陈丽6', sex: '2', birth_date: '1990-01-06', division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    const certificate = { birth_certificate_number: 'P440000006', mother_id_number: mother, child_sex: '2', birth_date: born, issued_on: '2025-06-05', child_name: '刘洁福', mother_name: '陈丽6' };
    await submitRows(t.ctx, 'MCH', 'birth_certificate', [
      { record_id: 'C6a', ...certificate },
      { record_id: 'C6b', ...certificate },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B6', mother_id_number: mother, child_sex: '2', birth_date: born, mother_name: '陈丽6', division: VILLAGE }]);
    await projectLedger(t.ctx.db, '440606');
    const persons = await k().selectFrom('persons').select('id').where('birth_date', '=', born).where('status', '=', 'active').execute();
    expect(persons).toHaveLength(1);
    const records = await k().selectFrom('person_records').select('type').where('person_id', '=', persons[0]!.id).orderBy('seq').execute();
    expect(records.map((r) => r.type)).toEqual(['birth_certificate', 'birth_certificate', 'birth']);
  });

  it('rebuilds exactly the registry that incremental projection built', async () => {
    const incremental = await dump();
    await rebuildRegistry(t.ctx.db, '440606');
    expect(await dump()).toEqual(incremental);
  });

  it('rebuilds the same registry one entry per chunk (merges made in later chunks than the persons they join)', async () => {
    const incremental = await dump();
    await rebuildRegistry(t.ctx.db, '440606', undefined, { chunkEntries: 1, keyFilterMinEntries: 0 });
    expect(await dump()).toEqual(incremental);
  });

  it('rebuilds the same registry one entry per chunk as a long run that keeps the ID numbers in memory (merged-away persons forgotten)', async () => {
    const incremental = await dump();
    await rebuildRegistry(t.ctx.db, '440606', undefined, { chunkEntries: 1, keyFilterMinEntries: 0, deferIndexesMinEntries: 0 });
    expect(await dump()).toEqual(incremental);
  });
});
