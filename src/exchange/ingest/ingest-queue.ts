import type { AppContext } from '../../platform/context.js';
import { ingestSubmission, type IngestJob, type IngestProgress } from './ingest-submission.js';

/**
 * Runs submissions one after another in the server process (appends to the ledger are
 * serialised by its chain head anyway) and keeps their live progress for the status route.
 */
export class IngestQueue {
  private readonly queue: IngestJob[] = [];
  private readonly progress = new Map<string, IngestProgress & { position?: number }>();
  private running: Promise<void> | null = null;
  private idle: Array<() => void> = [];
  private readonly finishedListeners: Array<() => void> = [];

  constructor(private readonly ctx: AppContext) {}

  enqueue(job: IngestJob): void {
    this.queue.push(job);
    this.progress.set(job.submissionId, { phase: 'validating', rows: 0 });
    this.running ??= this.drain();
  }

  /** Live progress of a queued or running submission (undefined once finished). */
  progressOf(id: string): (IngestProgress & { queuePosition: number }) | undefined {
    const progress = this.progress.get(id);
    if (!progress) return undefined;
    const position = this.queue.findIndex((job) => job.submissionId === id);
    return { ...progress, queuePosition: position < 0 ? 0 : position };
  }

  /** Calls `listener` after each submission has finished (the registry catches up then). */
  onFinished(listener: () => void): void {
    this.finishedListeners.push(listener);
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const job = this.queue[0]!;
      try {
        await ingestSubmission(this.ctx, job, (p) => this.progress.set(job.submissionId, p));
      } catch (error) {
        await this.markFailed(job, error as Error);
      } finally {
        this.queue.shift();
        this.progress.delete(job.submissionId);
        for (const listener of this.finishedListeners) listener();
      }
    }
    this.running = null;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async markFailed(job: IngestJob, error: Error): Promise<void> {
    // A bug, not a verdict on the file: keep the file and say so; nothing reached the ledger.
    process.stderr.write(`popx: submission ${job.submissionId} failed: ${error.stack ?? error.message}\n`);
    await this.ctx.db.kysely
      .updateTable('submissions')
      .set({
        status: 'failed',
        finished_at: new Date().toISOString(),
        file_problem: JSON.stringify({ code: 'INTERNAL', message: 'Processing failed; the bureau has been notified.', messageZh: '处理失败，已通知人口计生局。' }),
      })
      .where('id', '=', job.submissionId)
      .execute()
      .catch(() => {});
  }
}
