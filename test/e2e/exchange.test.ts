import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const MOTHER_BODY = '44060619920315002';
const MOTHER = MOTHER_BODY + idCheckChar(MOTHER_BODY);
const WRONG = MOTHER_BODY + (idCheckChar(MOTHER_BODY) === '9' ? '8' : '9');

describe('a hospital clerk submits births in Chromium', () => {
  let e: E2E;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-e2e-upload-'));
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the template, fills it, uploads it, reads the report and downloads the rejected rows', async () => {
    const clerk = await e.userOf('dept_operator', 'HOSP-01');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, clerk, TEST_PASSWORD);
    await page.getByTestId('nav-upload').click();
    await page.getByTestId('upload-type').click();
    await page.keyboard.type('birth');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '婴儿出生' }).first().click();

    const templateDownload = page.waitForEvent('download');
    await page.getByTestId('upload-template-csv').click();
    const template = await templateDownload;
    const templateFile = path.join(dir, 'template.csv');
    await template.saveAs(templateFile);
    const header = fs.readFileSync(templateFile, 'utf8').replace(/^\uFEFF/, '').trim();
    expect(header.startsWith('记录编号*')).toBe(true);
    const width = header.split(',').length;
    const row = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')].join(',');
    const filled = path.join(dir, '三月出生.csv');
    fs.writeFileSync(filled, `\uFEFF${header}\r\n${row(['H-301', '', MOTHER, '女', '2025-03-01'])}\r\n${row(['H-302', '', WRONG, '男', '2025-03-02'])}\r\n`);

    await page.locator('[data-testid="upload-dropzone"] input[type=file]').setInputFiles(filled);
    await page.getByTestId('upload-submit').click();
    const report = page.getByTestId('report');
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-testid="report"]')?.getAttribute('data-status');
      return status && status !== 'processing';
    }, undefined, { timeout: 30_000 });
    expect(await report.getAttribute('data-status')).toBe('committed');
    expect((await page.getByTestId('report-accepted').innerText()).trim()).toBe('1');
    expect((await page.getByTestId('report-rejected').innerText()).trim()).toBe('1');
    expect(await page.getByTestId('report-issues').innerText()).toContain('校验位');
    expect(await page.getByTestId('report-receipt').innerText()).toMatch(/[0-9a-f]{16}/);

    const errorsDownload = page.waitForEvent('download');
    await page.getByTestId('report-errors-csv').click();
    const errors = await errorsDownload;
    const errorsFile = path.join(dir, 'errors.csv');
    await errors.saveAs(errorsFile);
    const lines = fs.readFileSync(errorsFile, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('H-302');
    expect(lines[1]).toContain('校验位');

    await page.getByTestId('nav-submissions').click();
    // The table renders before its first page arrives: wait for the row, not the frame.
    await expect.poll(() => page.getByTestId('submissions-table').innerText(), { timeout: 15_000 }).toContain('三月出生.csv');
    await page.context().close();
  });
});
