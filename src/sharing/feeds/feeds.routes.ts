import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import { principalOf } from '../../platform/http/access-gate.js';
import { readableAgreement, type ReadableAgreement } from '../agreements/agreements.service.js';
import { FEED_PAGE_MAX, FeedReader, type FeedPage } from './feed-reader.js';

/** Most events one streamed NDJSON response carries. */
const NDJSON_MAX = 1_000_000;
const LONG_POLL_STEP_MS = 200;

const FeedQuery = Type.Object({
  after: Type.Integer({ minimum: 0, default: 0, description: 'the `next` of the previous page (0 for the start)' }),
  limit: Type.Integer({ minimum: 1, maximum: NDJSON_MAX, default: 1000, description: `events per page (JSON at most ${FEED_PAGE_MAX}; NDJSON at most ${NDJSON_MAX})` }),
  wait: Type.Integer({ minimum: 0, maximum: 60, default: 0, description: 'long poll: seconds to wait for new events when there are none' }),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('ndjson')])),
});

interface FeedQueryValue {
  after: number;
  limit: number;
  wait: number;
  format?: 'json' | 'ndjson';
}

/**
 * `GET /api/v1/feeds/{agreement}`: the agreement's events after a cursor, in ledger sequence
 * order, cut to its fields and area; as a JSON page with the next cursor, or streamed NDJSON
 * ending with a cursor line. Every read is audited with the agreement's purpose.
 */
export async function feedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/feeds/:agreement',
    {
      config: { access: { permission: 'shared.read' } },
      schema: {
        tags: ['sharing'],
        summary: 'The next events of a sharing agreement, in sequence order (JSON page or streamed NDJSON; long poll with wait)',
        params: Type.Object({ agreement: Type.String({ maxLength: 64 }) }),
        querystring: FeedQuery,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { agreement: id } = request.params as { agreement: string };
      const query = request.query as FeedQueryValue;
      const readable = await readableAgreement(ctx, principal, id);
      const reader = new FeedReader(ctx.db.kysely, readable);
      const ndjson = query.format === 'ndjson' || (query.format === undefined && (request.headers.accept ?? '').includes('application/x-ndjson'));
      if (!ndjson) {
        const page = await waitForPage(request, reader, query.after, Math.min(query.limit, FEED_PAGE_MAX), query.wait);
        await auditRead(ctx, principal, readable, request, query.after, page.next, page.count);
        reply.type('application/json; charset=utf-8');
        // Items hold no raw line breaks (JSON escapes them): the NDJSON text becomes the array by replacing them.
        return `{"agreement":${JSON.stringify(id)},"items":[${page.ndjson.toString('utf8', 0, Math.max(0, page.ndjson.length - 1)).replaceAll('\n', ',')}],"next":${page.next},"watermark":${page.watermark},"hasMore":${page.next < page.watermark}}`;
      }
      reply.type('application/x-ndjson; charset=utf-8');
      return reply.send(Readable.from(streamFeed(ctx, principal, readable, reader, request, query)));
    },
  );
}

async function* streamFeed(ctx: AppContext, principal: Principal, readable: ReadableAgreement, reader: FeedReader, request: FastifyRequest, query: FeedQueryValue): AsyncGenerator<Buffer | string> {
  let cursor = query.after;
  let sent = 0;
  let watermark = cursor;
  try {
    let page = await waitForPage(request, reader, cursor, Math.min(query.limit, FEED_PAGE_MAX), query.wait);
    for (;;) {
      if (page.count > 0) yield page.ndjson;
      sent += page.count;
      cursor = page.next;
      watermark = page.watermark;
      if (sent >= query.limit || cursor >= watermark || request.raw.destroyed) break;
      page = await reader.page(cursor, Math.min(query.limit - sent, FEED_PAGE_MAX));
    }
    yield `{"next":${cursor},"watermark":${watermark}}\n`;
  } finally {
    await auditRead(ctx, principal, readable, request, query.after, cursor, sent);
  }
}

/** A page, waiting up to `waitSeconds` for one with events when there are none yet. */
async function waitForPage(request: FastifyRequest, reader: FeedReader, after: number, limit: number, waitSeconds: number): Promise<FeedPage> {
  const deadline = Date.now() + waitSeconds * 1000;
  let page = await reader.page(after, limit);
  while (page.count === 0 && Date.now() < deadline && !request.raw.destroyed) {
    await sleep(LONG_POLL_STEP_MS);
    page = await reader.page(page.next, limit);
  }
  return page;
}

async function auditRead(ctx: AppContext, principal: Principal, readable: ReadableAgreement, request: FastifyRequest, after: number, next: number, count: number): Promise<void> {
  await recordAudit(ctx.db, {
    actor: actorOf(principal),
    action: 'feed.read',
    targetType: 'agreement',
    targetIds: [readable.agreement.id],
    purpose: readable.agreement.purpose,
    ip: request.ip,
    details: { after, next, events: count },
  });
}
