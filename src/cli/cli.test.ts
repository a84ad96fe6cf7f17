import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPopx } from '../../test/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/test-database.js';
import { openDatabase } from '../platform/db/index.js';

describe.each(DIALECTS)('the popx command line on %s', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = { DATABASE_URL: database.url, POPX_ADMIN_PASSWORD: 'Cli-Bootstrap-2026' };
  });
  afterAll(() => database.drop());

  it('migrates and initialises the shipped district', async () => {
    const migrate = await runPopx(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/applied: .*platform/);
    const init = await runPopx(['init'], env);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('顺德区');
    const again = await runPopx(['init'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a district/);
  });

  it('creates an organisation, a user and a token', async () => {
    const org = await runPopx(
      ['org', 'create', '--code', 'PS-900', '--type', 'police', '--name', '测试派出所', '--parent', 'POLICE', '--division', '440606005000'],
      env,
    );
    expect(org.code).toBe(0);
    const user = await runPopx(['user', 'create', '--username', 'zhang.wei', '--role', 'town_operator', '--org', 'TOWN-005'], env);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/password \(shown once.*\): \S{10,}/);
    const token = await runPopx(['token', 'create', '--org', 'PS-900', '--name', '警务系统', '--expires', '30'], env);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^popx_[A-Za-z0-9_-]{40,}$/);
    const list = await runPopx(['org', 'list', '--type', 'police'], env);
    expect(list.stdout).toContain('PS-900');
  });

  it('explains a bad argument in both languages and exits 1', async () => {
    const result = await runPopx(['user', 'create', '--username', 'li', '--role', 'emperor', '--org', 'BUREAU'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown role "emperor"/);
    expect(result.stderr).toMatch(/角色/);
  });

  it('verifies the audit chain, and fails naming the entry once a row is edited', async () => {
    const ok = await runPopx(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK/);
    const db = await openDatabase(database.url);
    await db.kysely.updateTable('audit_log').set({ actor_name: 'someone-else' }).where('seq', '=', 2).execute();
    await db.close();
    const broken = await runPopx(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at entry 2/);
  });
});

describe('backup and restore on sqlite', () => {
  it('restores the exact state of a consistent online backup', async () => {
    const database = await createTestDatabase('sqlite');
    const env = { DATABASE_URL: database.url, POPX_ADMIN_PASSWORD: 'Cli-Bootstrap-2026' };
    const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'popx-bak-')), 'popx.bak');
    try {
      expect((await runPopx(['init'], env)).code).toBe(0);
      const backup = await runPopx(['backup', backupFile], env);
      expect(backup.code).toBe(0);
      await runPopx(['org', 'create', '--code', 'LATE-1', '--type', 'town', '--name', '备份后新增'], env);
      const restore = await runPopx(['restore', backupFile], env);
      expect(restore.stdout).toMatch(/audit chain OK/);
      expect(restore.code).toBe(0);
      const list = await runPopx(['org', 'list'], env);
      expect(list.stdout).toContain('BUREAU');
      expect(list.stdout).not.toContain('LATE-1');
      const notABackup = path.join(path.dirname(backupFile), 'junk.bak');
      fs.writeFileSync(notABackup, 'this is not a database');
      const bad = await runPopx(['restore', notABackup], env);
      expect(bad.code).toBe(1);
      expect((await runPopx(['audit', 'verify'], env)).code).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
