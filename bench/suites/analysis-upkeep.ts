/**
 * What keeping the analysis cells costs the registry projection: a `popx gen` district imported
 * through the real pipeline into two databases, then projected in one with the analysis hook and
 * in the other without (the same entries, chunks and order), CPU of this process (which includes
 * SQLite's work; PostgreSQL's server time shows only in the wall time).
 */
import path from 'node:path';
import { analysisChunkHook } from '../../src/analysis/index.js';
import { generateDistrict } from '../../src/gen/generate-district.js';
import type { Dialect } from '../../src/platform/db/index.js';
import { projectLedger } from '../../src/registry/index.js';
import { submitGeneratedDistrict } from '../../test/submit-rows.js';
import { createTestContext, type TestContext } from '../../test/test-database.js';

export interface UpkeepFigures {
  persons: number;
  entries: number;
  without: { wallMs: number; cpuMs: number };
  with: { wallMs: number; cpuMs: number };
  /** CPU spent inside the hook itself during the projection with it. */
  hookCpuMs: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Projects the same imported district with and without the analysis hook; returns both costs. */
export async function measureUpkeep(dialect: Dialect, persons: number, tmpDir: string, log: (m: string) => void): Promise<UpkeepFigures> {
  const out = path.join(tmpDir, `upkeep-${dialect}-${persons}`);
  await generateDistrict({ persons, seed: 'upkeep', months: 24, start: '2024-01', out });
  const plain = await createTestContext(dialect);
  const kept = await createTestContext(dialect);
  try {
    log(`analysis upkeep: importing a ${persons}-person district twice on ${dialect}`);
    await submitGeneratedDistrict(plain.ctx, out);
    await submitGeneratedDistrict(kept.ctx, out);
    const district = plain.ctx.tree.root.code.slice(0, 6);
    let hookCpuMs = 0;
    const upkeep = analysisChunkHook(district, kept.ctx.db);
    const timedHook: typeof upkeep = async (trx, ids, position) => {
      const cpu = cpuMs();
      await upkeep(trx, ids, position);
      hookCpuMs += cpuMs() - cpu;
    };
    const run = async (t: TestContext, hook: boolean) => {
      const cpu = cpuMs();
      const start = performance.now();
      const result = await projectLedger(t.ctx.db, district, undefined, hook ? timedHook : undefined);
      return { wallMs: performance.now() - start, cpuMs: cpuMs() - cpu, entries: result.entries };
    };
    // The first projection in the process also warms the JIT: project once with the hook first, measure after.
    const withHook = await run(kept, true);
    const without = await run(plain, false);
    log(`analysis upkeep: ${dialect}: projection ${without.cpuMs.toFixed(0)} ms CPU without the hook, ${withHook.cpuMs.toFixed(0)} ms with, of which ${hookCpuMs.toFixed(0)} ms in the hook`);
    return { persons, entries: without.entries, without: { wallMs: without.wallMs, cpuMs: without.cpuMs }, with: { wallMs: withHook.wallMs, cpuMs: withHook.cpuMs }, hookCpuMs };
  } finally {
    await plain.close();
    await kept.close();
  }
}
