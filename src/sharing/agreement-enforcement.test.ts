import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken } from '../../test/http-helpers.js';
import { submitRows } from '../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../test/test-database.js';
import { idCheckChar } from '../platform/identity/index.js';
import { todayInDistrict } from '../platform/district/district-time.js';
import { type Agreement } from './agreements/agreement.js';

const id = (body17: string) => body17 + idCheckChar(body17);
/** Town code suffix → a village in it, and which hospital's catchment it lies in. */
const TOWNS = { '005': { village: '440606005001', hospital: 'HOSP-01' }, '101': { village: '440606101001', hospital: 'HOSP-01' }, '103': { village: '440606103001', hospital: 'HOSP-02' } } as const;
type Town = keyof typeof TOWNS;
const TOWN_LIST = Object.keys(TOWNS) as Town[];
/** Organisations with demo agreements, and some without any. */
const READERS = ['POLICE', 'LABOR-SI', 'MCH', 'COMMERCE', 'HOSP-01', 'HOSP-02', 'TOWN-005', 'TOWN-101', 'TOWN-103', 'LABOR-EMP', 'CIVIL-MR', 'INFOCENTER'];

function due(days: number): string {
  return new Date(Date.parse(`${todayInDistrict()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The persons of each town: a woman (pregnant, giving birth), a man who dies, a floating worker. */
function peopleOf(town: Town, n: number) {
  return { woman: id(`44060619900${n}01002`), man: id(`44060619400${n}02001`), floater: id(`36010219950${n}03001`) };
}

describe.each(DIALECTS)('no route shares outside the agreement, on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  const tokens = new Map<string, string>();
  const townOfRecord = new Map<string, Town>();
  const townOfPerson = new Map<string, Town>();
  const agreements = new Map<string, Agreement>();

  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
    app = await buildTestApp(t.ctx);
    for (const org of READERS) tokens.set(org, (await createTestToken(t.ctx, org)).secret);
    for (const [n, town] of TOWN_LIST.entries()) {
      const { woman, man, floater } = peopleOf(town, n + 1);
      const { village } = TOWNS[town];
      for (const person of [woman, man, floater]) townOfPerson.set(person, town);
      const rec = (type: string) => {
        const recordId = `${town}-${type}`;
        townOfRecord.set(recordId, town);
        return recordId;
      };
      await submitRows(t.ctx, `PS-${town}`, 'hukou_register', [
        { record_id: rec('hukou_register'), id_number: woman, name: '王芳', sex: '2', birth_date: `1990-0${n + 1}-01`, division: village, registered_on: '2010-01-01' },
        { record_id: `${rec('hukou_register')}-m`, id_number: man, name: '王伯', sex: '1', birth_date: `1940-0${n + 1}-02`, division: village, registered_on: '1960-01-01' },
      ]);
      townOfRecord.set(`${town}-hukou_register-m`, town);
      await submitRows(t.ctx, `PS-${town}`, 'residence_permit', [{ record_id: rec('residence_permit'), id_number: floater, name: '刘工', sex: '1', birth_date: `1995-0${n + 1}-03`, division: village, valid_from: '2025-01-01', hukou_division: '360102000000' }]);
      await submitRows(t.ctx, `TOWN-${town}`, 'pregnancy', [{ record_id: rec('pregnancy'), id_number: woman, registered_on: due(-200), expected_delivery_on: due(7 + n) }]);
      await submitRows(t.ctx, TOWNS[town].hospital, 'birth', [{ record_id: rec('birth'), mother_id_number: woman, child_sex: '1', birth_date: '2025-06-01', child_name: '王小明', division: village }]);
      await submitRows(t.ctx, `PS-${town}`, 'hukou_death', [{ record_id: rec('hukou_death'), id_number: man, died_on: '2025-09-01', cancelled_on: '2025-09-02' }]);
      await submitRows(t.ctx, 'MCH', 'contraception', [{ record_id: rec('contraception'), id_number: woman, method: '1', performed_on: '2025-10-01' }]);
    }
    app.registryProjector.schedule();
    await app.registryProjector.whenIdle();
    const rows = await t.ctx.db.kysely.selectFrom('agreements').selectAll().execute();
    const { toAgreement } = await import('./agreements/agreement.js');
    for (const row of rows) agreements.set(row.id, toAgreement(row));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const get = (org: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(org)}` } });
  const agreementsOf = (org: string) => [...agreements.values()].filter((a) => a.orgCode === org && a.status === 'approved');
  /** The towns an agreement covers (all of them for a district-wide one). */
  const townsOf = (agreement: Agreement): Set<Town> => {
    if (agreement.area.mode === 'divisions') return new Set(TOWN_LIST);
    const org = agreement.orgCode;
    if (org.startsWith('TOWN-')) return new Set([org.slice(5) as Town]);
    return new Set(TOWN_LIST.filter((town) => TOWNS[town].hospital === org));
  };

  it.each(READERS)('feeds and exports of %s hold only its agreements’ types, fields and area — and all of them', async (org) => {
    const mine = agreementsOf(org);
    const response = await get(org, `/api/v1/feeds/AG-POLICE-BIRTHS?limit=1000`);
    if (org !== 'POLICE') expect(response.statusCode).toBe(403);
    for (const agreement of mine) {
      const page = (await get(org, `/api/v1/feeds/${agreement.id}?limit=10000`)).json() as { items: Array<{ type: string; recordId: string; fields: Record<string, unknown> }> };
      const towns = townsOf(agreement);
      for (const item of page.items) {
        const allowed = agreement.eventFields[item.type];
        expect(allowed, `${agreement.id} got ${item.type}`).toBeDefined();
        for (const key of Object.keys(item.fields)) expect(allowed, `${agreement.id} ${item.type}.${key}`).toContain(key);
        expect(towns.has(townOfRecord.get(item.recordId)!), `${agreement.id} got ${item.recordId}`).toBe(true);
      }
      // Nothing the agreement covers is held back.
      const expected = [...townOfRecord.entries()].filter(([recordId, town]) => towns.has(town) && agreement.eventFields[recordId.split('-')[1]!]).map(([recordId]) => recordId);
      expect(page.items.map((i) => i.recordId).sort(), agreement.id).toEqual(expected.sort());
      const csv = await get(org, `/api/v1/agreements/${agreement.id}/export?from=1900-01-01&to=2100-12-31&format=csv`);
      expect(csv.statusCode).toBe(200);
      const exported = csv.body.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[3]);
      expect(exported.sort(), agreement.id).toEqual(expected.sort());
    }
  });

  it.each(READERS)('person queries and due lists of %s show only its agreements’ persons and fields', async (org) => {
    const withPersons = agreementsOf(org).filter((a) => a.personFields.length > 0);
    for (const person of townOfPerson.keys()) {
      const response = await get(org, `/api/v1/persons?id_number=${person}&purpose=check-1`);
      if (withPersons.length === 0) {
        expect(response.statusCode).toBe(403);
        continue;
      }
      const { items } = response.json() as { items: Array<{ agreement: string; person: Record<string, unknown> }> };
      const visible = withPersons.filter((a) => townsOf(a).has(townOfPerson.get(person)!));
      expect(items.length, `${org} ${person}`).toBe(visible.length > 0 ? 1 : 0);
      for (const item of items) {
        const agreement = agreements.get(item.agreement)!;
        expect(Object.keys(item.person).sort()).toEqual([...agreement.personFields].sort());
      }
    }
    const list = await get(org, '/api/v1/downloads/due-list?weeks=8');
    const dueAgreement = withPersons.find((a) => a.personFields.includes('expected_delivery_on'));
    if (!dueAgreement) {
      expect(list.statusCode).toBe(403);
      return;
    }
    const { items } = list.json() as { items: Array<Record<string, unknown>> };
    const towns = townsOf(dueAgreement);
    expect(items).toHaveLength(towns.size);
    for (const item of items) expect(Object.keys(item).sort()).toEqual([...dueAgreement.personFields].sort());
  });
});
