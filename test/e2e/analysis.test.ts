import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/platform/identity/index.js';
import { submitRows } from '../submit-rows.js';
import { signIn, startE2E, TEST_PASSWORD, type E2E } from './harness.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const DALIANG = '440606005000';
const DALIANG_VILLAGE = '440606005001';
const CHENCUN = '440606101000';
const CHENCUN_VILLAGE = '440606101001';
const KPI_KEYS = [
  'population',
  'births',
  'deaths',
  'crude_birth_rate',
  'crude_death_rate',
  'natural_growth_rate',
  'total_fertility_rate',
  'sex_ratio_at_birth',
] as const;

interface Report {
  division: { code: string; name: string };
  births: number;
  indicators: Record<string, { value: number | null; suppressed: boolean }>;
}

/** Women of 25–39 with household registration, 6 in 大良 and 4 in 陈村; a man in 陈村 who dies. */
const WOMEN = Array.from({ length: 10 }, (_, i) => {
  const year = 1986 + i;
  const village = i < 6 ? DALIANG_VILLAGE : CHENCUN_VILLAGE;
  return { id: id(`440606${year}0301${String(i * 2 + 2).padStart(3, '0')}`), year, village };
});
const MAN = id('44060619500101011');

/** Waits for a value the page reaches after a request (the machine is shared: give it time). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** Clicks a button that saves a file; returns the file's bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('the analysis dashboard in Chromium', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
    await submitRows(e.t.ctx, 'PS-005', 'hukou_register', [
      ...WOMEN.map((w, i) => ({
        record_id: `R${i}`,
        id_number: w.id,
        name: `陈${'丽芳静敏燕红霞娟玲萍'[i]}`,
        sex: '2',
        birth_date: `${w.year}-03-01`,
        division: w.village,
        registered_on: '2010-01-01',
      })),
      { record_id: 'RM', id_number: MAN, name: '李强', sex: '1', birth_date: '1950-01-01', division: CHENCUN_VILLAGE, registered_on: '2010-01-01' },
    ]);
    // Seven births in 2025: five in 大良, two in 陈村 (four boys, three girls); one death in 陈村.
    await submitRows(
      e.t.ctx,
      'HOSP-01',
      'birth',
      [0, 1, 2, 3, 4, 6, 7].map((w, i) => ({
        record_id: `B${i}`,
        mother_id_number: WOMEN[w]!.id,
        child_sex: i % 2 === 0 ? '1' : '2',
        birth_date: `2025-${String(i + 2).padStart(2, '0')}-10`,
        child_name: `陈小${'一二三四五六七'[i]}`,
        division: WOMEN[w]!.village,
      })),
    );
    await submitRows(e.t.ctx, 'PS-101', 'hukou_death', [{ record_id: 'D1', id_number: MAN, died_on: '2025-06-01', cancelled_on: '2025-06-05' }]);
    e.app.registryProjector.schedule();
    await e.app.registryProjector.whenIdle();
  });
  afterAll(async () => e?.close());

  const api = async (page: Page, query: string) => (await page.request.get(`${e.baseUrl}/api/v1/stats/indicators?${query}`)).json() as Promise<Report>;
  const kpiValues = (page: Page) =>
    Promise.all(KPI_KEYS.map(async (key) => page.getByTestId(`kpi-value-${key}`).getAttribute('data-value')));
  const apiValues = (report: Report) => KPI_KEYS.map((key) => String(report.indicators[key]!.value ?? ''));

  it('shows the bureau the district, drills to a town, turns a chart into a table, speaks English and exports', async () => {
    const analyst = await e.userOf('bureau_analyst', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, analyst, TEST_PASSWORD);
    await page.getByTestId('nav-analysis').click();
    await page.getByTestId('analysis-page').waitFor();
    // The first view is last year's; the seeded year is chosen in the address like a shared link.
    await page.goto(`${e.baseUrl}/analysis?period=2025`);
    const district = await api(page, 'period=2025');
    expect(district.births).toBe(7);
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2025');
    expect(await kpiValues(page)).toEqual(apiValues(district));
    expect(await page.getByTestId('kpi-value-births').innerText()).toBe('7');
    expect(await page.getByTestId('analysis-breadcrumbs').innerText()).toContain('顺德区');
    // The census year (11-01 to 10-31) from the period picker.
    await page.getByTestId('analysis-period-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '普查年度' }).click();
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2024-11-01..2025-10-31');
    const census = await api(page, 'period=2024-11-01..2025-10-31');
    await poll(() => kpiValues(page)).toEqual(apiValues(census));
    await page.goto(`${e.baseUrl}/analysis?period=2025`);
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2025');
    // The bureau sees the exchange itself.
    expect(await page.getByTestId('analysis-exchange').innerText()).toContain('报送行数');
    // Towns compared: one request per town, all ten in the table.
    await page.getByTestId('analysis-toggle-children').getByText('表').click();
    const towns = page.getByTestId('analysis-table-children');
    await poll(() => towns.innerText()).toContain('陈村镇');
    expect(await towns.innerText()).toContain('大良街道');

    await page.getByTestId('analysis-drill').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '大良街道' }).click();
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-division')).toBe(DALIANG);
    const town = await api(page, `period=2025&division=${DALIANG}`);
    expect(town.births).toBe(5);
    await poll(() => kpiValues(page)).toEqual(apiValues(town));
    expect(await page.getByTestId('analysis-breadcrumbs').innerText()).toMatch(/顺德区\s*\/\s*大良街道/);

    await page.getByTestId('analysis-toggle-pyramid').getByText('表').click();
    const pyramid = await page.getByTestId('analysis-table-pyramid').innerText();
    expect(pyramid).toContain('年龄组');
    expect(pyramid).toContain('35-39');
    await page.getByTestId('analysis-info-asfr').click();
    const definitions = page.getByTestId('analysis-definitions');
    await poll(() => definitions.innerText()).toContain('年龄别生育率');
    expect(await definitions.innerText()).toContain('分母');
    await page.keyboard.press('Escape');

    await page.getByTestId('lang-switch').click();
    await poll(() => page.getByTestId('analysis-card-pyramid').innerText()).toContain('Population pyramid');
    expect(await page.getByTestId('kpi-births').innerText()).toContain('Births');
    expect(await page.getByTestId('analysis-toggle-pyramid').innerText()).toContain('Chart');

    const csv = await download(page, 'analysis-export-csv');
    expect(csv.name).toBe(`popx-analysis-${DALIANG}-2025.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Key figures');
    expect(text).toMatch(/\r\nBirths,5,persons,,\r\n/);
    expect(text).toContain(`Crude birth rate,${town.indicators.crude_birth_rate!.value}`);
    expect(text).toContain('Population pyramid');

    // The print view: no menu, header or controls; a title naming the area and period.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('analysis-export-csv').isVisible()).toBe(false);
    expect(await page.locator('.analysis-print-only').innerText()).toContain('大良街道 2025: population analysis');
    await page.emulateMedia({ media: 'screen' });

    const xlsx = await download(page, 'analysis-export-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const first = book.worksheets[0]!;
    expect(first.name).toBe('Key figures');
    expect(first.getRow(3).values).toEqual([undefined, 'Births', 5, 'persons']);
    expect(book.worksheets.map((w) => w.name)).toContain('All indicators');

    // Back up to the district through the breadcrumb.
    await page.getByTestId('analysis-crumb-440606000000').click();
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-division')).toBe('440606000000');
    await poll(() => kpiValues(page)).toEqual(apiValues(district));
  });

  it('blanks small cells when the publish switch is on', async () => {
    const analyst = await e.userOf('bureau_analyst', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, analyst, TEST_PASSWORD);
    await page.getByTestId('nav-analysis').waitFor();
    await page.goto(`${e.baseUrl}/analysis?period=2025&division=${CHENCUN}`);
    await poll(() => page.getByTestId('kpi-value-births').innerText()).toBe('2');
    await page.getByTestId('analysis-publish').click();
    await poll(() => page.getByTestId('kpi-value-births').innerText()).toBe('<5');
    expect(await page.getByTestId('kpi-value-crude_birth_rate').innerText()).toBe('<5');
    expect(page.url()).toContain('publish=1');
    const published = await api(page, `period=2025&division=${CHENCUN}&publish=1`);
    expect(published.indicators.births!.suppressed).toBe(true);
    // A period with nothing in it says so instead of drawing empty charts.
    await page.goto(`${e.baseUrl}/analysis?period=1949`);
    await poll(() => page.getByTestId('analysis-empty').innerText()).toContain('这个统计期没有数据');
  });

  it('computes any range of days typed into the range picker', async () => {
    const analyst = await e.userOf('bureau_analyst', 'BUREAU');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, analyst, TEST_PASSWORD);
    await page.getByTestId('nav-analysis').waitFor();
    await page.goto(`${e.baseUrl}/analysis?period=2025-03`);
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2025-03');
    await page.getByTestId('analysis-period-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '自定义' }).click();
    // Switching keeps the month as a range of its days (the report still calls it 2025-03).
    await poll(() => Promise.resolve(decodeURIComponent(page.url()))).toContain('period=2025-03-01..2025-03-31');
    await poll(() => page.locator('.ant-picker-range input').nth(1).inputValue()).toBe('2025-03-31');
    const [start, end] = [page.locator('.ant-picker-range input').nth(0), page.locator('.ant-picker-range input').nth(1)];
    await start.click();
    await start.fill('2025-03-15');
    await start.press('Enter');
    await end.fill('2025-06-20');
    await end.press('Enter');
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2025-03-15..2025-06-20');
    expect(page.url()).toContain('period=2025-03-15..2025-06-20');
    // Births on 04-10, 05-10 and 06-10 fall in it; the page shows what the API computes.
    const range = await api(page, 'period=2025-03-15..2025-06-20');
    expect(range.births).toBe(3);
    await poll(() => kpiValues(page)).toEqual(apiValues(range));
    expect(await page.getByTestId('kpi-value-births').innerText()).toBe('3');
  });

  it('keeps a town operator to their own town', async () => {
    const operator = await e.userOf('town_operator', 'TOWN-005');
    const page = await e.newPage();
    await signIn(page, e.baseUrl, operator, TEST_PASSWORD);
    await page.getByTestId('nav-analysis').waitFor();
    await page.goto(`${e.baseUrl}/analysis?period=2025`);
    await poll(() => page.getByTestId('analysis-page').getAttribute('data-period')).toBe('2025');
    expect(await page.getByTestId('analysis-page').getAttribute('data-division')).toBe(DALIANG);
    expect(await page.getByTestId('kpi-value-births').innerText()).toBe('5');
    const crumbs = await page.getByTestId('analysis-breadcrumbs').innerText();
    expect(crumbs).toContain('大良街道');
    expect(crumbs).not.toContain('顺德区');
    expect(await page.getByTestId('analysis-exchange').count()).toBe(0);
    // Its villages are below it; another town is refused.
    await page.getByTestId('analysis-toggle-children').getByText('表').click();
    await poll(() => page.getByTestId('analysis-table-children').innerText()).toContain('升平社区居委会');
    await page.goto(`${e.baseUrl}/analysis?period=2025&division=${CHENCUN}`);
    await poll(() => page.getByTestId('error-state').innerText()).toContain('FORBIDDEN');
  });
});
