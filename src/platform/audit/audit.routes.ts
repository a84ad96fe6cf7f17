import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { PagingQuery } from '../http/schemas.js';
import { verifyAuditChain } from './audit-verify.js';
import { findAuditEntries } from './audit.queries.js';

const DateOrTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?$' });

/** The auditor's view of the audit log and its chain check. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first, filtered and paged',
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          org: Type.Optional(Type.String({ maxLength: 32 })),
          result: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('error')])),
          from: Type.Optional(DateOrTime),
          to: Type.Optional(DateOrTime),
          ...PagingQuery,
        }),
      },
    },
    async (request) => {
      const query = request.query as Record<string, string | undefined> & { page: number; pageSize: number };
      return findAuditEntries(ctx.db, {
        actor: query.actor,
        action: query.action,
        org: query.org,
        result: query.result,
        from: query.from,
        to: query.to,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: { permission: 'audit.read' } },
      schema: { tags: ['audit'], summary: 'Recompute the audit hash chain and report the first broken entry' },
    },
    async () => {
      const report = await verifyAuditChain(ctx.db);
      return { ok: report.ok, checked: report.checked, firstBroken: report.firstBroken };
    },
  );
}
