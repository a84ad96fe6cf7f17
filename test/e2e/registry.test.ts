import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const MOTHER = '44060619920315002' + idCheckChar('44060619920315002');
const id = (body17: string) => body17 + idCheckChar(body17);
/** One man registered twice by mistake under two ID numbers, the name written with a homophone. */
const LIU_A = id('44060619850505003');
const LIU_B = id('44060619850505011');

describe('the registry pages in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'M1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: '440606005001', registered_on: '2010-01-01', household_number: '005000001' },
    ]);
    await submitRows(e.t.ctx, 'TOWN-005', 'pregnancy', [{ record_id: 'P1', id_number: MOTHER, registered_on: '2026-10-01', expected_delivery_on: '2027-05-01' }]);
    await submitRows(e.t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明' }]);
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      { record_id: 'L1', id_number: LIU_A, name: '刘洋', sex: '1', birth_date: '1985-05-05', division: '440606005001', registered_on: '2005-01-01' },
      { record_id: 'L2', id_number: LIU_B, name: '刘阳', sex: '1', birth_date: '1985-05-05', division: '440606005001', registered_on: '2006-01-01' },
    ]);
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
    // The managing division by its name (town and village), not its code.
    await expect.poll(() => page.getByTestId('persons-table').innerText(), { timeout: 15_000 }).toContain('大良街道 升平社区居委会');
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

  it('lets a reviewer merge two persons found to be one, see the decision, and unmerge them again', async () => {
    const k = e.t.ctx.db.kysely;
    const liu = () => k.selectFrom('persons').select(['id', 'name']).where('name', 'in', ['刘洋', '刘阳']).where('status', '=', 'active').orderBy('id').execute();
    const [first, second] = await liu();
    expect(second).toBeDefined();
    const reviewer = await e.userOf('reviewer', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, reviewer, TEST_PASSWORD);
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('persons-query').fill('liuyang');
    await page.getByTestId('persons-search').click();
    await page.getByTestId(`persons-row-${second!.id}`).click();
    await page.getByTestId('person-merge').click();
    expect(await page.getByTestId('person-merge-ok').isDisabled()).toBe(true);
    await page.getByTestId('person-merge-query').fill('liuyang');
    await page.getByTestId('person-merge-search').click();
    const results = page.getByTestId('person-merge-results');
    await expect.poll(() => results.innerText()).toContain('刘洋');
    expect(await results.innerText()).not.toContain('刘阳');
    await page.getByTestId(`person-merge-candidate-${first!.id}`).click();
    expect(await page.getByTestId('person-merge-summary').innerText()).toContain('合并');
    await page.getByTestId('person-merge-note').fill('同一人重复登记');
    await page.getByTestId('person-merge-ok').click();
    // The earlier person remains and now holds both registrations.
    await page.waitForURL(`**/registry/persons/${first!.id}`);
    await expect.poll(() => page.getByTestId('person-decision').innerText()).toContain('同一人重复登记');
    expect(await page.getByTestId('person-timeline').locator('[data-testid="person-event-hukou_register"]').count()).toBe(2);
    expect((await liu()).map((p) => p.id)).toEqual([first!.id]);

    await page.locator('[data-testid^="person-revoke-"]').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(async () => (await liu()).length).toBe(2);
    await expect.poll(() => page.getByTestId('person-timeline').locator('[data-testid="person-event-hukou_register"]').count()).toBe(1);
    expect(await page.getByTestId('person-decision').count()).toBe(0);
    const audit = await k.selectFrom('audit_log').select('action').where('action', 'in', ['person.merge', 'link_decision.revoke']).orderBy('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['link_decision.revoke', 'person.merge']);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('person-merge').innerText()).toContain('Merge with');
  });
});
