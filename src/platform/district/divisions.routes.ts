import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_LABELS, ROLE_PERMISSIONS, USER_ROLES } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { Nullable } from '../http/schemas.js';
import { ORG_TYPES } from '../orgs/org-types.js';

const Division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parent: Nullable(Type.String()),
  kind: Nullable(Type.String()),
});

/** The district profile and the platform's code lists (org types, roles). */
export async function referenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/divisions',
    {
      config: { access: { permission: 'division.read' } },
      schema: {
        tags: ['reference'],
        summary: "The district profile's division tree (district → 镇街 → 村居)",
        response: { 200: Type.Object({ items: Type.Array(Division) }) },
      },
    },
    async () => ({ items: ctx.tree.all().sort((a, b) => a.code.localeCompare(b.code)) }),
  );

  app.get(
    '/api/v1/org-types',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['reference'], summary: 'Organisation types with their labels' },
    },
    async () => ({
      items: Object.entries(ORG_TYPES).map(([type, label]) => ({ type, labelZh: label.zh, labelEn: label.en })),
    }),
  );

  app.get(
    '/api/v1/roles',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['reference'], summary: 'User roles and the permissions each grants' },
    },
    async () => ({
      items: USER_ROLES.map((role) => ({
        role,
        labelZh: ROLE_LABELS[role].zh,
        labelEn: ROLE_LABELS[role].en,
        permissions: [...ROLE_PERMISSIONS[role]],
      })),
    }),
  );
}
