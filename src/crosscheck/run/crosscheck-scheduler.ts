import { hostname } from 'node:os';
import type { AppContext } from '../../platform/context.js';
import { districtTimeOfDay, todayInDistrict } from '../../platform/district/district-time.js';
import { claimDailyRun, finishDailyRun } from './crosscheck-runs.repository.js';
import { runCrosscheck, type CrosscheckRunResult } from './run-crosscheck.js';

const TICK_MS = 60_000;
/** A claimed run that has not finished after this long is taken to be dead (its process stopped) and may be taken over. */
const STALE_RUN_HOURS = 6;

/**
 * The server's daily full cross-verification run, at a district time (UTC+8): time-based rules
 * (grace periods, overdue pregnancies, overdue cases) fire without new records. Checks every
 * minute; a server started after the hour runs the day's run at once. The day's row in
 * `crosscheck_runs` is claimed first, so of several server processes only one runs it.
 */
export class CrosscheckScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<CrosscheckRunResult | null> | null = null;
  private doneDay: string | null = null;
  private readonly runner = `${hostname()}:${process.pid}`;

  constructor(
    private readonly ctx: AppContext,
    /** HH:MM in district time. */
    private readonly at: string,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs the day's full evaluation if its time has come and no process has claimed it; the run's result, or null. */
  async tick(now = new Date()): Promise<CrosscheckRunResult | null> {
    if (this.running) return null;
    const day = todayInDistrict(now);
    if (this.doneDay === day || districtTimeOfDay(now) < this.at) return null;
    this.running = this.runDay(day, now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runDay(day: string, now: Date): Promise<CrosscheckRunResult | null> {
    const staleBefore = new Date(now.getTime() - STALE_RUN_HOURS * 3600_000).toISOString();
    try {
      if (!(await claimDailyRun(this.ctx.db.kysely, day, this.runner, now.toISOString(), staleBefore))) {
        this.doneDay = day;
        return null;
      }
      const result = await runCrosscheck(this.ctx, { asOf: day });
      await finishDailyRun(this.ctx.db.kysely, day, this.runner, result);
      this.doneDay = day;
      return result;
    } catch (error) {
      // The claim stays unfinished: after STALE_RUN_HOURS a process takes it over and runs again.
      process.stderr.write(`popx: daily cross-verification run failed: ${(error as Error).stack ?? error}\n`);
      this.doneDay = day;
      return null;
    }
  }
}
