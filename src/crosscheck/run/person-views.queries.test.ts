import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import type { PersonTable } from '../../platform/db/index.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { projectLedger } from '../../registry/index.js';
import type { PersonView } from '../rules/crosscheck-rule.js';
import { activePersonsAfter, loadPersonViews } from './person-views.queries.js';
import { SqlitePersonViews } from './sqlite-person-views.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const PEOPLE = [id('44060619920315002'), id('44060619930401004'), id('44060619600101005'), id('44060619650202008')];
const VILLAGE = '440606005001';

/** A view with its records as plain data (the payload parsed), to compare views loaded by different queries. */
const plain = (view: PersonView) => ({ ...view, golden: view.golden, flags: view.flags, records: view.records.map((r) => ({ seq: r.seq, role: r.role, orgCode: r.orgCode, orgType: r.orgType, type: r.type, recordId: r.recordId, eventDate: r.eventDate, payload: r.payload })) });

describe.each(DIALECTS)('person views on %s', (dialect) => {
  let t: TestContext;
  let persons: PersonTable[];

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const result = await submitRows(
      t.ctx,
      'PS-005',
      'hukou_register',
      PEOPLE.map((idNumber, i) => ({ record_id: `R${i}`, id_number: idNumber, name: `张${'一二三四'[i]}`, sex: idNumber[16]! === '1' || idNumber[16]! === '5' ? '1' : '2', birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, division: VILLAGE, registered_on: '2010-01-01' })),
    );
    expect(result.rejected).toBe(0);
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: PEOPLE[1]!, enrolled_on: '2020-01-01', status: '1' }]);
    // Two children of the first woman (mother and children rows), one reported by a hospital only.
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: PEOPLE[0]!, child_sex: '1', birth_date: '2025-03-01', child_name: '张小明', birth_order: 1 }]);
    await submitRows(t.ctx, 'PS-005', 'hukou_birth', [{ record_id: 'HB1', id_number: id('44060620240105002'), name: '张小红', sex: '2', birth_date: '2024-01-05', division: VILLAGE, registered_on: '2024-02-01', mother_id_number: PEOPLE[0]! }]);
    await projectLedger(t.ctx.db, '440606');
    persons = await t.ctx.db.kysely.selectFrom('persons').selectAll().where('status', '=', 'active').orderBy('id').execute();
    expect(persons.map((p) => p.id_number)).toEqual(expect.arrayContaining(PEOPLE));
  });
  afterAll(() => t?.close());

  it('gives a batch read by an id range only its own persons’ records, as an IN list and one person at a time do', async () => {
    const [a, b, c, d] = persons;
    // a, c, d span 4 ids for 3 persons: read by a range that also holds b, whose records must not leak.
    const ranged = await loadPersonViews(t.ctx.db.kysely, [a!, c!, d!]);
    // a and d span 4 ids for 2 persons: read by an IN list.
    const listed = await loadPersonViews(t.ctx.db.kysely, [a!, d!]);
    const single = await Promise.all([a!, b!, c!, d!].map(async (p) => (await loadPersonViews(t.ctx.db.kysely, [p]))[0]!));
    expect(ranged.map((v) => v.id)).toEqual([a, c, d].map((p) => Number(p!.id)));
    expect(ranged.flatMap((v) => v.records.map((r) => r.recordId))).not.toContain('I1');
    expect(single[1]!.records.map((r) => r.recordId).sort()).toEqual(['I1', 'R1']);
    expect(ranged.map(plain)).toEqual([single[0]!, single[2]!, single[3]!].map(plain));
    expect(listed.map(plain)).toEqual([single[0]!, single[3]!].map(plain));
  });

  it.runIf(dialect === 'sqlite')('gives a full run’s batches on SQLite (prepared statements, golden records read on demand) the views of the portable queries', async () => {
    const reader = new SqlitePersonViews(t.ctx.db.sqlite!);
    const everyone = await activePersonsAfter(t.ctx.db.kysely, 0, 100);
    const portable = await loadPersonViews(t.ctx.db.kysely, everyone);
    expect(portable.some((v) => v.children.length === 2)).toBe(true);
    expect(portable.filter((v) => v.motherPopulation !== null)).toHaveLength(2);
    const all = reader.batchAfter(0, 100, (views) => views.map(plain));
    expect(all).toEqual({ lastId: Number(everyone.at(-1)!.id), count: everyone.length, result: portable.map(plain) });
    // In batches of 2 after the first person, as a run pages through the registry.
    const paged = [];
    for (let after = Number(everyone[0]!.id); ; ) {
      const batch = reader.batchAfter(after, 2, (views) => views.map(plain));
      if (batch.lastId === null) break;
      expect(batch.count).toBeLessThanOrEqual(2);
      paged.push(...batch.result!);
      after = batch.lastId;
    }
    expect(paged).toEqual(portable.slice(1).map(plain));
  });
});
