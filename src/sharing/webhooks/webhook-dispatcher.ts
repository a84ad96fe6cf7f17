import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { agreementReadableBy } from '../agreements/agreements.service.js';
import { FeedReader } from '../feeds/feed-reader.js';
import { signatureHeader } from './webhook-signature.js';
import { checkWebhookTarget } from './webhook-target.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhooks.repository.js';

/**
 * Waits after the 1st, 2nd, … failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 20 h,
 * 24 h — ten attempts over about three days (71.6 h), then the delivery is marked failed.
 */
export const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000, 72_000, 86_400] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_THROTTLE_SECONDS = 86_400;
const DUE_BATCH = 50;

export interface DispatcherOptions {
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Tells departments that new events are available to their agreements (they then pull the feed,
 * so every read of personal data stays a logged pull), and delivers those notices: signed per
 * Standard Webhooks, retried with backoff for about three days, stopped on 410, throttled on 429,
 * every attempt logged. One pending notice per endpoint: later events raise its `upto_seq`.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(
    private readonly ctx: AppContext,
    options: DispatcherOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /** Notices new events, then delivers what is due; runs never overlap. */
  runOnce(): Promise<void> {
    const next = this.running.catch(() => undefined).then(async () => {
      await this.notifyEndpoints();
      await this.deliverDue();
    });
    this.running = next;
    return next;
  }

  private async notifyEndpoints(): Promise<void> {
    const k = this.ctx.db.kysely;
    const endpoints = await k.selectFrom('webhook_endpoints').selectAll().where('active', '=', 1).execute();
    for (const endpoint of endpoints) {
      let reader: FeedReader;
      try {
        reader = new FeedReader(k, await agreementReadableBy(this.ctx, endpoint.org_code, endpoint.agreement_id));
      } catch {
        continue; // the agreement is no longer current: nothing to announce
      }
      const after = Number(endpoint.notified_seq);
      const page = await reader.page(after, 1);
      if (page.count === 0) {
        if (page.next > after) await k.updateTable('webhook_endpoints').set({ notified_seq: page.next }).where('id', '=', endpoint.id).execute();
        continue;
      }
      await this.announce(endpoint, after, page.watermark);
    }
  }

  private async announce(endpoint: WebhookEndpointRow, after: number, upto: number): Promise<void> {
    const now = this.now().toISOString();
    const notice = (from: number) =>
      JSON.stringify({
        type: 'events.available',
        timestamp: now,
        data: { agreement: endpoint.agreement_id, after: from, upto_seq: upto, feed: `/api/v1/feeds/${encodeURIComponent(endpoint.agreement_id)}?after=${from}` },
      });
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const pending = await trx.selectFrom('webhook_deliveries').select(['id', 'body']).where('endpoint_id', '=', endpoint.id).where('status', '=', 'pending').executeTakeFirst();
      if (pending) {
        // Still undelivered: the notice now covers the newer events too (same id, same schedule).
        const previous = JSON.parse(pending.body) as { data: { after: number } };
        await trx.updateTable('webhook_deliveries').set({ upto_seq: upto, body: notice(previous.data.after) }).where('id', '=', pending.id).execute();
      } else {
        await trx
          .insertInto('webhook_deliveries')
          .values({ id: `msg_${randomBytes(12).toString('hex')}`, endpoint_id: endpoint.id, upto_seq: upto, body: notice(after), status: 'pending', attempts: 0, next_attempt_at: now, last_status_code: null, last_error: null, created_at: now, finished_at: null })
          .execute();
      }
      await trx.updateTable('webhook_endpoints').set({ notified_seq: upto, updated_at: now }).where('id', '=', endpoint.id).execute();
    });
  }

  private async deliverDue(): Promise<void> {
    const k = this.ctx.db.kysely;
    const due = await k
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .selectAll('d')
      .where('d.status', '=', 'pending')
      .where('e.active', '=', 1)
      .where('d.next_attempt_at', '<=', this.now().toISOString())
      .orderBy('d.next_attempt_at')
      .limit(DUE_BATCH)
      .execute();
    for (const delivery of due) await this.attempt(delivery);
  }

  /** One attempt at a delivery, logged; updates its status and schedule. */
  async attempt(delivery: WebhookDeliveryRow): Promise<void> {
    const k = this.ctx.db.kysely;
    const endpoint = await k.selectFrom('webhook_endpoints').selectAll().where('id', '=', delivery.endpoint_id).executeTakeFirstOrThrow();
    const started = this.now();
    const attempt = Number(delivery.attempts) + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    let retryAfter: number | null = null;
    const begun = performance.now();
    try {
      const url = await checkWebhookTarget(endpoint.url, endpoint.allow_private === 1);
      const timestamp = Math.floor(started.getTime() / 1000);
      const secrets = [endpoint.secret];
      if (endpoint.previous_secret && endpoint.previous_secret_until && endpoint.previous_secret_until > started.toISOString()) secrets.push(endpoint.previous_secret);
      const response = await this.fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'PopX-Webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(secrets, delivery.id, timestamp, delivery.body),
        },
        body: delivery.body,
      });
      statusCode = response.status;
      retryAfter = parseRetryAfter(response.headers.get('retry-after'), started);
      await response.body?.cancel().catch(() => undefined);
    } catch (caught) {
      error = caught instanceof Error ? (caught.name === 'TimeoutError' ? 'timed out' : caught.message).slice(0, 300) : 'failed';
    }
    const durationMs = Math.round(performance.now() - begun);
    const at = started.toISOString();
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const gone = statusCode === 410;
    let status: WebhookDeliveryRow['status'] = 'pending';
    let nextAt: string | null = null;
    if (ok) status = 'delivered';
    else if (gone) status = 'gone';
    else if (statusCode === 429 && attempt < MAX_ATTEMPTS) nextAt = isoAfter(started, Math.min(Math.max(retryAfter ?? 0, RETRY_DELAYS_SECONDS[attempt - 1]!), MAX_THROTTLE_SECONDS));
    else if (attempt >= MAX_ATTEMPTS) status = 'failed';
    else nextAt = isoAfter(started, RETRY_DELAYS_SECONDS[attempt - 1]!);
    if (statusCode !== null && !ok && !error) error = `HTTP ${statusCode}`;
    await k.transaction().execute(async (trx) => {
      await trx.insertInto('webhook_attempts').values({ delivery_id: delivery.id, attempt, at, status_code: statusCode, error, duration_ms: durationMs }).execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({ status, attempts: attempt, next_attempt_at: nextAt, last_status_code: statusCode, last_error: error, finished_at: status === 'pending' ? null : at })
        .where('id', '=', delivery.id)
        .execute();
      if (gone) {
        await trx.updateTable('webhook_endpoints').set({ active: 0, disabled_reason: `410 Gone (${at})`, updated_at: at }).where('id', '=', endpoint.id).execute();
      }
    });
  }
}

function isoAfter(from: Date, seconds: number): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}

/** Retry-After as seconds from now (a number of seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
