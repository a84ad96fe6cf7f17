import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { actorOf } from '../audit/actor.js';
import { principalFromSession, principalFromToken } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import type { Permission } from '../auth/roles.js';
import { secretsEqual } from '../auth/secrets.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';

/**
 * How a route may be reached. Every /api route must declare one (the server refuses to start
 * otherwise): `public`, `authenticated` (any signed-in caller, including one who must change
 * the password first), a permission from the roles table, or any one of several (a route that
 * serves two kinds of caller, such as the registry's own staff and departments reading under an
 * agreement, and answers each by its own rules).
 */
export type RouteAccess = { public: true } | { authenticated: true } | { permission: Permission } | { anyPermission: readonly Permission[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the one access gate in front of every route. Deny by default. */
export function registerAccessGate(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      // Unmatched /api URLs fall through to the 404 handler; other unlisted routes are the
      // web app's static files and documentation.
      return;
    }
    if ('public' in access) return;
    const principal = await authenticate(ctx, request);
    request.principal = principal;
    const required = 'permission' in access ? [access.permission] : 'anyPermission' in access ? access.anyPermission : [];
    if (required.length > 0 && !required.some((permission) => principal.permissions.has(permission))) {
      await recordAudit(ctx.db, {
        actor: actorOf(principal),
        action: 'access.denied',
        result: 'denied',
        ip: request.ip,
        details: { method: request.method, route: request.routeOptions.url ?? request.url, permission: required.join('|') },
      });
      throw new AppError('FORBIDDEN', {
        details: principal.mustChangePassword
          ? { reason: 'password change required', permission: required.join('|') }
          : { permission: required.join('|') },
      });
    }
  });
}

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match ? await principalFromToken(ctx, match[1]!, request.ip) : undefined;
    if (!principal) throw new AppError('TOKEN_INVALID');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) throw new AppError('UNAUTHENTICATED');
  const principal = await principalFromSession(ctx, cookie);
  if (principal === 'expired') throw new AppError('SESSION_EXPIRED');
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !principal.csrfToken || !secretsEqual(header, principal.csrfToken)) {
      throw new AppError('CSRF_FAILED');
    }
  }
  return principal;
}

/** The principal of a request behind a non-public route (the gate guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}
