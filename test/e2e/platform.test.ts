import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli.js';
import { signIn, startE2E, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type E2E } from './harness.js';

/**
 * Opens a select, optionally types a search, and clicks the option showing optionText. A search is
 * answered by the server after a pause; until then the dropdown lists the unfiltered organisations,
 * and a click as the list is replaced can land on another one. So after typing, wait until the
 * options listed match (all but the select's current value, which stays listed), and afterwards
 * check the select shows the chosen option.
 */
const pick = async (page: Page, testId: string, optionText: string, typed?: string) => {
  const select = page.getByTestId(testId);
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  if (typed) {
    await page.keyboard.type(typed);
    const searched = async () => {
      const texts = await options.allInnerTexts();
      const others = texts.filter((text) => !text.includes(typed));
      return texts.length > others.length && others.length <= 1;
    };
    await expect.poll(searched, { timeout: 15_000 }).toBe(true);
  }
  await options.filter({ hasText: optionText }).first().click();
  await expect.poll(() => select.innerText(), { timeout: 15_000 }).toContain(optionText);
};

describe('the web shell in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('signs the admin in and shows a Chinese home page with the admin menu', async () => {
    const page = await e.newPage();
    await signIn(page, e.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('home-welcome').waitFor();
    expect(await page.getByTestId('app-title').innerText()).toContain('区人口信息交换平台');
    for (const id of ['nav-orgs', 'nav-users', 'nav-tokens', 'nav-system']) {
      expect(await page.getByTestId(id).count(), id).toBe(1);
    }
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-table').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: path.join(ROOT, '.tmp', 'screenshot-orgs.png') });
    await page.context().close();
  });

  it('tells the clerk about a wrong password, in Chinese and after the switch in English', async () => {
    const page = await e.newPage();
    await signIn(page, e.baseUrl, 'admin', 'not-the-password-1');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('login-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="login-error"]')?.textContent?.includes('Wrong username or password'));
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('lets the admin create an organisation, a user and a token', async () => {
    const page = await e.newPage();
    await signIn(page, e.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('home-welcome').waitFor();

    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-form-code').fill('hosp-09');
    await pick(page, 'org-form-type', '卫生');
    await page.getByTestId('org-form-name').fill('顺德区第九人民医院');
    await pick(page, 'org-form-parent', 'HEALTH', 'HEALTH');
    await page.getByTestId('org-form-liaison-name').fill('何丽');
    await page.getByTestId('org-form-liaison-phone').fill('0757-22806000');
    await page.getByTestId('org-form-ok').click();
    await page.getByTestId('org-row-edit-HOSP-09').waitFor();
    const org = await e.t.ctx.db.kysely.selectFrom('orgs').selectAll().where('code', '=', 'HOSP-09').executeTakeFirst();
    expect(org).toMatchObject({ name: '顺德区第九人民医院', liaison_name: '何丽', type: 'health' });

    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill('hejiu');
    await page.getByTestId('user-form-display-name').fill('何九');
    await pick(page, 'user-form-role', '部门操作员');
    await pick(page, 'user-form-org', 'HOSP-09', 'HOSP-09');
    await page.getByTestId('user-form-ok').click();
    const password = (await page.getByTestId('secret-value').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await page.getByTestId('secret-ok').click();
    await page.getByTestId('user-row-edit-hejiu').waitFor();

    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('token-create').click();
    await pick(page, 'token-form-org', 'HOSP-09', 'HOSP-09');
    await page.getByTestId('token-form-name').fill('HIS 夜间上传');
    await page.getByTestId('token-form-ok').click();
    const token = (await page.getByTestId('secret-value').innerText()).trim();
    expect(token).toMatch(/^popx_/);
    await page.getByTestId('secret-ok').click();
    const me = await e.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.org.code).toBe('HOSP-09');
    await page.context().close();

    // The new user must choose a password before doing anything else.
    const clerk = await e.newPage();
    await signIn(clerk, e.baseUrl, 'hejiu', password);
    await clerk.getByTestId('password-must-change').waitFor();
    await clerk.getByTestId('password-current').fill(password);
    await clerk.getByTestId('password-new').fill('Hospital-Nine-2026');
    await clerk.getByTestId('password-confirm').fill('Hospital-Nine-2026');
    await clerk.getByTestId('password-submit').click();
    await clerk.getByTestId('nav-tokens').waitFor();
    await clerk.context().close();
  });

  it('keeps a town operator out of the admin pages', async () => {
    const username = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('home-welcome').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-tokens').count()).toBe(0);
    for (const url of ['/admin/users', '/admin/tokens', '/audit', '/system']) {
      await page.goto(`${e.baseUrl}${url}`);
      await page.getByTestId('forbidden').waitFor();
    }
    await page.context().close();
  });

  it('lets the auditor browse the audit log and verify the chain', async () => {
    const username = await e.userOf('auditor', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    // Actions read by their meaning; the code stays on hover and in the filter.
    expect(await page.getByTestId('audit-table').innerText()).toContain('登录');
    expect(await page.getByTestId('audit-table').innerText()).not.toContain('auth.login');
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await page.context().close();
  });
});
