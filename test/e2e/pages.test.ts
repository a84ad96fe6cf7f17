import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2E, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type E2E } from './harness.js';

describe('the reference pages in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows the district tree, the system health and the event catalog, in Chinese and in English', async () => {
    const page = await e.newPage();
    await signIn(page, e.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('home-welcome').waitFor();

    await page.getByTestId('nav-divisions').click();
    await page.getByTestId('division-tree').waitFor();
    expect(await page.getByTestId('division-tree').innerText()).toContain('大良街道');

    await page.getByTestId('nav-system').click();
    const database = page.getByTestId('health-database');
    await database.waitFor();
    await page.waitForFunction(() => /sqlite/i.test(document.querySelector('[data-testid="health-database"]')?.textContent ?? ''));

    await page.getByTestId('nav-catalog').click();
    await page.getByTestId('catalog-type-hukou_birth').click();
    const drawer = page.getByTestId('catalog-drawer');
    await drawer.waitFor();
    expect(await drawer.innerText()).toContain('新生儿入户登记');
    expect(await drawer.innerText()).toContain('公民身份号码');
    await page.keyboard.press('Escape');

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lang-switch"]')?.getAttribute('data-lang') === 'en');
    await page.getByTestId('catalog-type-hukou_birth').click();
    await page.getByTestId('catalog-drawer').waitFor();
    expect(await page.getByTestId('catalog-drawer').innerText()).toContain('Newborn household registration');
    await page.context().close();
  });

  it('lets a town operator see the catalog and its own submissions but not upload for another type', async () => {
    const username = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, username, TEST_PASSWORD);
    await page.getByTestId('nav-submissions').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('nav-upload').click();
    await page.getByTestId('upload-type').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await option.filter({ hasText: '育龄妇女基础信息' }).first().waitFor();
    expect(await option.filter({ hasText: '新生儿入户登记' }).count()).toBe(0);
    await page.context().close();
  });
});
