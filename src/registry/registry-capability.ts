import type { FastifyInstance } from 'fastify';
import type { Principal } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { personRoutes } from './persons.routes.js';
import { RegistryProjector } from './registry-projector.js';
import { reviewRoutes } from './reviews.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    registryProjector: RegistryProjector;
    /** Set by the sharing capability: a department's person query under its agreements. */
    sharedPersonLookup: (principal: Principal, query: { idNumber?: string; name?: string; agreement?: string; purpose?: string }, ip: string) => Promise<unknown>;
  }
}

/**
 * The registry capability: person search and pages, the link review queue, and the projector
 * that brings the registry up to date after every submission (and once at start-up).
 */
export function registryCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    const projector = new RegistryProjector(ctx);
    app.decorate('registryProjector', projector);
    await personRoutes(app, ctx);
    await reviewRoutes(app, ctx, projector.districtCode);
    if (ctx.config.registryAutoProject) {
      if (app.hasDecorator('ingestQueue')) app.ingestQueue.onFinished(() => projector.schedule());
      app.addHook('onReady', async () => projector.schedule());
    }
    app.addHook('onClose', async () => projector.whenIdle());
  };
}
