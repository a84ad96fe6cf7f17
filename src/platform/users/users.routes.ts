import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { USER_ROLES } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { principalOf } from '../http/access-gate.js';
import { Nullable, PageOf, PagingQuery } from '../http/schemas.js';
import { ORG_CODE_PATTERN } from '../orgs/org-types.js';
import { createUser, listUsers, resetUserPassword, updateUser, USERNAME_PATTERN, type UserPatch } from './users.service.js';

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  orgCode: Type.String(),
  orgName: Type.String(),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
});

const UserRole = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** User accounts: list, create, change, reset password. */
export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/users',
    {
      config: { access: { permission: 'user.read' } },
      schema: {
        tags: ['users'],
        summary: 'User accounts, filtered and paged',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          role: Type.Optional(Type.String({ maxLength: 32 })),
          org: Type.Optional(Type.String({ maxLength: 32 })),
          ...PagingQuery,
        }),
        response: { 200: PageOf(User) },
      },
    },
    async (request) =>
      listUsers(ctx, request.query as { q?: string; role?: string; org?: string; page: number; pageSize: number }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { permission: 'user.write' } },
      schema: {
        tags: ['users'],
        summary: 'Create a user; a generated password is returned once when none is given',
        body: Type.Object(
          {
            username: Type.String({ pattern: USERNAME_PATTERN }),
            displayName: Type.Optional(Type.String({ maxLength: 50 })),
            role: UserRole,
            orgCode: Type.String({ pattern: ORG_CODE_PATTERN }),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: User, initialPassword: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      const body = request.body as { username: string; displayName?: string; role: string; orgCode: string; password?: string };
      const result = await createUser(ctx, principalOf(request), { ...body, mustChangePassword: true });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { permission: 'user.write' } },
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role, organisation or active flag, or clear a lockout",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: 50 })),
            role: Type.Optional(UserRole),
            orgCode: Type.Optional(Type.String({ pattern: ORG_CODE_PATTERN })),
            active: Type.Optional(Type.Boolean()),
            unlock: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: User },
      },
    },
    async (request) => updateUser(ctx, principalOf(request), (request.params as { id: string }).id, request.body as UserPatch),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: { permission: 'user.write' } },
      schema: {
        tags: ['users'],
        summary: 'Set a new random password, shown once; the user must change it at next sign-in',
        params: IdParams,
        response: { 200: Type.Object({ initialPassword: Type.String() }) },
      },
    },
    async (request) => ({
      initialPassword: await resetUserPassword(ctx, principalOf(request), (request.params as { id: string }).id),
    }),
  );
}
