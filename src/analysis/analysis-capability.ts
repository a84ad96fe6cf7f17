import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { statsRoutes } from './stats.routes.js';

/** Analysis (综合分析): demographic and exchange indicators by period and area. */
export function analysisCapability() {
  return async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
    await statsRoutes(app, ctx);
  };
}
