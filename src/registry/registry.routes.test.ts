import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { rebuildRegistry } from './projection/project-ledger.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const OTHER_TOWN = id('44060619880808003');
const STRANGER = id('44182119800101043');
const IN_TOWN_005 = '440606005001';
const IN_TOWN_101 = '440606101001';

describe.each(DIALECTS)('registry routes on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  let town: Session;
  let reviewer: Session;
  let analyst: Session;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    admin = await loginAsRole(app, t.ctx, 'bureau_admin', 'BUREAU');
    town = await loginAsRole(app, t.ctx, 'town_operator', 'TOWN-005');
    reviewer = await loginAsRole(app, t.ctx, 'reviewer', 'BUREAU');
    analyst = await loginAsRole(app, t.ctx, 'bureau_analyst', 'BUREAU');
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: IN_TOWN_005, registered_on: '2010-01-01' },
      { record_id: 'O1', id_number: OTHER_TOWN, name: '张伟', sex: '1', birth_date: '1988-08-08', division: IN_TOWN_101, registered_on: '2010-01-01' },
    ]);
    await submitRows(t.ctx, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: MOTHER, registered_on: '2026-10-01', expected_delivery_on: '2027-05-01' }]);
    // Two birth reports of one day for one mother, one with a name the other lacks: a review.
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明' }]);
    await submitRows(t.ctx, 'MCH', 'birth_certificate', [
      { record_id: 'C1', birth_certificate_number: 'P440000001', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', issued_on: '2025-08-02', child_name: '李鸣远' },
    ]);
    // Insurance for someone the district knows only by ID number: a person without a name.
    await submitRows(t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I9', id_number: STRANGER, enrolled_on: '2020-01-01', status: '1' }]);
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const search = async (session: Session, query: string) => (await session.request({ method: 'GET', url: `/api/v1/persons?${query}` })).json();

  it('finds persons by ID number, Chinese name or pinyin, with ID numbers masked', async () => {
    for (const query of [`q=${MOTHER}`, `q=${encodeURIComponent('陈丽')}`, 'q=chenli']) {
      const found = await search(admin, query);
      expect(found.items.map((p: { name: string }) => p.name), query).toContain('陈丽');
      expect(found.items[0].idNumber).toBe(`${MOTHER.slice(0, 6)}********${MOTHER.slice(-4)}`);
    }
  });

  it('lists persons in pinyin order of their names, those known only by ID number last', async () => {
    const all = await search(admin, 'pageSize=50');
    const names = all.items.map((p: { name: string | null }) => p.name);
    expect(names.at(-1)).toBeNull();
    expect(names.filter((n: string | null) => n !== null).map((n: string) => n[0])).toEqual(['陈', '李', '李', '张']);
  });

  it('shows a town only the persons it manages', async () => {
    expect((await search(town, `q=${OTHER_TOWN}`)).total).toBe(0);
    expect((await search(town, `q=${MOTHER}`)).total).toBe(1);
    const other = (await search(admin, `q=${OTHER_TOWN}`)).items[0];
    expect((await town.request({ method: 'GET', url: `/api/v1/persons/${other.id}` })).statusCode).toBe(404);
  });

  it('hides sensitive facts until unmasked with a purpose, and audits the unmask', async () => {
    const person = (await search(town, `q=${MOTHER}`)).items[0];
    const masked = (await town.request({ method: 'GET', url: `/api/v1/persons/${person.id}` })).json();
    expect(masked.person.expectedDeliveryOn).toBe('***');
    expect(masked.timeline.find((r: { type: string }) => r.type === 'pregnancy').fields).toBeNull();
    expect(masked.golden.find((g: { field: string }) => g.field === 'name')).toMatchObject({ value: '陈丽', orgCode: 'PS-005', type: 'hukou_register' });
    const noPurpose = await town.request({ method: 'GET', url: `/api/v1/persons/${person.id}?unmask=true` });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.code).toBe('VALIDATION_FAILED');
    expect((await analyst.request({ method: 'GET', url: `/api/v1/persons/${person.id}?unmask=true&purpose=stats` })).statusCode).toBe(403);
    const open = (await town.request({ method: 'GET', url: `/api/v1/persons/${person.id}?unmask=true&purpose=${encodeURIComponent('随访 2025-17')}` })).json();
    expect(open.person).toMatchObject({ idNumber: MOTHER, expectedDeliveryOn: '2027-05-01' });
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.unmask').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ purpose: '随访 2025-17', actor_role: 'town_operator' });
  });

  it('links a reviewed record to its candidate, and a revoked decision restores both persons', async () => {
    const before = await t.ctx.db.kysely.selectFrom('persons').select('id').where('status', '=', 'active').execute();
    const reviews = (await reviewer.request({ method: 'GET', url: '/api/v1/link-reviews' })).json();
    expect(reviews.total).toBe(1);
    const review = reviews.items[0];
    expect(review.evidence.find((e: { field: string }) => e.field === 'name')).toMatchObject({ level: 'different' });
    const decided = await reviewer.request({ method: 'POST', url: `/api/v1/link-reviews/${review.id}/decision`, payload: { decision: 'link', note: '同一婴儿，改名' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await t.ctx.db.kysely.selectFrom('persons').select('id').where('status', '=', 'active').execute();
    expect(after).toHaveLength(before.length - 1);
    const again = await reviewer.request({ method: 'POST', url: `/api/v1/link-reviews/${review.id}/decision`, payload: { decision: 'link' } });
    expect(again.json().error.code).toBe('ALREADY_DECIDED');

    const child = (await admin.request({ method: 'GET', url: `/api/v1/persons/${review.candidate.id}` })).json();
    expect(child.timeline.map((r: { type: string }) => r.type)).toEqual(['birth', 'birth_certificate']);
    expect(child.decisions).toHaveLength(1);

    const merged = await t.ctx.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute();
    await rebuildRegistry(t.ctx.db, '440606');
    expect(await t.ctx.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute()).toEqual(merged);

    const revoked = await reviewer.request({ method: 'POST', url: `/api/v1/link-decisions/${child.decisions[0].id}/revoke`, payload: { note: '误判' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await t.ctx.db.kysely.selectFrom('persons').select('id').where('status', '=', 'active').execute()).toHaveLength(before.length);
    const actions = (await t.ctx.db.kysely.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['link_review.link', 'link_decision.revoke']));
  });

  it('merges two persons into the earlier one', async () => {
    const [a, b] = (await search(admin, `birthDate=2025-07-30`)).items;
    const merged = await reviewer.request({ method: 'POST', url: `/api/v1/persons/${b.id}/merge`, payload: { into: a.id, note: '同一人' } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().person).toBe(Math.min(a.id, b.id));
    expect((await search(admin, `birthDate=2025-07-30`)).total).toBe(1);
  });
});
