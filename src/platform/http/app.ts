import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { auditRoutes } from '../audit/audit.routes.js';
import { authRoutes } from '../auth/auth.routes.js';
import { tokenRoutes } from '../auth/tokens.routes.js';
import type { AppContext } from '../context.js';
import { referenceRoutes } from '../district/divisions.routes.js';
import { AppError } from '../errors/index.js';
import { orgRoutes } from '../orgs/orgs.routes.js';
import { registerMetrics } from '../system/metrics.js';
import { systemRoutes, VERSION } from '../system/system.routes.js';
import { userRoutes } from '../users/users.routes.js';
import { registerAccessGate } from './access-gate.js';
import { registerErrorHandler } from './error-handler.js';
import { registerValidators } from './validator.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface AppOptions {
  logger?: boolean | { level: string };
  /** Called for every route as it is registered (tests list the routes with it). */
  onRoute?: (route: { method: string | string[]; url: string; access?: unknown }) => void;
  /** Extra route plugins of later capabilities. */
  capabilities?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void>>;
}

/** Builds the HTTP server: security headers, the access gate, every route, the web app. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
  });

  registerErrorHandler(app);
  registerValidators(app);
  if (options.onRoute) {
    const listener = options.onRoute;
    app.addHook('onRoute', (route) => listener({ method: route.method, url: route.url, access: route.config?.access }));
  }
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.config.cookieSecure ? undefined : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', { details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'PopX — 区人口信息交换平台 API',
        version: VERSION,
        description: 'District population information exchange platform. Errors: {"error":{"code","message","messageZh","details"}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'popx_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const registry = registerMetrics(app);
  registerAccessGate(app, ctx);

  await systemRoutes(app, ctx, registry);
  await authRoutes(app, ctx);
  await referenceRoutes(app, ctx);
  await orgRoutes(app, ctx);
  await userRoutes(app, ctx);
  await tokenRoutes(app, ctx);
  await auditRoutes(app, ctx);
  for (const capability of options.capabilities ?? []) await capability(app, ctx);

  app.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  await serveWebApp(app, ctx.config.webRoot);
  return app;
}

/** Serves the built React app with an SPA fallback; /api and non-GET misses answer JSON 404. */
async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = path.join(webRoot, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    app.get('/assets/*', { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) =>
      reply.sendFile(`assets/${(request.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url);
    if (isPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').type('text/html').send(fs.createReadStream(indexFile));
    }
    const error = new AppError('NOT_FOUND', {
      message: `no route ${request.method} ${url}`,
      messageZh: `接口不存在：${request.method} ${url}`,
    });
    return reply.status(404).send(error.toBody());
  });
}
