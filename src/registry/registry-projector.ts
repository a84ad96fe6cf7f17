import type { AppContext } from '../platform/context.js';
import { projectLedger, rebuildRegistry, type ProjectionProgress, type ProjectionResult } from './projection/project-ledger.js';

/**
 * Keeps the registry up to date in a running server: after each committed submission the
 * projection catches up with the ledger, one run at a time (a request for another run while
 * one is going makes it go round once more).
 */
export class RegistryProjector {
  private running: Promise<void> | null = null;
  private again = false;
  private lastError: Error | null = null;
  progress: ProjectionProgress | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** The 6-digit code of the district the registry belongs to. */
  get districtCode(): string {
    return this.ctx.tree.root.code.slice(0, 6);
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

  get failure(): Error | null {
    return this.lastError;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await projectLedger(this.ctx.db, this.districtCode, (p) => (this.progress = p));
          this.lastError = null;
        } catch (error) {
          // Nothing half-done stays: each chunk commits with its cursor. Say so and retry on the next schedule.
          this.lastError = error as Error;
          process.stderr.write(`popx: registry projection failed: ${(error as Error).stack ?? error}\n`);
        }
      } while (this.again);
    } finally {
      this.progress = null;
      this.running = null;
    }
  }
}

/** Projects what is pending, once (CLI). */
export function catchUpRegistry(ctx: AppContext, onProgress?: (p: ProjectionProgress) => void): Promise<ProjectionResult> {
  return projectLedger(ctx.db, ctx.tree.root.code.slice(0, 6), onProgress);
}

/** Rebuilds the registry from the whole ledger (CLI). */
export function rebuildRegistryOf(ctx: AppContext, onProgress?: (p: ProjectionProgress) => void): Promise<ProjectionResult> {
  return rebuildRegistry(ctx.db, ctx.tree.root.code.slice(0, 6), onProgress);
}
