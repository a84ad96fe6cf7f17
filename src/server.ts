import type { FastifyInstance } from 'fastify';
import { analysisCapability } from './analysis/index.js';
import { crosscheckCapability } from './crosscheck/index.js';
import { exchangeCapability } from './exchange/exchange-capability.js';
import type { AppContext } from './platform/context.js';
import { buildApp, type AppOptions } from './platform/http/app.js';
import { registryCapability } from './registry/registry-capability.js';
import { sharingCapability } from './sharing/sharing-capability.js';

/** The whole server: the platform with every capability mounted (the composition root). */
export function buildServer(ctx: AppContext, options: Omit<AppOptions, 'capabilities'> = {}): Promise<FastifyInstance> {
  return buildApp(ctx, { ...options, capabilities: [exchangeCapability(), registryCapability(), sharingCapability(), crosscheckCapability(), analysisCapability()] });
}
