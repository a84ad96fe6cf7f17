import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '../../src/platform/auth/roles.js';
import { buildServer } from '../../src/server.js';
import { createTestUser, TEST_PASSWORD } from '../http-helpers.js';
import { ROOT } from '../cli.js';
import { createTestContext, TEST_ADMIN_PASSWORD, type TestContext } from '../test-database.js';

export const CHROMIUM_PATH = process.env.POPX_CHROMIUM ?? '/usr/bin/chromium';
export { TEST_ADMIN_PASSWORD, TEST_PASSWORD };

/** The real server on a free port with a fresh database, and a real headless Chromium. */
export interface E2E {
  t: TestContext;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  userOf(role: Exclude<Role, 'dept_system'>, orgCode: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const webRoot = path.join(ROOT, 'dist', 'web');
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('dist/web is not built: run `npm run build:web` (npm test does it)');
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does it)`);
  }
  const t = await createTestContext('sqlite', { webRoot });
  const app = await buildServer(t.ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  return {
    t,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newPage: async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    userOf: (role, orgCode) => createTestUser(t.ctx, role, orgCode),
    close: async () => {
      await browser.close();
      await app.close();
      await t.close();
    },
  };
}

/** Signs in through the login form. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
