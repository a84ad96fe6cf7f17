import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { principalOf } from '../../platform/http/access-gate.js';
import { PagingQuery } from '../../platform/http/schemas.js';
import { findAgreement } from '../agreements/agreements.repository.js';
import { agreementReadableBy, seesAllAgreements } from '../agreements/agreements.service.js';
import { generateWebhookSecret } from './webhook-signature.js';
import { checkWebhookTarget } from './webhook-target.js';
import { attemptsOf, deliveriesOf, findDelivery, findEndpoint, findEndpoints, toDeliveryView, toEndpointView, type WebhookEndpointRow } from './webhooks.repository.js';

/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
const ROTATION_OVERLAP_HOURS = 24;

/** Webhook endpoints of a department, their deliveries and attempts; the bureau sees all and may allow private targets. */
export async function webhookRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const access = { permission: 'webhook.manage' } as const;
  const ownEndpoint = async (principal: Principal, id: string): Promise<WebhookEndpointRow> => {
    const endpoint = await findEndpoint(ctx.db.kysely, id);
    if (!endpoint || (endpoint.org_code !== principal.org.code && !seesAllAgreements(principal))) throw new AppError('NOT_FOUND', { details: { webhook: id } });
    return endpoint;
  };

  app.get('/api/v1/webhooks', { config: { access }, schema: { tags: ['sharing'], summary: 'Webhook endpoints (own organisation; the bureau sees all)', querystring: Type.Object({ ...PagingQuery }) } }, async (request) => {
    const principal = principalOf(request);
    const { page, pageSize } = request.query as { page: number; pageSize: number };
    const { items, total } = await findEndpoints(ctx.db.kysely, seesAllAgreements(principal) ? undefined : principal.org.code, (page - 1) * pageSize, pageSize);
    return { items: items.map(toEndpointView), total };
  });

  app.post(
    '/api/v1/webhooks',
    {
      config: { access },
      schema: {
        tags: ['sharing'],
        summary: 'Register a URL to be told when new events are available to an agreement; answers the signing secret once',
        body: Type.Object(
          { agreementId: Type.String({ maxLength: 64 }), url: Type.String({ maxLength: 500 }), allowPrivate: Type.Optional(Type.Boolean({ description: 'bureau only: allow a private or loopback target' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const body = request.body as { agreementId: string; url: string; allowPrivate?: boolean };
      const bureau = seesAllAgreements(principal);
      if (body.allowPrivate && !bureau) throw new AppError('FORBIDDEN', { details: { field: 'allowPrivate' } });
      // The bureau may register an endpoint for any department's agreement (e.g. an internal one).
      const owner = bureau ? ((await findAgreement(ctx.db.kysely, body.agreementId))?.orgCode ?? principal.org.code) : principal.org.code;
      const readable = await agreementReadableBy(ctx, owner, body.agreementId);
      await checkWebhookTarget(body.url, body.allowPrivate === true);
      const now = new Date().toISOString();
      const secret = generateWebhookSecret();
      const row: WebhookEndpointRow = {
        id: `wh_${randomBytes(8).toString('hex')}`,
        org_id: readable.agreement.orgId,
        org_code: readable.agreement.orgCode,
        agreement_id: readable.agreement.id,
        url: body.url,
        secret,
        previous_secret: null,
        previous_secret_until: null,
        allow_private: body.allowPrivate ? 1 : 0,
        active: 1,
        disabled_reason: null,
        notified_seq: 0,
        created_by: principal.name,
        created_at: now,
        updated_at: now,
      };
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('webhook_endpoints').values(row).execute();
        await appendAudit(trx, { actor: actorOf(principal), action: 'webhook.create', targetType: 'webhook', targetIds: [row.id], ip: request.ip, details: { agreement: row.agreement_id, url: row.url } });
      });
      return reply.status(201).send({ ...toEndpointView(row), secret });
    },
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      config: { access },
      schema: {
        tags: ['sharing'],
        summary: 'Change the URL, switch an endpoint on or off; the bureau may allow a private or loopback target',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ url: Type.Optional(Type.String({ maxLength: 500 })), active: Type.Optional(Type.Boolean()), allowPrivate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const body = request.body as { url?: string; active?: boolean; allowPrivate?: boolean };
      const endpoint = await ownEndpoint(principal, id);
      if (body.allowPrivate !== undefined && !seesAllAgreements(principal)) throw new AppError('FORBIDDEN', { details: { field: 'allowPrivate' } });
      const allowPrivate = body.allowPrivate ?? endpoint.allow_private === 1;
      if (body.url !== undefined) await checkWebhookTarget(body.url, allowPrivate);
      const now = new Date().toISOString();
      const changes: Partial<WebhookEndpointRow> = { updated_at: now, allow_private: allowPrivate ? 1 : 0 };
      if (body.url !== undefined) changes.url = body.url;
      if (body.active !== undefined) {
        changes.active = body.active ? 1 : 0;
        changes.disabled_reason = body.active ? null : `switched off by ${principal.name}`;
      }
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('webhook_endpoints').set(changes).where('id', '=', id).execute();
        await appendAudit(trx, { actor: actorOf(principal), action: 'webhook.update', targetType: 'webhook', targetIds: [id], ip: request.ip, details: { url: body.url, active: body.active, allowPrivate: body.allowPrivate } });
      });
      return toEndpointView({ ...endpoint, ...changes });
    },
  );

  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    { config: { access }, schema: { tags: ['sharing'], summary: `A new signing secret, answered once; the old one keeps signing too for ${ROTATION_OVERLAP_HOURS} h`, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const endpoint = await ownEndpoint(principal, id);
      const secret = generateWebhookSecret();
      const now = new Date();
      const until = new Date(now.getTime() + ROTATION_OVERLAP_HOURS * 3600_000).toISOString();
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('webhook_endpoints').set({ secret, previous_secret: endpoint.secret, previous_secret_until: until, updated_at: now.toISOString() }).where('id', '=', id).execute();
        await appendAudit(trx, { actor: actorOf(principal), action: 'webhook.rotate_secret', targetType: 'webhook', targetIds: [id], ip: request.ip });
      });
      return { id, secret, previousSecretValidUntil: until };
    },
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    { config: { access }, schema: { tags: ['sharing'], summary: 'Deliveries to an endpoint, newest first', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ ...PagingQuery }) } },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const { page, pageSize } = request.query as { page: number; pageSize: number };
      await ownEndpoint(principal, id);
      const { items, total } = await deliveriesOf(ctx.db.kysely, id, (page - 1) * pageSize, pageSize);
      return { items: items.map(toDeliveryView), total };
    },
  );

  app.get(
    '/api/v1/webhook-deliveries/:id/attempts',
    { config: { access }, schema: { tags: ['sharing'], summary: 'Every attempt of a delivery: time, HTTP status or error, duration', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const delivery = await findDelivery(ctx.db.kysely, id);
      if (!delivery) throw new AppError('NOT_FOUND', { details: { delivery: id } });
      await ownEndpoint(principal, delivery.endpoint_id);
      const rows = await attemptsOf(ctx.db.kysely, id);
      return { items: rows.map((r) => ({ attempt: Number(r.attempt), at: r.at, statusCode: r.status_code === null ? null : Number(r.status_code), error: r.error, durationMs: Number(r.duration_ms) })) };
    },
  );

  app.post(
    '/api/v1/webhook-deliveries/:id/redeliver',
    { config: { access }, schema: { tags: ['sharing'], summary: 'Send a delivery again now (one more attempt)', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const delivery = await findDelivery(ctx.db.kysely, id);
      if (!delivery) throw new AppError('NOT_FOUND', { details: { delivery: id } });
      await ownEndpoint(principal, delivery.endpoint_id);
      const now = new Date().toISOString();
      await ctx.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('webhook_deliveries').set({ status: 'pending', next_attempt_at: now, finished_at: null }).where('id', '=', id).execute();
        await appendAudit(trx, { actor: actorOf(principal), action: 'webhook.redeliver', targetType: 'webhook_delivery', targetIds: [id], ip: request.ip });
      });
      if (app.hasDecorator('webhookDispatcher')) void app.webhookDispatcher.runOnce().catch(() => undefined);
      return reply.status(202).send({ id, status: 'pending' });
    },
  );
}
