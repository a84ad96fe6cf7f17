import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrosscheck } from '../../src/crosscheck/index.js';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const PREGNANT = id('44060619950505002');
const VILLAGE = '440606005001';

describe('cross-verification cases in Chromium', () => {
  let e: E2E;
  const caseOf = (rule: string) =>
    e.t.ctx.db.kysely.selectFrom('cases').selectAll().where('rule_id', '=', rule).executeTakeFirstOrThrow();

  beforeAll(async () => {
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      {
        record_id: 'R1',
        id_number: MOTHER,
        name: '陈丽',
        sex: '2',
        birth_date: '1992-03-15',
        division: VILLAGE,
        registered_on: '2010-01-01',
      },
      {
        record_id: 'R2',
        id_number: PREGNANT,
        name: '周婷',
        sex: '2',
        birth_date: '1995-05-05',
        division: VILLAGE,
        registered_on: '2010-01-01',
      },
    ]);
    // A hospital birth the police never registered, and a pregnancy long past its due date.
    await submitRows(e.t.ctx, 'HOSP-01', 'birth', [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-03-01', child_name: '陈小明' },
    ]);
    await submitRows(e.t.ctx, 'TOWN-005', 'pregnancy', [
      { record_id: 'P1', id_number: PREGNANT, registered_on: '2024-06-01', expected_delivery_on: '2025-01-15' },
    ]);
    e.app.registryProjector.schedule();
    await e.app.registryProjector.whenIdle();
    await runCrosscheck(e.t.ctx, { asOf: '2025-12-01' });
  });
  afterAll(async () => e?.close());

  it('lets a town operator open a birth without household registration, start it, and resolve it with a note', async () => {
    const found = await caseOf('birth_without_hukou');
    const operator = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('nav-cases').click();
    const table = page.getByTestId('cases-table');
    await expect.poll(() => table.innerText()).toContain('60 天后仍未登记户口');
    expect(await table.innerText()).toContain('孕情');
    await page.getByTestId('cases-filter-rule').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '出生户口登记' })
      .click();
    const listed = async () => {
      const text = await table.innerText();
      return { birth: text.includes('60 天后仍未登记户口'), pregnancy: text.includes('预产期') };
    };
    await expect.poll(listed).toEqual({ birth: true, pregnancy: false });
    await page.getByTestId(`cases-row-${found.id}`).click();

    const status = page.getByTestId('case-status');
    await expect.poll(() => status.innerText()).toBe('待处理');
    expect(await page.getByTestId('case-evidence').innerText()).toContain('HOSP-01');
    expect(await page.getByTestId('case-evidence').innerText()).toContain('2025-03-01');
    await page.getByTestId('case-action-start').click();
    await expect.poll(() => status.innerText()).toBe('处理中');
    await page.getByTestId('case-action-resolve').click();
    await expect.poll(() => page.getByTestId('case-action-error').innerText()).toContain('请填写说明');
    await page.getByTestId('case-note').fill('已联系家属，孩子随父在外区落户');
    await page.getByTestId('case-action-resolve').click();
    await expect.poll(() => status.innerText()).toBe('已解决');
    const history = await page.getByTestId('case-history').innerText();
    expect(history).toContain('系统发现');
    expect(history).toContain('已联系家属，孩子随父在外区落户');
    expect(await caseOf('birth_without_hukou')).toMatchObject({
      status: 'resolved',
      resolution_note: '已联系家属，孩子随父在外区落户',
    });
    const audit = await e.t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_ids', 'like', `%${found.id}%`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['case.open', 'case.start', 'case.resolve']);

    await page.getByTestId('nav-crosscheck-rules').click();
    await expect.poll(() => page.getByTestId('rules-open-pregnancy_overdue').innerText()).toBe('1');
    expect(await page.getByTestId('rules-open-birth_without_hukou').innerText()).toBe('0');
    // Sources by their names in the catalog, not their keys.
    await expect.poll(() => page.getByTestId('rules-row-birth_without_hukou').getByTestId('rules-source-hukou_birth').innerText()).toBe('新生儿入户登记');
  });

  it('lets a town operator work an overdue pregnancy in English', async () => {
    const found = await caseOf('pregnancy_overdue');
    const operator = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-cases').click();
    // Nothing is overdue yet (cases are due 30 days after they open): the empty list says so.
    await page.getByTestId('cases-filter-overdue').click();
    await expect.poll(() => page.getByTestId('cases-table').innerText()).toContain('No cases');
    await page.getByTestId('cases-filter-overdue').click();
    await page.getByTestId('cases-filter-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Open' }).click();
    const table = page.getByTestId('cases-table');
    // The resolved birth case leaves the list once the status filter applies.
    const listed = async () => {
      const text = await table.innerText();
      return {
        pregnancy: text.includes('expected delivery 2025-01-15'),
        birth: text.includes('household registration'),
      };
    };
    await expect.poll(listed).toEqual({ pregnancy: true, birth: false });
    await page.getByTestId(`cases-row-${found.id}`).click();
    const status = page.getByTestId('case-status');
    await expect.poll(() => status.innerText()).toBe('Open');
    await page.getByTestId('case-action-start').click();
    await expect.poll(() => status.innerText()).toBe('In progress');
    await page.getByTestId('case-action-resolve').click();
    await expect.poll(() => page.getByTestId('case-action-error').innerText()).toContain('needs a note');
    await page.getByTestId('case-note').fill('Delivered in another district; asked the hospital to report');
    await page.getByTestId('case-action-resolve').click();
    await expect.poll(() => status.innerText()).toBe('Resolved');
    expect(await page.getByTestId('case-history').innerText()).toContain('Delivered in another district');
  });
  it('shows the cases to a reader without the actions, and not at all to a role without case.read', async () => {
    const found = await caseOf('pregnancy_overdue');
    const analyst = await e.userOf('bureau_analyst', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, analyst, TEST_PASSWORD);
    await page.getByTestId('nav-cases').click();
    await page.getByTestId(`cases-row-${found.id}`).click();
    await page.getByTestId('case-evidence').waitFor();
    expect(await page.getByText('你只能查看此案件。').count()).toBe(1);
    expect(await page.getByTestId('case-actions').count()).toBe(0);

    const auditor = await e.userOf('auditor', 'BUREAU');
    const other = await e.newPage();
    await signIn(other, e.baseUrl, auditor, TEST_PASSWORD);
    await other.getByTestId('nav-menu').waitFor();
    expect(await other.getByTestId('nav-cases').count()).toBe(0);
    await other.goto(`${e.baseUrl}/crosscheck/cases/${found.id}`);
    await other.getByTestId('forbidden').waitFor();
  });
});
