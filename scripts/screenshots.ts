// Regenerates the README's screenshots: `npx tsx scripts/screenshots.ts` (needs dist/web and Chromium).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../test/cli.js';
import { signIn, startE2E, TEST_ADMIN_PASSWORD } from '../test/e2e/harness.js';

const out = path.join(ROOT, 'docs', 'images');
fs.mkdirSync(out, { recursive: true });
const e = await startE2E();
try {
  const page = await e.newPage();
  await signIn(page, e.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
  await page.getByTestId('home-welcome').waitFor();
  await page.getByTestId('nav-orgs').click();
  await page.locator('.ant-table-row').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'orgs.png') });
  process.stdout.write(`wrote ${path.join(out, 'orgs.png')}\n`);
} finally {
  await e.close();
}
