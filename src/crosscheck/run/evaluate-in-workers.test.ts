import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitGeneratedDistrict } from '../../../test/submit-rows.js';
import { createTestContext, type TestContext } from '../../../test/test-database.js';
import { generateDistrict } from '../../gen/generate-district.js';
import { openContext } from '../../platform/bootstrap.js';
import type { AppContext } from '../../platform/context.js';
import { projectLedger } from '../../registry/index.js';
import { runCrosscheck } from './run-crosscheck.js';

const AS_OF = '2026-01-01';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-crosscheck-workers-'));

/** Every case as the comparison of two runs reads it (ids and times differ). */
async function cases(ctx: AppContext): Promise<string[]> {
  const rows = await ctx.db.kysely
    .selectFrom('cases')
    .select(['rule_id', 'rule_version', 'person_id', 'status', 'evidence', 'evidence_key', 'owner_org_code', 'division_code', 'due_on', 'version'])
    .execute();
  return rows.map((r) => JSON.stringify([r.rule_id, r.rule_version, Number(r.person_id), r.status, r.evidence, r.evidence_key, r.owner_org_code, r.division_code, r.due_on, r.version])).sort();
}

/** A full run on SQLite evaluating in worker threads gives the cases of a run in one thread: SQLite only (workers read the database file). */
describe('popx crosscheck run in worker threads on sqlite', () => {
  let t: TestContext;
  let copy: AppContext;

  beforeAll(async () => {
    const out = path.join(dir, 'gen');
    await generateDistrict({ persons: 2500, seed: 'crosscheck-workers', months: 24, start: '2024-01', out });
    t = await createTestContext('sqlite');
    await submitGeneratedDistrict(t.ctx, out);
    await projectLedger(t.ctx.db, t.ctx.tree.root.code.slice(0, 6));
    // The same registry in a second file.
    t.ctx.db.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(dir, 'copy.db');
    fs.copyFileSync(t.database.sqliteFile!, file);
    copy = (await openContext({ ...t.config, databaseUrl: `sqlite:${file}` })).ctx;
  }, 300_000);
  afterAll(async () => {
    await copy?.db.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the same cases with the same tallies as one thread, and a second run in workers finds nothing new', async () => {
    const single = await runCrosscheck(t.ctx, { asOf: AS_OF, batchSize: 40, workers: 0 });
    const parallel = await runCrosscheck(copy, { asOf: AS_OF, batchSize: 40, workers: 2 });
    expect(parallel).toEqual(single);
    expect(single.persons).toBeGreaterThan(1000);
    const opened = await cases(t.ctx);
    // A district this size has contradictions of several rules.
    expect(new Set(opened.map((c) => JSON.parse(c)[0])).size).toBeGreaterThan(3);
    expect(await cases(copy)).toEqual(opened);
    const again = await runCrosscheck(t.ctx, { asOf: AS_OF, batchSize: 40, workers: 2 });
    expect(Object.values(again.byRule).every((r) => r.opened === 0 && r.reopened === 0 && r.resolved === 0)).toBe(true);
    expect(Object.fromEntries(Object.entries(again.byRule).map(([rule, r]) => [rule, r.found]))).toEqual(Object.fromEntries(Object.entries(single.byRule).map(([rule, r]) => [rule, r.found])));
    expect(await cases(t.ctx)).toEqual(opened);
  }, 120_000);
});
