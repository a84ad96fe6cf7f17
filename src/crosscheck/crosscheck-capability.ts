import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { caseRoutes } from './cases.routes.js';
import { qualityRoutes } from './quality.routes.js';
import { CrosscheckScheduler } from './run/crosscheck-scheduler.js';
import { crosscheckFollower } from './run/evaluate-persons.js';

/**
 * Cross-verification (互核): rules over the registry and the cases they open, worked to closure.
 * Rules follow each projection chunk for the persons it changed (POPX_CROSSCHECK_INCREMENTAL) and
 * run in full once a day (POPX_CROSSCHECK_AT).
 */
export function crosscheckCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    await caseRoutes(app, ctx);
    await qualityRoutes(app, ctx);
    if (ctx.config.crosscheckIncremental && app.hasDecorator('registryProjector')) {
      app.registryProjector.setFollower(crosscheckFollower(ctx));
    }
    if (ctx.config.crosscheckAt) {
      const scheduler = new CrosscheckScheduler(ctx, ctx.config.crosscheckAt);
      app.addHook('onReady', async () => scheduler.start());
      app.addHook('onClose', async () => scheduler.stop());
    }
  };
}
