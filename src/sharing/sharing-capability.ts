import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { agreementRoutes } from './agreements/agreements.routes.js';
import { downloadRoutes } from './downloads/downloads.routes.js';
import { feedRoutes } from './feeds/feeds.routes.js';
import { lookupSharedPersons } from './persons/shared-person-lookup.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    webhookDispatcher: WebhookDispatcher;
  }
}

/**
 * Data sharing: agreements, change feeds, downloads, departments' person queries and webhooks.
 * Nothing is shared without an approved, current agreement of the caller's organisation.
 */
export function sharingCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    app.decorate('sharedPersonLookup', (principal, query, ip) => lookupSharedPersons(ctx, principal, query, ip));
    await agreementRoutes(app, ctx);
    await feedRoutes(app, ctx);
    await downloadRoutes(app, ctx);
    await webhookRoutes(app, ctx);
    const dispatcher = new WebhookDispatcher(ctx);
    app.decorate('webhookDispatcher', dispatcher);
    if (ctx.config.webhookIntervalMs > 0) app.addHook('onReady', async () => dispatcher.start(ctx.config.webhookIntervalMs));
    app.addHook('onClose', async () => dispatcher.stop());
  };
}
