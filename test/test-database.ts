import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openContext } from '../src/platform/bootstrap.js';
import { loadConfig, type Config } from '../src/platform/config/config.js';
import type { AppContext } from '../src/platform/context.js';
import type { Dialect } from '../src/platform/db/index.js';

/** Every database test runs on both. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export const TEST_ADMIN_PASSWORD = 'Bootstrap-Passw0rd-1';

/** The PostgreSQL the suite uses besides SQLite (CI sets POPX_TEST_DATABASE_URL). */
export function testPostgresUrl(): string {
  return process.env.POPX_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDatabase {
  dialect: Dialect;
  /** A DATABASE_URL that reaches this test's own database or schema (for child processes). */
  url: string;
  pgSchema?: string;
  sqliteFile?: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect: a temp SQLite file or a PostgreSQL schema of its own. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const id = randomBytes(6).toString('hex');
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-test-'));
    const file = path.join(dir, 'popx.db');
    return {
      dialect,
      url: `sqlite:${file}`,
      sqliteFile: file,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = testPostgresUrl();
  const schema = `t_${id}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const separator = base.includes('?') ? '&' : '?';
  return {
    dialect,
    url: `${base}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    pgSchema: schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export interface TestContext {
  ctx: AppContext;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** An initialised platform (shipped district, demo orgs, admin) on a fresh database. */
export async function createTestContext(
  dialect: Dialect,
  overrides: Partial<Config> = {},
): Promise<TestContext> {
  const database = await createTestDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-data-'));
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: database.url,
    adminPassword: TEST_ADMIN_PASSWORD,
    logLevel: 'silent',
    // Cross-verification follows projection and runs daily in a real server; a test turns them on when it is about them.
    crosscheckIncremental: false,
    crosscheckAt: null,
    ...overrides,
  };
  const { ctx } = await openContext(config, { pgSchema: database.pgSchema });
  return {
    ctx,
    database,
    config,
    close: async () => {
      await ctx.db.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
