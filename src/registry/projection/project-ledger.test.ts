import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { dropPersonSearchIndexes } from './person-search-indexes.js';
import { projectLedger, rebuildRegistry, reprojectPersons } from './project-ledger.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const FATHER = id('44060619900101001');
const CHILD = id('44060620250301001');
const TWIN_MOTHER = id('44060619950505004');
const VILLAGE = '440606101001';

describe.each(DIALECTS)('the registry projection on %s', (dialect) => {
  let t: TestContext;
  const project = () => projectLedger(t.ctx.db, '440606');
  const personsWith = async (column: 'id_number' | 'name', value: string) =>
    t.ctx.db.kysely.selectFrom('persons').selectAll().where(column, '=', value).where('status', '=', 'active').execute();
  const dump = async () => ({
    persons: await t.ctx.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute(),
    records: await t.ctx.db.kysely.selectFrom('person_records').selectAll().orderBy('seq').orderBy('role').execute(),
    relations: await t.ctx.db.kysely.selectFrom('person_relations').selectAll().orderBy('seq').orderBy('person_id').orderBy('kind').orderBy('other_id').execute(),
  });

  /** The persons table's indexes with their definitions, as the database reports them. */
  const personIndexes = async () => {
    const k = t.ctx.db.kysely;
    const rows =
      dialect === 'postgres'
        ? (await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and tablename = 'persons'`.execute(k)).rows
        : (await sql<{ name: string; def: string }>`select name, coalesce(sql, '') as def from sqlite_master where type = 'index' and tbl_name = 'persons'`.execute(k)).rows;
    // SQLite keeps the statement's text: compare the columns, not the IF NOT EXISTS.
    return rows.map((r) => ({ name: r.name, def: r.def.replace(/ if not exists/i, '').replace(/"/g, '').toLowerCase() })).sort((a, b) => a.name.localeCompare(b.name));
  };

  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(async () => t?.close());

  it('makes a newborn reported by the hospital without an ID one person with the child the police register later', async () => {
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: VILLAGE, registered_on: '2010-01-01' },
      { record_id: 'F1', id_number: FATHER, name: '李强', sex: '1', birth_date: '1990-01-01', division: VILLAGE, registered_on: '2010-01-01' },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, father_id_number: FATHER, child_sex: '1', birth_date: '2025-03-01', mother_name: '陈丽', birth_order: 1 }]);
    await submitRows(t.ctx, 'HOSP-01', 'vaccination', [
      { record_id: 'V1', vaccine: 'BCG', vaccinated_on: '2025-03-01', mother_id_number: MOTHER, child_birth_date: '2025-03-01', child_sex: '1' },
      { record_id: 'V2', vaccine: 'HepB', vaccinated_on: '2025-03-01', mother_id_number: MOTHER, child_birth_date: '2025-03-01', child_sex: '1' },
    ]);
    await submitRows(t.ctx, 'MCH', 'birth_certificate', [
      { record_id: 'C1', birth_certificate_number: 'P440000001', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', issued_on: '2025-03-05', child_name: '李明' },
    ]);
    await submitRows(t.ctx, 'PS-005', 'hukou_birth', [
      { record_id: 'HB1', id_number: CHILD, name: '李明', sex: '1', birth_date: '2025-03-01', division: VILLAGE, registered_on: '2025-03-20', mother_id_number: MOTHER, father_id_number: FATHER },
    ]);
    await project();
    const [child, ...others] = await personsWith('id_number', CHILD);
    expect(others).toEqual([]);
    const records = await t.ctx.db.kysely.selectFrom('person_records').select(['type', 'method']).where('person_id', '=', child!.id).orderBy('seq').execute();
    expect(records.map((r) => r.type)).toEqual(['birth', 'vaccination', 'vaccination', 'birth_certificate', 'hukou_birth']);
    expect(child).toMatchObject({ name: '李明', sex: '1', birth_date: '2025-03-01', population: 'registered', hukou_division: VILLAGE, managing_division: VILLAGE });
    const mother = (await personsWith('id_number', MOTHER))[0]!;
    const relations = await t.ctx.db.kysely.selectFrom('person_relations').select(['kind', 'other_id']).where('person_id', '=', child!.id).distinct().execute();
    expect(relations).toContainEqual({ kind: 'mother', other_id: mother.id });
  });

  it('keeps twins apart: two birth reports of one hospital for one mother and day are two children', async () => {
    await submitRows(t.ctx, 'HOSP-01', 'birth', [
      { record_id: 'T1', mother_id_number: TWIN_MOTHER, child_sex: '2', birth_date: '2025-04-02', mother_name: '王芳' },
      { record_id: 'T2', mother_id_number: TWIN_MOTHER, child_sex: '2', birth_date: '2025-04-02', mother_name: '王芳' },
    ]);
    await project();
    const mother = (await personsWith('id_number', TWIN_MOTHER))[0]!;
    const children = await t.ctx.db.kysely.selectFrom('person_relations').select('person_id').where('other_id', '=', mother.id).where('kind', '=', 'mother').distinct().execute();
    expect(children).toHaveLength(2);
  });

  it('takes identity from the police over a town, and records which entry each value came from', async () => {
    await submitRows(t.ctx, 'TOWN-005', 'woman_profile', [{ record_id: 'W1', id_number: MOTHER, name: '陈莉', birth_date: '1992-03-15', marital_status: '20', division: VILLAGE }]);
    await project();
    const mother = (await personsWith('id_number', MOTHER))[0]!;
    expect(mother.name).toBe('陈丽');
    expect(mother.marital_status).toBe('20');
    const golden = JSON.parse(mother.golden) as Record<string, { v: string; org: string; type: string }>;
    expect(golden.name).toMatchObject({ v: '陈丽', org: 'PS-005', type: 'hukou_register' });
    expect(golden.marital_status).toMatchObject({ v: '20', org: 'TOWN-005', type: 'woman_profile' });
  });

  it('applies corrections and cancellations to the persons they touched', async () => {
    await submitRows(t.ctx, 'PS-005', 'hukou_death', [{ record_id: 'D1', id_number: FATHER, died_on: '2025-05-01', cancelled_on: '2025-05-03' }]);
    await project();
    expect((await personsWith('id_number', FATHER))[0]).toMatchObject({ died_on: '2025-05-01', population: 'dead' });
    await submitRows(t.ctx, 'PS-005', 'hukou_death', [{ record_id: 'D1', action: 'correct', id_number: FATHER, died_on: '2025-04-30', cancelled_on: '2025-05-03' }]);
    await project();
    expect((await personsWith('id_number', FATHER))[0]).toMatchObject({ died_on: '2025-04-30', population: 'dead' });
    await submitRows(t.ctx, 'PS-005', 'hukou_death', [{ record_id: 'D1', action: 'cancel', id_number: FATHER, died_on: '2025-04-30', cancelled_on: '2025-05-03' }]);
    await project();
    expect((await personsWith('id_number', FATHER))[0]).toMatchObject({ died_on: null, population: 'registered' });
  });

  it('rebuilds exactly the registry that incremental projection built', async () => {
    const incremental = await dump();
    const result = await rebuildRegistry(t.ctx.db, '440606');
    expect(result.entries).toBeGreaterThan(0);
    expect(await dump()).toEqual(incremental);
  });

  it('rebuilds the same registry when a long run builds the search indexes after it, and leaves the indexes the migrations made', async () => {
    const incremental = await dump();
    const indexes = await personIndexes();
    expect(indexes.map((i) => i.name)).toContain('persons_name_key');
    await rebuildRegistry(t.ctx.db, '440606', undefined, { deferIndexesMinEntries: 0, chunkEntries: 2 });
    expect(await dump()).toEqual(incremental);
    expect(await personIndexes()).toEqual(indexes);
  });

  it('rebuilds the same registry when a reviewer re-projects persons between two chunks of a long run that keeps the ID numbers in memory', async () => {
    const incremental = await dump();
    const indexes = await personIndexes();
    let reprojected = false;
    // Between two chunks the lock passes to a re-projection: the run drops what it kept and builds the ID number index.
    const between = async () => {
      if (reprojected) return;
      reprojected = true;
      const someone = await t.ctx.db.kysely.selectFrom('persons').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      await reprojectPersons(t.ctx.db, '440606', [Number(someone.id)]);
    };
    await rebuildRegistry(t.ctx.db, '440606', between, { deferIndexesMinEntries: 0, chunkEntries: 2 });
    expect(reprojected).toBe(true);
    expect(await dump()).toEqual(incremental);
    expect(await personIndexes()).toEqual(indexes);
  });

  it('puts back the search indexes a killed long run left out, at the next run', async () => {
    const indexes = await personIndexes();
    await t.ctx.db.kysely.transaction().execute((trx) => dropPersonSearchIndexes(trx, true));
    expect((await personIndexes()).map((i) => i.name)).not.toContain('persons_id_number');
    expect((await personIndexes()).length).toBeLessThan(indexes.length);
    await project();
    expect(await personIndexes()).toEqual(indexes);
  });
});
