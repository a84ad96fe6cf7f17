import { analysisChunkHook, ensureAnalysisAggregatesOf, rebuildAnalysisAggregatesOf } from '../analysis/index.js';
import type { AppContext } from '../platform/context.js';
import { projectLedger, rebuildRegistry, type ProjectedPersonsHook, type ProjectionFollower, type ProjectionProgress, type ProjectionResult } from './projection/project-ledger.js';

/**
 * Keeps the registry up to date in a running server: after each committed submission the
 * projection catches up with the ledger, one run at a time (a request for another run while
 * one is going makes it go round once more).
 */
export class RegistryProjector {
  private running: Promise<void> | null = null;
  private again = false;
  private follower: ProjectionFollower | undefined;

  constructor(private readonly ctx: AppContext) {}

  /** What follows the registry (cross-verification): a hook in each projection transaction with the persons it changed, and a step after each run. */
  setFollower(follower: ProjectionFollower): void {
    this.follower = follower;
  }

  /** The follower's chunk hook, for other projection paths (reviewer decisions); call `followUp` after them. */
  get afterChunkHook(): ProjectedPersonsHook | undefined {
    return withAnalysis(this.ctx, this.follower?.afterChunk);
  }

  /** Runs the follower's after-run step (after a reviewer decision re-projected persons). */
  async followUp(): Promise<void> {
    await this.follower?.afterRun();
  }

  /** The 6-digit code of the district the registry belongs to. */
  get districtCode(): string {
    return districtCodeOf(this.ctx);
  }

  /** Asks for a catch-up; returns at once. */
  schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** Resolves when no projection is running or asked for (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await projectLedger(this.ctx.db, this.districtCode, undefined, this.afterChunkHook);
          await ensureAnalysisAggregatesOf(this.ctx.db, this.districtCode);
          await this.follower?.afterRun();
        } catch (error) {
          // Nothing half-done stays: each chunk commits with its cursor. Say so and retry on the next schedule.
          process.stderr.write(`popx: registry projection failed: ${(error as Error).stack ?? error}\n`);
        }
      } while (this.again);
    } finally {
      this.running = null;
    }
  }
}

/** Projects what is pending, once (CLI). */
export async function catchUpRegistry(ctx: AppContext, onProgress?: (p: ProjectionProgress) => void, follower?: ProjectionFollower): Promise<ProjectionResult> {
  const result = await projectLedger(ctx.db, districtCodeOf(ctx), onProgress, withAnalysis(ctx, follower?.afterChunk));
  await ensureAnalysisAggregatesOf(ctx.db, districtCodeOf(ctx));
  await follower?.afterRun();
  return result;
}

/** The follower's chunk hook, after the analysis cells' upkeep (which every projection path runs). */
function withAnalysis(ctx: AppContext, hook: ProjectedPersonsHook | undefined): ProjectedPersonsHook {
  const analysis = analysisChunkHook(districtCodeOf(ctx), ctx.db);
  return async (trx, personIds, position) => {
    await analysis(trx, personIds, position);
    await hook?.(trx, personIds, position);
  };
}

/** Rebuilds the registry from the whole ledger (CLI). */
export async function rebuildRegistryOf(ctx: AppContext, onProgress?: (p: ProjectionProgress) => void): Promise<ProjectionResult> {
  const result = await rebuildRegistry(ctx.db, districtCodeOf(ctx), onProgress);
  await rebuildAnalysisAggregatesOf(ctx.db, districtCodeOf(ctx));
  return result;
}

function districtCodeOf(ctx: AppContext): string {
  return ctx.tree.root.code.slice(0, 6);
}
