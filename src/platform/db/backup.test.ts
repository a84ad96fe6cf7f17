import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/test-database.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase } from './database.js';

describe('backup and restore on postgres', () => {
  it('brings back the state at backup time with an intact audit chain', async () => {
    const t = await createTestContext('postgres');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'popx-pgbak-')), 'popx.dump');
    try {
      const bytes = await backupDatabase(t.database.url, file, { pgSchema: t.database.pgSchema });
      expect(bytes).toBeGreaterThan(1000);
      const before = await t.ctx.db.kysely.selectFrom('orgs').select('code').execute();
      await t.ctx.db.kysely.deleteFrom('org_divisions').execute();
      await t.ctx.db.close();
      await restoreDatabase(t.database.url, file);
      const db = await openDatabase(t.database.url);
      try {
        const after = await db.kysely.selectFrom('orgs').select('code').execute();
        expect(after.length).toBe(before.length);
        const served = await db.kysely.selectFrom('org_divisions').selectAll().execute();
        expect(served.length).toBeGreaterThan(0);
        expect((await verifyAuditChain(db)).ok).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      await t.database.drop();
    }
  });
});
