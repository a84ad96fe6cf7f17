import { Readable } from 'node:stream';
import { ingestSubmission } from '../src/exchange/ingest/ingest-submission.js';
import { receiveSubmission } from '../src/exchange/ingest/receive-submission.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/actor.js';
import type { AppContext } from '../src/platform/context.js';

/** Submits rows (objects keyed by catalog field) as `orgCode` through the whole ingestion pipeline; returns the submission's counts. */
export async function submitRows(ctx: AppContext, orgCode: string, type: string, rows: ReadonlyArray<Record<string, string | number>>) {
  const org = await ctx.db.kysely.selectFrom('orgs').select(['id', 'code', 'type']).where('code', '=', orgCode).executeTakeFirstOrThrow();
  const body = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const { id, job } = await receiveSubmission(ctx, {
    org,
    type,
    channel: 'api',
    filename: `${type}.ndjson`,
    body: Readable.from([Buffer.from(body)]),
    idempotencyKey: null,
    mode: 'accept_valid',
    actor: SYSTEM_ACTOR,
    submittedBy: null,
    limitBytes: 1e9,
  });
  if (job) await ingestSubmission(ctx, job);
  const row = await ctx.db.kysely.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id, status: row.status, accepted: row.accepted, rejected: row.rejected };
}
