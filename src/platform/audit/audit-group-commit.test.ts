import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { SYSTEM_ACTOR } from './actor.js';
import { recordAudit } from './audit-log.js';
import { advanceChainHead, lockChainHead } from './chain-head.js';
import { verifyAuditChain } from './audit-verify.js';

describe.each(DIALECTS)('audit group commit on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());

  it('commits concurrent entries together, each with its own sequence, in one unbroken chain', async () => {
    const before = await t.ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const seqs = await Promise.all(Array.from({ length: 120 }, (_, i) => recordAudit(t.ctx.db, { actor: SYSTEM_ACTOR, action: 'person.lookup', purpose: `case ${i}`, targetIds: [String(i)] })));
    expect(new Set(seqs).size).toBe(120);
    const rows = await t.ctx.db.kysely.selectFrom('audit_log').select(['seq', 'purpose']).where('action', '=', 'person.lookup').orderBy('seq').execute();
    expect(rows).toHaveLength(120);
    // Each caller got the sequence of its own entry.
    for (const [i, seq] of seqs.entries()) expect(rows.find((r) => Number(r.seq) === seq)?.purpose).toBe(`case ${i}`);
    const after = await t.ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(120);
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(true);
  });

  it('serialises concurrent first appends to a chain that has no head yet', async () => {
    // Open the pool's connections first, so that the transactions below really start together.
    await Promise.all(Array.from({ length: 8 }, () => t.ctx.db.kysely.transaction().execute(() => new Promise((resolve) => setTimeout(resolve, 50)))));
    await Promise.all(
      Array.from({ length: 8 }, () =>
        t.ctx.db.kysely.transaction().execute(async (trx) => {
          const head = await lockChainHead(trx, 'race-test');
          await new Promise((resolve) => setTimeout(resolve, 30));
          await advanceChainHead(trx, 'race-test', head.seq + 1, head.hash);
        }),
      ),
    );
    const head = await t.ctx.db.kysely.selectFrom('chain_heads').select('seq').where('name', '=', 'race-test').executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(8);
  });
});
