import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, loginAsRole, type Session } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { todayInDistrict } from '../platform/district/district-time.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const FAR_MOTHER = id('44060619900101004');
const OLD_MAN = id('44060619400202001');
const TOWN_005_VILLAGE = '440606005001';
const TOWN_103_VILLAGE = '440606103001';

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInDistrict()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type Caller = { request: Session['request'] };

function tokenCaller(app: FastifyInstance, secret: string): Caller {
  return { request: (options) => app.inject({ ...options, headers: { authorization: `Bearer ${secret}`, ...(options.headers ?? {}) } }) };
}

describe.each(DIALECTS)('data sharing on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  let hospital: Caller;
  let police: Caller;
  let town: Session;
  let employment: Caller;
  let employmentClerk: Session;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    admin = await loginAsRole(app, t.ctx, 'bureau_admin', 'BUREAU');
    town = await loginAsRole(app, t.ctx, 'town_operator', 'TOWN-005');
    hospital = tokenCaller(app, (await createTestToken(t.ctx, 'HOSP-01')).secret);
    police = tokenCaller(app, (await createTestToken(t.ctx, 'POLICE')).secret);
    employment = tokenCaller(app, (await createTestToken(t.ctx, 'LABOR-EMP')).secret);
    employmentClerk = await loginAsRole(app, t.ctx, 'dept_operator', 'LABOR-EMP');
    await submitRows(t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: TOWN_005_VILLAGE, registered_on: '2010-01-01' },
      { record_id: 'M2', id_number: FAR_MOTHER, name: '黄敏', sex: '2', birth_date: '1990-01-01', division: TOWN_103_VILLAGE, registered_on: '2010-01-01' },
      { record_id: 'M3', id_number: OLD_MAN, name: '梁伯', sex: '1', birth_date: '1940-02-02', division: TOWN_103_VILLAGE, registered_on: '1960-01-01' },
    ]);
    await submitRows(t.ctx, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: MOTHER, registered_on: daysFromToday(-200), expected_delivery_on: daysFromToday(10) }]);
    await submitRows(t.ctx, 'TOWN-103', 'pregnancy', [{ record_id: 'P2', id_number: FAR_MOTHER, registered_on: daysFromToday(-200), expected_delivery_on: daysFromToday(12) }]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明', birth_weight_g: 3200, division: TOWN_005_VILLAGE },
      { record_id: '=1+2', mother_id_number: FAR_MOTHER, child_sex: '2', birth_date: '2025-08-02', child_name: '黄小', division: TOWN_103_VILLAGE },
    ]);
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', action: 'cancel' }]);
    await submitRows(t.ctx, 'PS-103', 'hukou_death', [{ record_id: 'D1', id_number: OLD_MAN, died_on: '2025-09-01', cancelled_on: '2025-09-03' }]);
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const feed = async (caller: Caller, agreement: string, query = '') => caller.request({ method: 'GET', url: `/api/v1/feeds/${agreement}?${query}` });

  it('ships the demo agreements; a department sees only its own', async () => {
    const all = (await admin.request({ method: 'GET', url: '/api/v1/agreements?pageSize=100' })).json();
    expect(all.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['AG-POLICE-BIRTHS', 'AG-HOSP-01-DUE', 'AG-TOWN-005-CHANGES', 'AG-LABOR-DEATHS']));
    const own = (await hospital.request({ method: 'GET', url: '/api/v1/agreements' })).json();
    expect(own.items.map((a: { id: string }) => a.id)).toEqual(['AG-HOSP-01-DUE']);
    expect((await hospital.request({ method: 'GET', url: '/api/v1/agreements/AG-POLICE-BIRTHS' })).statusCode).toBe(404);
  });

  it('feeds the police the hospital births in sequence order, with the cancellation referencing what it cancels', async () => {
    const page = (await feed(police, 'AG-POLICE-BIRTHS', 'after=0&limit=10')).json();
    expect(page.items.map((i: { recordId: string; action: string }) => `${i.recordId}:${i.action}`)).toEqual(['B1:create', '=1+2:create', 'B1:cancel']);
    const seqs = page.items.map((i: { seq: number }) => i.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(page.items[2].refsSeq).toBe(page.items[0].seq);
    expect(page.items[0].fields).toMatchObject({ mother_id_number: MOTHER, child_name: '李明', birth_weight_g: 3200 });
    expect(page.next).toBe(page.watermark);
    // Paging: one at a time gives the same entries.
    const seen: number[] = [];
    let after = 0;
    for (let i = 0; i < 10; i++) {
      const one = (await feed(police, 'AG-POLICE-BIRTHS', `after=${after}&limit=1`)).json();
      seen.push(...one.items.map((x: { seq: number }) => x.seq));
      after = one.next;
      if (!one.hasMore) break;
    }
    expect(seen).toEqual(seqs);
  });

  it('streams NDJSON ending with the cursor line', async () => {
    const response = await feed(police, 'AG-POLICE-BIRTHS', 'after=0&format=ndjson');
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toEqual({ next: lines[3].watermark, watermark: lines[3].watermark });
  });

  it('long-polls: a caller waiting at the end of the feed gets a new event as soon as it commits', async () => {
    const head = (await feed(police, 'AG-POLICE-BIRTHS', 'after=0&limit=100')).json();
    const started = Date.now();
    const waiting = feed(police, 'AG-POLICE-BIRTHS', `after=${head.next}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'LP1', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-09-30', child_name: '李雪', division: TOWN_005_VILLAGE }]);
    const page = (await waiting).json();
    expect(page.items.map((i: { recordId: string }) => i.recordId)).toEqual(['LP1']);
    expect(Date.now() - started).toBeLessThan(15_000);
    // Nothing new: the wait ends empty at its deadline with the cursor unchanged.
    const idle = (await feed(police, 'AG-POLICE-BIRTHS', `after=${page.next}&wait=1`)).json();
    expect(idle.items).toEqual([]);
    expect(idle.next).toBe(page.next);
  });

  it('finds a person by exact name under an agreement that shares names, never by a prefix', async () => {
    const byName = (await hospital.request({ method: 'GET', url: `/api/v1/persons?name=${encodeURIComponent('陈丽')}&purpose=booking-7` })).json();
    expect(byName.items.map((i: { person: { id_number: string } }) => i.person.id_number)).toEqual([MOTHER]);
    const prefix = (await hospital.request({ method: 'GET', url: `/api/v1/persons?name=${encodeURIComponent('陈')}&purpose=booking-7` })).json();
    expect(prefix.items).toEqual([]);
  });

  it('refuses a feed of another organisation’s agreement and records every read with its purpose', async () => {
    const denied = await feed(hospital, 'AG-POLICE-BIRTHS');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('NO_AGREEMENT');
    const reads = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'feed.read').where('org_code', '=', 'POLICE').execute();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.purpose).toContain('新生儿入户');
  });

  it('limits a town’s feed to events about the persons and places it manages', async () => {
    const page = (await feed(town, 'AG-TOWN-005-CHANGES', 'after=0&limit=100')).json();
    const ids = page.items.map((i: { type: string; recordId: string }) => `${i.type}:${i.recordId}`);
    expect(ids).toEqual(expect.arrayContaining(['hukou_register:M1', 'pregnancy:P1', 'birth:B1']));
    for (const foreign of ['hukou_register:M2', 'hukou_register:M3', 'pregnancy:P2', 'birth:=1+2', 'hukou_death:D1']) expect(ids).not.toContain(foreign);
    // The cancellation of B1 reaches the town that saw B1.
    expect(page.items.filter((i: { recordId: string }) => i.recordId === 'B1')).toHaveLength(2);
  });

  it('answers a hospital’s person query under its agreement: its fields, its catchment, with a purpose', async () => {
    const noPurpose = await hospital.request({ method: 'GET', url: `/api/v1/persons?id_number=${MOTHER}` });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.code).toBe('PURPOSE_REQUIRED');
    const found = (await hospital.request({ method: 'GET', url: `/api/v1/persons?id_number=${MOTHER}&purpose=${encodeURIComponent('接生预约 2026-118')}` })).json();
    expect(found.items).toHaveLength(1);
    expect(Object.keys(found.items[0].person).sort()).toEqual(['birth_date', 'expected_delivery_on', 'id_number', 'managing_division', 'name', 'residence_division']);
    expect(found.items[0].person).toMatchObject({ id_number: MOTHER, expected_delivery_on: daysFromToday(10) });
    // A woman outside the hospital's catchment does not exist for it.
    const far = (await hospital.request({ method: 'GET', url: `/api/v1/persons?id_number=${FAR_MOTHER}&purpose=x-1` })).json();
    expect(far.items).toEqual([]);
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.lookup').execute();
    expect(audit.map((a) => a.purpose)).toContain('接生预约 2026-118');
    // A department without an agreement that shares persons gets nothing.
    const none = await employment.request({ method: 'GET', url: `/api/v1/persons?id_number=${MOTHER}&purpose=check` });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('NO_AGREEMENT');
  });

  it('gives a hospital the women due in the coming weeks in its catchment, as JSON and as CSV for Excel', async () => {
    const list = (await hospital.request({ method: 'GET', url: '/api/v1/downloads/due-list?weeks=4' })).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['陈丽']);
    const csv = await hospital.request({ method: 'GET', url: '/api/v1/downloads/due-list?weeks=4&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('预产期');
    expect(csv.body).toContain('陈丽');
    expect(csv.body).not.toContain('黄敏');
  });

  it('exports an agreement’s events of a month with formulas neutralised', async () => {
    const csv = await police.request({ method: 'GET', url: '/api/v1/agreements/AG-POLICE-BIRTHS/export?from=2025-07-01&to=2025-08-31&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain("'=1+2");
    expect(csv.body).not.toMatch(/(^|,)=1\+2/m);
    const xlsx = await police.request({ method: 'GET', url: '/api/v1/agreements/AG-POLICE-BIRTHS/export?month=2025-08&format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await police.request({ method: 'GET', url: '/api/v1/agreements/AG-POLICE-BIRTHS/export?format=csv' });
    expect(bad.statusCode).toBe(400);
  });

  it('runs an agreement from request through narrowed approval, suspension and revocation', async () => {
    const requested = await employmentClerk.request({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { title: '死亡信息', purpose: '停止就业援助', eventFields: { hukou_death: ['record_id', 'id_number', 'died_on'] }, personFields: ['id_number', 'died_on'], area: { mode: 'jurisdiction' }, validFrom: todayInDistrict(), validTo: null },
    });
    expect(requested.statusCode).toBe(201);
    const agreement = requested.json().id as string;
    expect((await feed(employment, agreement)).json().error.code).toBe('NO_AGREEMENT');
    const wider = await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'approve', scope: { personFields: ['id_number', 'died_on', 'name'] } } });
    expect(wider.statusCode).toBe(400);
    expect(wider.json().error.code).toBe('SCOPE_NOT_NARROWER');
    const approved = await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'approve', scope: { eventFields: { hukou_death: ['record_id', 'died_on'] } }, note: '不需要身份证号' } });
    expect(approved.statusCode).toBe(200);
    const page = (await feed(employment, agreement)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].fields).toEqual({ record_id: 'D1', died_on: '2025-09-01' });
    expect((await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'suspend' } })).statusCode).toBe(200);
    expect((await feed(employment, agreement)).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'resume' } })).statusCode).toBe(200);
    expect((await feed(employment, agreement)).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'revoke', note: '停用' } })).statusCode).toBe(200);
    expect((await feed(employment, agreement)).statusCode).toBe(403);
    const again = await admin.request({ method: 'POST', url: `/api/v1/agreements/${agreement}/decision`, payload: { action: 'approve' } });
    expect(again.json().error.code).toBe('INVALID_AGREEMENT_STATE');
    const detail = (await employment.request({ method: 'GET', url: `/api/v1/agreements/${agreement}` })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['request', 'approve', 'suspend', 'resume', 'revoke']);
  });

  it('rejects a request for an unknown type, field or division with the field to fix', async () => {
    const base = { title: 't', purpose: 'purpose', personFields: [], area: { mode: 'jurisdiction' }, validFrom: todayInDistrict(), validTo: null };
    const tooShort = await employmentClerk.request({ method: 'POST', url: '/api/v1/agreements', payload: { ...base, eventFields: { birth: ['child_name'] } } });
    expect(tooShort.statusCode).toBe(400);
    const field = await employmentClerk.request({ method: 'POST', url: '/api/v1/agreements', payload: { ...base, title: '出生', eventFields: { birth: ['nonsense'] } } });
    expect(field.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'eventFields', key: 'nonsense' } });
    const area = await employmentClerk.request({ method: 'POST', url: '/api/v1/agreements', payload: { ...base, title: '出生', eventFields: { birth: ['child_name'] }, area: { mode: 'divisions', codes: ['110101001001'] } } });
    expect(area.json().error.code).toBe('UNKNOWN_DIVISION');
  });
});
