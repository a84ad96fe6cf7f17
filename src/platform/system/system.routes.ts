import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { migrationStatus, pingDatabase } from '../db/index.js';

const STARTED_AT = Date.now();
export const VERSION = '0.1.0';

/** Liveness, readiness, Prometheus metrics and the operator's health page. */
export async function systemRoutes(app: FastifyInstance, ctx: AppContext, registry: Registry): Promise<void> {
  app.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { tags: ['system'], summary: 'Liveness' } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'Readiness: database reachable and migrations current' },
    },
    async (_request, reply) => {
      try {
        await pingDatabase(ctx.db);
        const status = await migrationStatus(ctx.db);
        if (status.pending > 0) return reply.status(503).send({ status: 'migrations pending', pending: status.pending });
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'database unreachable' });
      }
    },
  );

  app.get(
    '/metrics',
    { config: { access: { public: true } }, schema: { tags: ['system'], summary: 'Prometheus metrics' } },
    async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );

  app.get(
    '/api/v1/system/health',
    {
      config: { access: { permission: 'system.health' } },
      schema: {
        tags: ['system'],
        summary: 'System health for operations (no personal data)',
        response: {
          200: Type.Object({
            version: Type.String(),
            uptimeSeconds: Type.Integer(),
            dialect: Type.String(),
            database: Type.Object({ ok: Type.Boolean(), latencyMs: Type.Number() }),
            migrations: Type.Object({ applied: Type.Integer(), pending: Type.Integer() }),
            memory: Type.Object({ rssMb: Type.Number(), heapUsedMb: Type.Number() }),
            counts: Type.Object({
              orgs: Type.Integer(),
              users: Type.Integer(),
              activeTokens: Type.Integer(),
              auditEntries: Type.Integer(),
            }),
          }),
        },
      },
    },
    async () => {
      const latencyMs = await pingDatabase(ctx.db);
      const now = new Date().toISOString();
      const count = async (table: 'orgs' | 'users') =>
        Number(
          (await ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
        );
      const activeTokens = await ctx.db.kysely
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      const head = await ctx.db.kysely
        .selectFrom('chain_heads')
        .select('seq')
        .where('name', '=', 'audit')
        .executeTakeFirst();
      const memory = process.memoryUsage();
      return {
        version: VERSION,
        uptimeSeconds: Math.round((Date.now() - STARTED_AT) / 1000),
        dialect: ctx.db.dialect,
        database: { ok: true, latencyMs: Math.round(latencyMs * 100) / 100 },
        migrations: await migrationStatus(ctx.db),
        memory: { rssMb: Math.round(memory.rss / 1048576), heapUsedMb: Math.round(memory.heapUsed / 1048576) },
        counts: {
          orgs: await count('orgs'),
          users: await count('users'),
          activeTokens: Number(activeTokens.n),
          auditEntries: Number(head?.seq ?? 0),
        },
      };
    },
  );
}
