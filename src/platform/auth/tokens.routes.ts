import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { principalOf } from '../http/access-gate.js';
import { Nullable, PageOf, PagingQuery } from '../http/schemas.js';
import { ORG_CODE_PATTERN } from '../orgs/org-types.js';
import { TOKEN_MAX_DAYS, type TokenStatus } from './api-tokens.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const Token = Type.Object({
  id: Type.String(),
  name: Type.String(),
  orgCode: Type.String(),
  orgName: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  expiresAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  status: Type.String(),
});

/** API tokens for department systems: list, issue (shown once), revoke. */
export async function tokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/tokens',
    {
      config: { access: { permission: 'token.read' } },
      schema: {
        tags: ['tokens'],
        summary: 'API tokens you manage, newest first, with their last use',
        querystring: Type.Object({
          org: Type.Optional(Type.String({ maxLength: 32 })),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')])),
          ...PagingQuery,
        }),
        response: { 200: PageOf(Token) },
      },
    },
    async (request) =>
      listTokens(ctx, principalOf(request), request.query as { org?: string; status?: TokenStatus; page: number; pageSize: number }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: { permission: 'token.write' } },
      schema: {
        tags: ['tokens'],
        summary: 'Issue a token bound to one organisation; the secret is shown only in this answer',
        body: Type.Object(
          {
            orgCode: Type.String({ pattern: ORG_CODE_PATTERN }),
            name: Type.String({ minLength: 1, maxLength: 80 }),
            expiresInDays: Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), item: Token }) },
      },
    },
    async (request, reply) => {
      const result = await createToken(
        ctx,
        principalOf(request),
        request.body as { orgCode: string; name: string; expiresInDays: number },
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/tokens/:id/revoke',
    {
      config: { access: { permission: 'token.write' } },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token; it stops working at once',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Token },
      },
    },
    async (request) => revokeToken(ctx, principalOf(request), (request.params as { id: string }).id),
  );
}
