import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { SYSTEM_ACTOR } from './actor.js';
import { appendAudit, recordAudit } from './audit-log.js';
import { verifyAuditChain } from './audit-verify.js';

describe.each(DIALECTS)('audit chain on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext(dialect);
    for (let i = 0; i < 5; i += 1) {
      await recordAudit(t.ctx.db, { actor: SYSTEM_ACTOR, action: 'test.write', targetIds: [`r${i}`], details: { i } });
    }
  });
  afterEach(() => t.close());

  it('verifies an untouched chain', async () => {
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(7);
  });

  it('names the entry whose content was edited', async () => {
    await t.ctx.db.kysely.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 4).execute();
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(4);
    expect(report.firstBroken?.reason).toMatch(/altered/);
  });

  it('notices an edit that also recomputed the hash of the edited entry', async () => {
    await t.ctx.db.kysely.updateTable('audit_log').set({ result: 'ok', hash: 'f'.repeat(64) }).where('seq', '=', 3).execute();
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.firstBroken?.seq).toBe(3);
  });

  it('notices a deleted entry in the middle', async () => {
    await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', '=', 5).execute();
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(5);
    expect(report.firstBroken?.reason).toMatch(/missing/);
  });

  it('notices the newest entries were deleted', async () => {
    const head = await t.ctx.db.kysely.selectFrom('chain_heads').select('seq').where('name', '=', 'audit').executeTakeFirstOrThrow();
    await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', '=', Number(head.seq)).execute();
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.reason).toMatch(/deleted/);
  });

  it('notices two entries swapped', async () => {
    const a = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const b = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    await t.ctx.db.kysely.deleteFrom('audit_log').where('seq', 'in', [3, 4]).execute();
    await t.ctx.db.kysely.insertInto('audit_log').values([{ ...a, seq: 4 }, { ...b, seq: 3 }]).execute();
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(3);
  });

  it('keeps the chain gapless under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(t.ctx.db, { actor: SYSTEM_ACTOR, action: 'test.concurrent', details: { i } }),
      ),
    );
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(true);
    const rows = await t.ctx.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  });

  it('rolls the audit entry back with the write it belongs to', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    await expect(
      t.ctx.db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'test.rollback' });
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    const after = await verifyAuditChain(t.ctx.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked);
  });
});
