import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const MOTHER = '44060619920315002' + idCheckChar('44060619920315002');

describe('the registry pages in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: '440606005001', registered_on: '2010-01-01', household_number: '005000001' },
    ]);
    await submitRows(e.t.ctx, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: MOTHER, registered_on: '2026-10-01', expected_delivery_on: '2027-05-01' }]);
    await submitRows(e.t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明' }]);
    await submitRows(e.t.ctx, 'MCH', 'birth_certificate', [
      { record_id: 'C1', birth_certificate_number: 'P440000001', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', issued_on: '2025-08-02', child_name: '李鸣远' },
    ]);
    e.app.registryProjector.schedule();
    await e.app.registryProjector.whenIdle();
  });
  afterAll(async () => e?.close());

  it('lets a town clerk find a woman by pinyin, see her masked record, and unmask it with a purpose', async () => {
    const clerk = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, clerk, TEST_PASSWORD);
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('persons-query').fill('chenli');
    await page.getByTestId('persons-search').click();
    await page.getByTestId('persons-table').getByText('陈丽').click();
    const idNumber = page.getByTestId('person-id-number');
    await expect.poll(() => idNumber.innerText()).toContain('********');
    expect(await page.getByTestId('person-pregnancy').innerText()).toBe('***');
    expect(await page.getByTestId('person-timeline').innerText()).toContain('常住人口登记');
    await page.getByTestId('person-unmask').click();
    await page.getByTestId('person-unmask-ok').click();
    expect(await page.locator('.ant-form-item-explain-error').innerText()).toContain('用途');
    await page.getByTestId('person-purpose').fill('孕情随访 2026-88');
    await page.getByTestId('person-unmask-ok').click();
    await page.getByTestId('person-unmasked').waitFor();
    expect(await idNumber.innerText()).toBe(MOTHER);
    expect(await page.getByTestId('person-pregnancy').innerText()).toBe('2027-05-01');
    const audit = await e.t.ctx.db.kysely.selectFrom('audit_log').select(['purpose']).where('action', '=', 'person.unmask').execute();
    expect(audit).toEqual([{ purpose: '孕情随访 2026-88' }]);
  });

  it('lets a reviewer compare a doubtful newborn with its candidate and link them, in English too', async () => {
    const reviewer = await e.userOf('reviewer', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, reviewer, TEST_PASSWORD);
    await page.getByTestId('nav-reviews').click();
    const list = page.getByTestId('reviews-list');
    await expect.poll(() => list.innerText()).toContain('李鸣远');
    expect(await list.innerText()).toContain('不一致');
    await page.getByTestId('review-link').click();
    await page.getByText('没有待审核的记录').waitFor();
    const children = await e.t.ctx.db.kysely.selectFrom('persons').select('id').where('birth_date', '=', '2025-07-30').where('status', '=', 'active').execute();
    expect(children).toHaveLength(1);
    await page.getByTestId('lang-switch').click();
    await page.getByText('Nothing to review').waitFor();
  });
});
