import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrosscheck } from '../../src/crosscheck/index.js';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const DEAD_INSURED = id('44060619600101005');

describe('data quality and escalated cases in Chromium', () => {
  let e: E2E;
  let birthCase: string;
  let divisionName: string;

  beforeAll(async () => {
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [{ record_id: 'R1', id_number: MOTHER, name: '陈丽', sex: '2', birth_date: '1992-03-15', division: '440606005001', registered_on: '2010-01-01' }]);
    await submitRows(e.t.ctx, 'PS-101', 'hukou_register', [{ record_id: 'R2', id_number: DEAD_INSURED, name: '李强', sex: '1', birth_date: '1960-01-01', division: '440606101001', registered_on: '2010-01-01' }]);
    await submitRows(e.t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' }]);
    await submitRows(e.t.ctx, 'PS-101', 'hukou_death', [{ record_id: 'D1', id_number: DEAD_INSURED, died_on: '2025-02-01', cancelled_on: '2025-02-05' }]);
    await submitRows(e.t.ctx, 'LABOR-SI', 'only_child_insurance', [{ record_id: 'I1', id_number: DEAD_INSURED, enrolled_on: '2020-01-01', status: '1' }]);
    e.app.registryProjector.schedule();
    await e.app.registryProjector.whenIdle();
    await runCrosscheck(e.t.ctx, { asOf: '2025-12-01' });
    const birth = await e.t.ctx.db.kysely.selectFrom('cases').selectAll().where('rule_id', '=', 'birth_without_hukou').executeTakeFirstOrThrow();
    birthCase = birth.id;
    divisionName = e.t.ctx.tree.get(birth.division_code!)!.name;
    // The daily run of a day after the case fell due escalates it.
    const dayAfterDue = new Date(Date.parse(`${birth.due_on}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await runCrosscheck(e.t.ctx, { asOf: dayAfterDue })).escalated).toBe(2);
  });
  afterAll(async () => e?.close());

  it('shows the bureau every unit in a table and a chart, an empty period and a refused one, in Chinese; escalated cases carry a badge and the person', async () => {
    const analyst = await e.userOf('bureau_analyst', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, analyst, TEST_PASSWORD);
    await page.getByTestId('nav-crosscheck-quality').click();
    const table = page.getByTestId('quality-table');
    await expect.poll(() => table.innerText()).toContain('TOWN-005');
    expect(await table.innerText()).toContain('LABOR-SI');
    expect(await page.getByTestId('quality-bar-TOWN-005').getAttribute('aria-label')).toContain('未结 1，已解决 0，已驳回 0');
    expect(await page.getByTestId('quality-unit').isVisible()).toBe(true);

    await page.getByTestId('quality-period').locator('input').fill('2020-01');
    await page.getByTestId('quality-period').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('empty-state').innerText()).toContain('该统计期没有核查案件');
    expect(page.url()).toContain('period=2020-01');
    await page.getByTestId('quality-period').locator('input').fill('上个月');
    await page.getByTestId('quality-period').locator('input').press('Enter');
    await expect.poll(() => page.locator('body').innerText()).toContain('统计期不正确');

    await page.getByTestId('nav-cases').click();
    await expect.poll(() => page.getByTestId(`case-escalated-${birthCase}`).innerText()).toBe('已上报');
    expect(await page.getByTestId(`case-person-name-${birthCase}`).innerText()).toBe('陈小明');
    // The responsible town and the village by name, not only their codes.
    expect(await page.getByTestId(`case-owner-${birthCase}`).innerText()).toContain('大良');
    expect(await page.getByTestId(`case-division-${birthCase}`).innerText()).toBe(divisionName);
    await page.getByTestId(`cases-row-${birthCase}`).click();
    await expect.poll(() => page.getByTestId('case-division-name').innerText()).toContain(divisionName);
    await expect.poll(() => page.getByTestId('case-history').innerText()).toContain('逾期上报区卫健局');
    expect(await page.getByTestId('case-escalated').innerText()).toContain('已上报');
  });

  it('shows a town only its own unit, in English', async () => {
    const operator = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-crosscheck-quality').click();
    const table = page.getByTestId('quality-table');
    await expect.poll(() => table.innerText()).toContain('TOWN-005');
    expect(await table.innerText()).not.toContain('LABOR-SI');
    expect(await page.getByTestId('quality-bar-TOWN-005').getAttribute('aria-label')).toContain('1 open, 0 resolved, 0 dismissed');
    expect(await page.getByTestId('quality-unit').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Data quality' }).count()).toBeGreaterThan(0);
  });

  it('shows a village the cases of its own area, by the responsible town', async () => {
    const operator = await e.userOf('village_operator', 'VIL-005001');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('nav-crosscheck-quality').click();
    const table = page.getByTestId('quality-table');
    await expect.poll(() => table.innerText()).toContain('TOWN-005');
    expect(await table.innerText()).not.toContain('LABOR-SI');
    expect(await page.locator('body').innerText()).toContain('本村（居）人员的核查案件');
  });
});
