import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../platform/audit/actor.js';
import type { AppContext } from '../platform/context.js';
import { catalogRoutes } from './catalog.routes.js';
import { IngestQueue } from './ingest/ingest-queue.js';
import { submissionFilePath } from './ingest/receive-submission.js';
import { submissionRoutes } from './submissions.routes.js';
import { templateRoutes } from './templates/templates.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    ingestQueue: IngestQueue;
  }
}

/** The exchange capability's routes and its ingestion queue (decorated on the app as `ingestQueue`). */
export function exchangeCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    const queue = new IngestQueue(ctx);
    app.decorate('ingestQueue', queue);
    await catalogRoutes(app, ctx);
    await templateRoutes(app, ctx);
    await submissionRoutes(app, ctx, queue);
    await resumeInterrupted(ctx, queue);
  };
}

/**
 * Submissions left `processing` by a stopped or killed server: nothing of them reached the
 * ledger (their transaction never committed), so they are processed again from the stored file.
 */
async function resumeInterrupted(ctx: AppContext, queue: IngestQueue): Promise<void> {
  const rows = await ctx.db.kysely
    .selectFrom('submissions as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select(['s.id', 's.type', 's.filename', 's.mode', 's.submitted_by', 'o.id as org_id', 'o.code as org_code', 'o.type as org_type'])
    .where('s.status', '=', 'processing')
    .orderBy('s.received_at')
    .execute();
  for (const row of rows) {
    const file = submissionFilePath(ctx.config.dataDir, row.id);
    if (!fs.existsSync(file)) {
      await ctx.db.kysely
        .updateTable('submissions')
        .set({ status: 'failed', finished_at: new Date().toISOString(), file_problem: JSON.stringify({ code: 'INTERRUPTED', message: 'Processing was interrupted and the file is gone; submit it again.', messageZh: '处理被中断且文件已丢失，请重新报送。' }) })
        .where('id', '=', row.id)
        .execute();
      continue;
    }
    queue.enqueue({
      submissionId: row.id,
      org: { id: row.org_id, code: row.org_code, type: row.org_type },
      type: row.type,
      filePath: file,
      filename: row.filename,
      mode: row.mode as 'accept_valid' | 'reject_all',
      actor: { ...SYSTEM_ACTOR, name: 'popx:resume' },
    });
  }
}
