// Regenerates the README's screenshots: `npx tsx scripts/screenshots.ts` (needs dist/web and Chromium).
// The dashboard shows a `popx gen` district (POPX_SCREENSHOT_PERSONS, default 20,000 persons, 2024–2025)
// imported through the real pipeline (seed POPX_SCREENSHOT_SEED, default shunde); POPX_SCREENSHOT_PERSONS=0 skips it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generateDistrict } from '../src/gen/generate-district.js';
import type { AppContext } from '../src/platform/context.js';
import { computeIndicators } from '../src/analysis/index.js';
import { catchUpRegistry } from '../src/registry/index.js';
import { ROOT } from '../test/cli.js';
import { submitGeneratedDistrict } from '../test/submit-rows.js';
import { signIn, startE2E, TEST_ADMIN_PASSWORD } from '../test/e2e/harness.js';

const out = path.join(ROOT, 'docs', 'images');
const persons = Number(process.env.POPX_SCREENSHOT_PERSONS ?? 20_000);

/** Generates a district and submits every department's files as that department would. */
async function importGeneratedDistrict(ctx: AppContext): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-screenshots-'));
  try {
    await generateDistrict({ persons, seed: process.env.POPX_SCREENSHOT_SEED ?? 'shunde', months: 24, start: '2024-01', out: dir });
    await submitGeneratedDistrict(ctx, dir);
    await catchUpRegistry(ctx);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1e6).toFixed(2);
}

/** CPU time of the engine's work behind the dashboard, without HTTP: the district, each month, each town. */
async function measureDashboardQueries(ctx: AppContext): Promise<void> {
  const run = async (label: string, requests: Array<{ period: string; division?: string }>) => {
    const since = process.cpuUsage();
    const started = Date.now();
    for (const request of requests) await computeIndicators(ctx.db, ctx.tree, request);
    process.stdout.write(`${label}: ${requests.length} reports, CPU ${cpuSeconds(since)} s, wall ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
  };
  await run('warm-up', [{ period: '2025' }]);
  await run('district 2025', [{ period: '2025' }]);
  await run('12 months', Array.from({ length: 12 }, (_, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}` })));
  const towns = ctx.tree.childrenOf(ctx.tree.root.code).map((d) => ({ period: '2025', division: d.code }));
  await run('10 towns', towns);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => {});
  await page.waitForTimeout(600);
}

fs.mkdirSync(out, { recursive: true });
const e = await startE2E();
try {
  const page = await e.newPage();
  await signIn(page, e.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
  await page.getByTestId('home-welcome').waitFor();
  await page.getByTestId('nav-orgs').click();
  await page.locator('.ant-table-row').first().waitFor();
  await settle(page);
  await page.screenshot({ path: path.join(out, 'orgs.png') });
  process.stdout.write(`wrote ${path.join(out, 'orgs.png')}\n`);

  if (persons > 0) {
    const started = Date.now();
    await importGeneratedDistrict(e.t.ctx);
    process.stdout.write(`imported a generated district of ${persons} persons in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    if (process.env.POPX_SCREENSHOT_MEASURE === '1') await measureDashboardQueries(e.t.ctx);
    await page.setViewportSize({ width: 1440, height: 1500 });
    const cpuBefore = process.cpuUsage();
    const opened = Date.now();
    await page.goto(`${e.baseUrl}/analysis?period=2025`);
    await page.getByTestId('kpi-value-births').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[data-testid="analysis-progress"]'), null, { timeout: 120_000 });
    process.stdout.write(`dashboard (district, 12 months, 10 towns) loaded in ${((Date.now() - opened) / 1000).toFixed(1)} s, server CPU ${cpuSeconds(cpuBefore)} s\n`);
    await settle(page);
    await page.screenshot({ path: path.join(out, 'dashboard.png') });
    process.stdout.write(`wrote ${path.join(out, 'dashboard.png')}\n`);
  }
} finally {
  await e.close();
}
