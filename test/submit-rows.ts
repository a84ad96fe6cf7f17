import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ingestSubmission } from '../src/exchange/ingest/ingest-submission.js';
import { receiveSubmission } from '../src/exchange/ingest/receive-submission.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/actor.js';
import type { AppContext } from '../src/platform/context.js';
import type { ManifestEntry } from '../src/gen/output.js';

/** Submits rows (objects keyed by catalog field) as `orgCode` through the whole ingestion pipeline; returns the submission's counts. */
export async function submitRows(ctx: AppContext, orgCode: string, type: string, rows: ReadonlyArray<Record<string, string | number>>) {
  const body = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const id = await submitBody(ctx, orgCode, type, 'api', `${type}.ndjson`, Readable.from([Buffer.from(body)]));
  const row = await ctx.db.kysely.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id, status: row.status, accepted: row.accepted, rejected: row.rejected };
}

/**
 * Submits every file of a `popx gen` directory in manifest order, each as its organisation, through
 * the whole ingestion pipeline (as `popx import DIR` does); `afterEach` runs after each file.
 */
export async function submitGeneratedDistrict(ctx: AppContext, dir: string, afterEach?: (submissionId: string, entry: ManifestEntry) => Promise<void>): Promise<ManifestEntry[]> {
  const manifest = (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] }).files;
  for (const entry of manifest) {
    const id = await submitBody(ctx, entry.org, entry.type, 'cli', path.basename(entry.file), fs.createReadStream(path.join(dir, entry.file)));
    await afterEach?.(id, entry);
  }
  return manifest;
}

/** Receives a body as `orgCode` (accept the valid rows) and ingests it to the end; the submission id. */
async function submitBody(ctx: AppContext, orgCode: string, type: string, channel: 'api' | 'cli', filename: string, body: Readable): Promise<string> {
  const org = await ctx.db.kysely.selectFrom('orgs').select(['id', 'code', 'type']).where('code', '=', orgCode).executeTakeFirstOrThrow();
  const { id, job } = await receiveSubmission(ctx, {
    org,
    type,
    channel,
    filename,
    body,
    idempotencyKey: null,
    mode: 'accept_valid',
    actor: SYSTEM_ACTOR,
    submittedBy: null,
    limitBytes: 1e9,
  });
  if (job) await ingestSubmission(ctx, job);
  return id;
}
