import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-log.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { getEventType } from '../catalog/index.js';
import type { IngestJob } from './ingest-submission.js';
import { findSubmissionByKey, insertSubmission, type SubmissionMode } from './submissions.repository.js';

export interface ReceiveInput {
  org: { id: string; code: string; type: string };
  type: string;
  channel: 'upload' | 'api' | 'cli';
  filename: string | null;
  body: Readable;
  idempotencyKey: string | null;
  mode: SubmissionMode;
  actor: AuditActor;
  submittedBy: string | null;
  limitBytes: number;
}

/** Where a submission's original file is kept. */
export function submissionFilePath(dataDir: string, id: string): string {
  return path.join(dataDir, 'submissions', id.slice(0, 2), `${id}.upload`);
}

/**
 * Stores an incoming file (streamed to disk with its SHA-256, never held in memory), records
 * the submission as `processing` and returns the job to queue. With an idempotency key the
 * organisation has used before, returns the earlier submission's id instead (nothing is stored twice).
 */
export async function receiveSubmission(ctx: AppContext, input: ReceiveInput): Promise<{ id: string; job: IngestJob | null }> {
  if (!getEventType(input.type)) {
    input.body.resume();
    throw new AppError('VALIDATION_FAILED', {
      message: `unknown event type "${input.type}"`,
      messageZh: `事件类型“${input.type}”不存在`,
      details: { field: 'type' },
    });
  }
  if (input.idempotencyKey) {
    const earlier = await findSubmissionByKey(ctx.db.kysely, input.org.id, input.idempotencyKey);
    if (earlier) {
      // A retry sends the same bytes; the same key with other bytes is a client mistake.
      const hash = createHash('sha256');
      for await (const chunk of input.body) hash.update(chunk as Buffer);
      if (earlier.file_sha256 && hash.digest('hex') !== earlier.file_sha256) {
        throw new AppError('IDEMPOTENCY_CONFLICT', { details: { submission: earlier.id } });
      }
      return { id: earlier.id, job: null };
    }
  }
  const id = randomUUID();
  const file = submissionFilePath(ctx.config.dataDir, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > input.limitBytes) {
        callback(new AppError('PAYLOAD_TOO_LARGE', { details: { limitBytes: input.limitBytes } }));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(input.body, meter, fs.createWriteStream(file));
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (bytes === 0) {
    fs.rmSync(file, { force: true });
    throw new AppError('VALIDATION_FAILED', { message: 'the submitted file is empty', messageZh: '提交的文件为空', details: { field: 'file' } });
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertSubmission(trx, {
      id,
      org_id: input.org.id,
      org_code: input.org.code,
      type: input.type,
      channel: input.channel,
      filename: input.filename?.slice(0, 200) ?? null,
      format: null,
      encoding: null,
      file_sha256: hash.digest('hex'),
      bytes,
      idempotency_key: input.idempotencyKey,
      mode: input.mode,
      status: 'processing',
      submitted_by: input.submittedBy,
      received_at: new Date().toISOString(),
      finished_at: null,
      received: 0,
      accepted: 0,
      duplicate: 0,
      corrected: 0,
      cancelled: 0,
      rejected: 0,
      warnings: 0,
      ledger_from: null,
      ledger_to: null,
      head_hash: null,
      file_problem: null,
    });
    await appendAudit(trx, {
      actor: input.actor,
      action: 'submission.receive',
      targetType: 'submission',
      targetIds: [id],
      details: { org: input.org.code, type: input.type, channel: input.channel, filename: input.filename, bytes },
    });
  });
  return {
    id,
    job: { submissionId: id, org: input.org, type: input.type, filePath: file, filename: input.filename, mode: input.mode, actor: input.actor },
  };
}
