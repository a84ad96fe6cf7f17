import fs from 'node:fs/promises';
import http from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { todayInDistrict } from '../../src/platform/district/district-time.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const OLD_MAN = id('44060619400202001');
const TOWN_005_VILLAGE = '440606005001';
const TOWN_103_VILLAGE = '440606103001';

function daysFromToday(days: number): string {
  return new Date(Date.parse(`${todayInDistrict()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Types a month (`YYYY-MM`) into the antd month picker wrapped by `testId`. */
async function pickMonth(page: Page, testId: string, month: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.click();
  await input.fill(month);
  await input.press('Enter');
}

/** Clicks a download button and returns the saved file's name and text. */
async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: await fs.readFile(saved, 'utf8') };
}

/** A loopback HTTP server that answers 200 and keeps what it was sent (a department's webhook receiver). */
async function startReceiver(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('data sharing pages in Chromium', () => {
  let e: E2E;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      {
        record_id: 'M1',
        id_number: MOTHER,
        name: '陈丽',
        sex: '2',
        birth_date: '1992-03-15',
        division: TOWN_005_VILLAGE,
        registered_on: '2010-01-01',
      },
    ]);
    await submitRows(e.t.ctx, 'PS-103', 'hukou_register', [
      {
        record_id: 'M3',
        id_number: OLD_MAN,
        name: '梁伯',
        sex: '1',
        birth_date: '1940-02-02',
        division: TOWN_103_VILLAGE,
        registered_on: '1960-01-01',
      },
    ]);
    await submitRows(e.t.ctx, 'HOSP-01', 'birth', [
      {
        record_id: 'B1',
        mother_id_number: MOTHER,
        child_sex: '1',
        birth_date: '2025-07-30',
        child_name: '李明',
        division: TOWN_005_VILLAGE,
      },
      {
        record_id: 'B2',
        mother_id_number: MOTHER,
        child_sex: '2',
        birth_date: '2025-07-30',
        child_name: '李月',
        division: TOWN_005_VILLAGE,
      },
    ]);
    await submitRows(e.t.ctx, 'TOWN-005', 'pregnancy', [
      {
        record_id: 'P1',
        id_number: MOTHER,
        registered_on: daysFromToday(-200),
        expected_delivery_on: daysFromToday(10),
      },
    ]);
    await submitRows(e.t.ctx, 'PS-103', 'hukou_death', [
      { record_id: 'D1', id_number: OLD_MAN, died_on: '2025-09-01', cancelled_on: '2025-09-03' },
    ]);
    e.app.registryProjector.schedule();
    await e.app.registryProjector.whenIdle();
  });
  afterAll(async () => {
    await e?.close();
    await receiver?.close();
  });

  it('lets a department request deaths, the bureau approve them narrowed, and the clerk preview, download and get notified of them', async () => {
    const clerk = await e.userOf('dept_operator', 'LABOR-EMP');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, clerk, TEST_PASSWORD);
    expect(await page.getByTestId('nav-town-downloads').count()).toBe(0);
    await page.getByTestId('nav-agreements').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('agreements-request').first().click();
    await page.getByTestId('agreement-form-submit').click();
    expect(await page.getByTestId('agreement-request').innerText()).toContain('请至少选择一个事件类型或人口库字段');
    await page.getByTestId('agreement-form-title').fill('死亡注销信息（就业援助核对）');
    await page.getByTestId('agreement-form-purpose').fill('停止发放就业援助');
    await page.getByTestId('agreement-form-types').click();
    await page.keyboard.type('hukou_death');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'hukou_death' })
      .click();
    await page.keyboard.press('Escape');
    const idField = page.getByTestId('scope-field-hukou_death-id_number');
    await expect.poll(() => idField.isChecked()).toBe(true);
    await page.getByTestId('agreement-form-submit').click();
    const status = page.getByTestId('agreement-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('requested');
    const agreementId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(agreementId).toMatch(/^AG-/);

    const admin = await e.userOf('bureau_admin', 'BUREAU');
    const bureau = await e.newPage();
    await signIn(bureau, e.baseUrl, admin, TEST_PASSWORD);
    await bureau.getByTestId('nav-agreements').click();
    await bureau.getByTestId('agreements-filter-status').click();
    await bureau.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '待审批' }).click();
    // The list names each agreement by its title, on screen at 1366 px.
    const title = bureau.getByTestId(`agreements-row-title-${agreementId}`);
    await expect.poll(() => title.innerText(), { timeout: 15_000 }).toBe('死亡注销信息（就业援助核对）');
    expect(await title.isVisible()).toBe(true);
    await bureau.getByTestId(`agreements-row-${agreementId}`).click();
    await bureau.getByTestId('scope-field-hukou_death-id_number').uncheck();
    const approve = bureau.getByTestId('decision-approve');
    await expect.poll(() => approve.getAttribute('data-narrowed')).toBe('true');
    expect(await approve.innerText()).toContain('按收窄范围批准');
    await bureau.getByTestId('decision-note').fill('不需要身份证号');
    await approve.click();
    await bureau.getByTestId('decision-confirm').click();
    await expect.poll(() => bureau.getByTestId('agreement-status').getAttribute('data-status')).toBe('approved');
    const scope = bureau.getByTestId('agreement-scope-hukou_death');
    expect(await scope.locator('[data-field="died_on"]').count()).toBe(1);
    expect(await scope.locator('[data-field="id_number"]').count()).toBe(0);
    expect(await bureau.getByTestId('agreement-history').innerText()).toContain('不需要身份证号');
    // The bureau can shorten the period of an approved agreement (never lengthen it).
    await bureau.getByTestId('decision-valid-to').fill('2099-12-31');
    const narrow = bureau.getByTestId('decision-narrow');
    await expect.poll(() => narrow.isEnabled()).toBe(true);
    await narrow.click();
    await bureau.getByTestId('decision-confirm').click();
    await expect
      .poll(async () => (await e.t.ctx.db.kysely.selectFrom('agreements').select('valid_to').where('id', '=', agreementId).executeTakeFirstOrThrow()).valid_to)
      .toBe('2099-12-31');

    await page.getByTestId('nav-my-data').click();
    const feed = page.getByTestId('feed-table');
    await expect.poll(() => feed.innerText()).toContain('2025-09-01');
    expect(await feed.innerText()).toContain('死亡注销');
    expect(await feed.innerText()).not.toContain(OLD_MAN);
    expect(await page.getByTestId('feed-status').getAttribute('data-count')).toBe('1');
    await page.getByTestId('mydata-tab-export').click();
    await pickMonth(page, 'export-month', '2025-09');
    const csv = await download(page, 'export-csv');
    expect(csv.name).toContain('2025-09');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('死亡日期');
    expect(csv.text).toContain('2025-09-01');
    expect(csv.text).not.toContain(OLD_MAN);
    const reads = await e.t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('org_code', '=', 'LABOR-EMP')
      .where('action', 'in', ['feed.read', 'download.events'])
      .execute();
    expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['feed.read', 'download.events']));
    expect(reads.every((r) => r.purpose === '停止发放就业援助')).toBe(true);

    // Webhooks: a loopback target is refused; a public one is added with its secret shown once.
    await page.getByTestId('mydata-tab-webhooks').click();
    await page.getByTestId('empty-state').getByText('尚未添加通知地址').waitFor();
    await page.getByTestId('webhook-add').click();
    await page.getByTestId('webhook-form-url').fill(`${receiver.url}/refused`);
    await page.getByTestId('webhook-form-ok').click();
    expect(await page.locator('.ant-form-item-explain-error').innerText()).toContain('内网或本机地址须经管理员允许');
    await page.getByTestId('webhook-form-url').fill('http://192.0.2.10/popx/hook');
    await page.getByTestId('webhook-form-ok').click();
    const secret = await page.getByTestId('secret-value').innerText();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByTestId('secret-ok').click();
    const hooks = page.getByTestId('webhook-table');
    await expect.poll(() => hooks.innerText()).toContain('http://192.0.2.10/popx/hook');
    const hook = await e.t.ctx.db.kysely
      .selectFrom('webhook_endpoints')
      .select(['id'])
      .where('agreement_id', '=', agreementId)
      .executeTakeFirstOrThrow();
    await page.getByTestId(`webhook-row-toggle-${hook.id}`).click();
    await expect.poll(() => hooks.innerText()).toContain('已停用');
    await page.getByTestId(`webhook-row-rotate-${hook.id}`).click();
    await page.getByTestId('webhook-rotate-confirm').click();
    await expect.poll(() => page.getByTestId('secret-value').innerText()).not.toBe(secret);
    await page.getByTestId('secret-ok').click();

    // The bureau allows a loopback endpoint on the same page (a department cannot: the box is not
    // there for the clerk); the clerk sees its delivery, its attempts, and sends it again.
    expect(await page.getByTestId('webhook-form-private').count()).toBe(0);
    // (The bureau has no 我的数据: it manages an agreement's endpoints on the agreement's page.)
    await bureau.reload();
    await bureau.getByTestId('agreement-webhooks').getByTestId('webhook-add').click();
    await bureau.getByTestId('webhook-form-url').fill(`${receiver.url}/hook`);
    await bureau.getByTestId('webhook-form-private').check();
    await bureau.getByTestId('webhook-form-ok').click();
    await bureau.getByTestId('secret-ok').click();
    const local = (
      await e.t.ctx.db.kysely
        .selectFrom('webhook_endpoints')
        .select(['id', 'allow_private'])
        .where('url', '=', `${receiver.url}/hook`)
        .executeTakeFirstOrThrow()
    ).id;
    await bureau.getByTestId(`webhook-row-private-${local}`).waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
    await page.getByTestId('mydata-tab-webhooks').click();
    await page.getByTestId(`webhook-row-deliveries-${local}`).click();
    const deliveries = page.getByTestId('webhook-deliveries');
    await expect.poll(() => deliveries.innerText()).toContain('已送达');
    await deliveries.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => deliveries.locator('[data-testid^="delivery-attempts-"]').innerText()).toContain('200');
    const before = receiver.received.length;
    await deliveries.locator('[data-testid^="delivery-redeliver-"]').first().click();
    await page.getByText('已安排重新投递').waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(before);
  });

  it('lets a town operator count and download its month of changes, in Chinese and in English', async () => {
    const operator = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('nav-town-downloads').click();
    await pickMonth(page, 'town-month', '2025-07');
    const total = page.getByTestId('town-total');
    await expect.poll(() => total.getAttribute('data-month')).toBe('2025-07');
    await expect.poll(() => total.getAttribute('data-value')).toBe('2');
    expect(await page.getByTestId('town-counts').innerText()).toContain('婴儿出生');
    const csv = await download(page, 'town-csv');
    expect(csv.text).toContain('李明');
    expect(csv.text).toContain('李月');
    await pickMonth(page, 'town-month', '2025-06');
    await expect.poll(() => total.getAttribute('data-value')).toBe('0');
    await page.getByText('这个月没有变动').waitFor();
    // The changes read as a clerk reads them: coded fields by their labels.
    await page.getByTestId('nav-my-data').click();
    const feed = page.getByTestId('feed-table');
    await expect.poll(() => feed.innerText(), { timeout: 15_000 }).toContain('陈丽');
    expect(await feed.innerText()).toContain('性别：女');
    await page.getByTestId('nav-town-downloads').click();

    await page.getByTestId('lang-switch').click();
    await page.getByText('No changes in this month').waitFor();
    await pickMonth(page, 'town-month', '2025-07');
    await expect.poll(() => total.getAttribute('data-value')).toBe('2');
    expect(await page.getByTestId('town-counts').innerText()).toContain('Birth');
    expect(await page.getByTestId('nav-town-downloads').innerText()).toBe('Monthly download');
  });

  it('shows a hospital the women due in its catchment and downloads the list', async () => {
    const clerk = await e.userOf('dept_operator', 'HOSP-01');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, clerk, TEST_PASSWORD);
    await page.getByTestId('nav-my-data').click();
    await page.getByTestId('mydata-agreement-AG-HOSP-01-DUE').waitFor();
    await page.getByTestId('mydata-tab-due').click();
    await expect.poll(() => page.getByTestId('due-summary').getAttribute('data-total')).toBe('1');
    expect(await page.getByTestId('due-table').innerText()).toContain(daysFromToday(10));
    expect(await page.getByTestId('due-table').innerText()).toContain('陈丽');
    const csv = await download(page, 'due-csv');
    expect(csv.text).toContain('预产期');
    expect(csv.text).toContain('陈丽');
  });

  it('lets the bureau narrow a district-wide agreement to one town, in English too', async () => {
    const admin = await e.userOf('bureau_admin', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, admin, TEST_PASSWORD);
    await page.getByTestId('nav-agreements').waitFor();
    await page.goto(`${e.baseUrl}/sharing/agreements/AG-LABOR-DEATHS`);
    const narrow = page.getByTestId('decision-narrow');
    await narrow.waitFor();
    expect(await narrow.isDisabled()).toBe(true);
    // A district-wide agreement names the district itself; the bureau takes it out and names one town.
    const codes = page.getByTestId('decision-area-codes');
    // The code turns into its name once the division tree has loaded.
    await expect.poll(() => codes.innerText(), { timeout: 15_000 }).toContain('顺德区');
    await codes.click();
    await page.keyboard.press('Backspace');
    // No division named: nothing can be decided, and the panel says why.
    await expect.poll(() => page.getByTestId('decision-area-hint').innerText()).toContain('请至少选择一个区划');
    expect(await narrow.isDisabled()).toBe(true);
    await page.keyboard.type('伦教');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '伦教街道' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => narrow.isEnabled()).toBe(true);
    await page.getByTestId('decision-note').fill('只核对伦教街道');
    await narrow.click();
    await page.getByTestId('decision-confirm').click();
    await expect
      .poll(async () => (await e.t.ctx.db.kysely.selectFrom('agreements').select('area').where('id', '=', 'AG-LABOR-DEATHS').executeTakeFirstOrThrow()).area)
      .toContain('440606003000');
    await expect.poll(() => page.getByTestId('agreement-area').innerText()).toContain('伦教街道');
    expect(await page.getByTestId('agreement-history').innerText()).toContain('只核对伦教街道');
    // The whole jurisdiction cannot come back: that would widen the agreement.
    await page.getByTestId('lang-switch').click();
    await page.getByText('Area shared (can only be made smaller)').waitFor();
    expect(await page.getByTestId('decision-area').locator('input[value="jurisdiction"]').isDisabled()).toBe(true);
  });
});
