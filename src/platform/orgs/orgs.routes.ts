import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { principalOf } from '../http/access-gate.js';
import { Nullable, PageOf, PagingQuery } from '../http/schemas.js';
import { ORG_CODE_PATTERN, ORG_TYPES } from './org-types.js';
import { createOrg, getOrg, listOrgs, updateOrg, type OrgInput, type OrgPatch } from './orgs.service.js';

const PHONE_PATTERN = '^[0-9+()\\- ]{5,20}$';

const Org = Type.Object({
  id: Type.String(),
  code: Type.String(),
  type: Type.String(),
  name: Type.String(),
  parentCode: Nullable(Type.String()),
  parentName: Nullable(Type.String()),
  divisions: Type.Array(Type.String()),
  liaisonName: Nullable(Type.String()),
  liaisonPhone: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

const OrgType = Type.Union(Object.keys(ORG_TYPES).map((type) => Type.Literal(type)));
const DivisionCodes = Type.Array(Type.String({ pattern: '^\\d{12}$' }), { maxItems: 1000 });

/** Organisations: list, read, create, update. */
export async function orgRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/orgs',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags: ['orgs'],
        summary: 'Organisations in your sight, filtered and paged',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(OrgType),
          parent: Type.Optional(Type.String({ maxLength: 32 })),
          ...PagingQuery,
        }),
        response: { 200: PageOf(Org) },
      },
    },
    async (request) => {
      const query = request.query as { q?: string; type?: string; parent?: string; page: number; pageSize: number };
      return listOrgs(ctx, principalOf(request), query);
    },
  );

  app.get(
    '/api/v1/orgs/:code',
    {
      config: { access: { permission: 'org.read' } },
      schema: {
        tags: ['orgs'],
        summary: 'One organisation',
        params: Type.Object({ code: Type.String({ maxLength: 32 }) }),
        response: { 200: Org },
      },
    },
    async (request) => getOrg(ctx, principalOf(request), (request.params as { code: string }).code),
  );

  app.post(
    '/api/v1/orgs',
    {
      config: { access: { permission: 'org.write' } },
      schema: {
        tags: ['orgs'],
        summary: 'Create an organisation',
        body: Type.Object(
          {
            code: Type.String({ pattern: ORG_CODE_PATTERN }),
            type: OrgType,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            parentCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
            divisions: Type.Optional(DivisionCodes),
            liaisonName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
            liaisonPhone: Type.Optional(Nullable(Type.Union([Type.Literal(''), Type.String({ pattern: PHONE_PATTERN })]))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Org },
      },
    },
    async (request, reply) => {
      const org = await createOrg(ctx, principalOf(request), request.body as OrgInput);
      return reply.status(201).send(org);
    },
  );

  app.patch(
    '/api/v1/orgs/:code',
    {
      config: { access: { permission: 'org.write' } },
      schema: {
        tags: ['orgs'],
        summary: 'Change an organisation',
        params: Type.Object({ code: Type.String({ maxLength: 32 }) }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            parentCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
            divisions: Type.Optional(DivisionCodes),
            liaisonName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
            liaisonPhone: Type.Optional(Nullable(Type.Union([Type.Literal(''), Type.String({ pattern: PHONE_PATTERN })]))),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Org },
      },
    },
    async (request) =>
      updateOrg(ctx, principalOf(request), (request.params as { code: string }).code, request.body as OrgPatch),
  );
}
