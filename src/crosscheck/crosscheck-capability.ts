import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { caseRoutes } from './cases.routes.js';

/** Cross-verification (互核): rules over the registry and the cases they open, worked to closure. */
export function crosscheckCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    await caseRoutes(app, ctx);
  };
}
