import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { principalOf } from '../http/access-gate.js';
import { changePassword, login, logout } from './auth.service.js';
import type { Principal } from './principal.js';
import { SESSION_COOKIE } from './sessions.js';
import { AppError } from '../errors/index.js';

const UserSummary = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  mustChangePassword: Type.Boolean(),
  org: Type.Object({
    code: Type.String(),
    name: Type.String(),
    type: Type.String(),
    divisions: Type.Array(Type.String(), { description: 'division codes the organisation serves' }),
  }),
});

const SessionBody = Type.Object({
  user: UserSummary,
  csrfToken: Type.String(),
  permissions: Type.Array(Type.String()),
  jurisdiction: Type.Object({ districtWide: Type.Boolean(), divisions: Type.Integer() }),
});

function sessionBody(principal: Principal) {
  return {
    user: {
      id: principal.id,
      username: principal.name,
      displayName: principal.displayName,
      role: principal.role,
      mustChangePassword: principal.mustChangePassword,
      org: {
        code: principal.org.code,
        name: principal.org.name,
        type: principal.org.type,
        divisions: [...principal.orgDivisions],
      },
    },
    csrfToken: principal.csrfToken ?? '',
    permissions: [...principal.permissions].sort(),
    jurisdiction: { districtWide: principal.districtWide, divisions: principal.jurisdiction.size },
  };
}

/** Sign-in, sign-out, who-am-I and password change. */
export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const setCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.cookieSecure,
      maxAge: maxAgeSeconds,
    });

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: { public: true },
        // Per address and username, so one office behind NAT is not locked out by a colleague.
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: { 200: SessionBody },
      },
    },
    async (request, reply) => {
      const body = request.body as { username: string; password: string };
      const result = await login(ctx, {
        username: body.username.trim(),
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setCookie(reply, result.cookieValue, ctx.config.sessionAbsoluteHours * 3600);
      return sessionBody(result.principal);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: { authenticated: true } }, schema: { tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      await logout(ctx, principalOf(request), request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'The signed-in caller, its permissions and CSRF token', response: { 200: SessionBody } },
    },
    async (request) => sessionBody(principalOf(request)),
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: { authenticated: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
          newPassword: Type.String({ minLength: 1, maxLength: 256 }),
        }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new AppError('FORBIDDEN', { details: { reason: 'API tokens have no password' } });
      const body = request.body as { currentPassword: string; newPassword: string };
      await changePassword(ctx, principal, { ...body, ip: request.ip });
      return reply.status(204).send();
    },
  );
}
