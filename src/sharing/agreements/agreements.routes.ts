import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { principalOf } from '../../platform/http/access-gate.js';
import { PagingQuery } from '../../platform/http/schemas.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import { PERSON_FIELDS, isAgreementCurrent, type Agreement, type AgreementStatus } from './agreement.js';
import { agreementHistory, findAgreement, findAgreements } from './agreements.repository.js';
import { decideAgreement, requestAgreement, seesAllAgreements, type AgreementDecision, type AgreementRequest } from './agreements.service.js';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Area = Type.Union([
  Type.Object({ mode: Type.Literal('jurisdiction') }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('divisions'), codes: Type.Array(Type.String({ pattern: '^\\d{12}$' }), { minItems: 1, maxItems: 300 }) }, { additionalProperties: false }),
]);
const ScopeFields = {
  eventFields: Type.Record(Type.String({ pattern: '^[a-z_]{2,40}$' }), Type.Array(Type.String({ maxLength: 60 }), { maxItems: 100 })),
  personFields: Type.Array(Type.Union(PERSON_FIELDS.map((f) => Type.Literal(f))), { maxItems: PERSON_FIELDS.length }),
  area: Area,
  validFrom: DateString,
  validTo: Type.Union([DateString, Type.Null()]),
};
const STATUSES: AgreementStatus[] = ['requested', 'approved', 'refused', 'suspended', 'revoked'];

/** An agreement as the API shows it, with whether it can be read under today. */
function toView(agreement: Agreement & { orgName: string }) {
  return { ...agreement, orgId: undefined, current: isAgreementCurrent(agreement, todayInDistrict()) };
}

/**
 * Data-sharing agreements (共享目录与授权): a department requests, the bureau approves (possibly
 * narrowed), refuses, suspends, resumes, narrows or revokes. Departments see their own.
 */
export async function agreementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/agreements',
    {
      config: { access: { permission: 'agreement.read' } },
      schema: {
        tags: ['sharing'],
        summary: 'Data-sharing agreements: the bureau sees all, a department its own',
        querystring: Type.Object({ status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))), orgCode: Type.Optional(Type.String({ maxLength: 32 })), ...PagingQuery }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const query = request.query as { status?: AgreementStatus; orgCode?: string; page: number; pageSize: number };
      const orgCode = seesAllAgreements(principal) || principal.role === 'auditor' || principal.role === 'bureau_analyst' ? query.orgCode : principal.org.code;
      const { items, total } = await findAgreements(ctx.db.kysely, { orgCode, status: query.status, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
      return { items: items.map(toView), total };
    },
  );

  app.get(
    '/api/v1/agreements/:id',
    { config: { access: { permission: 'agreement.read' } }, schema: { tags: ['sharing'], summary: 'One agreement with its history', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const agreement = await findAgreement(ctx.db.kysely, id);
      const mayRead = seesAllAgreements(principal) || principal.role === 'auditor' || principal.role === 'bureau_analyst' || agreement?.orgCode === principal.org.code;
      if (!agreement || !mayRead) throw new AppError('NOT_FOUND', { details: { agreement: id } });
      return { ...toView(agreement), history: await agreementHistory(ctx.db.kysely, id) };
    },
  );

  app.post(
    '/api/v1/agreements',
    {
      config: { access: { permission: 'agreement.request' } },
      schema: {
        tags: ['sharing'],
        summary: 'Request an agreement: event types and their fields and/or registry fields, the area, the purpose, the period',
        body: Type.Object({ orgCode: Type.Optional(Type.String({ maxLength: 32 })), title: Type.String({ maxLength: 100 }), purpose: Type.String({ maxLength: 500 }), ...ScopeFields }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const agreement = await requestAgreement(ctx, principalOf(request), request.body as AgreementRequest, request.ip);
      return reply.status(201).send(agreement);
    },
  );

  app.post(
    '/api/v1/agreements/:id/decision',
    {
      config: { access: { permission: 'agreement.decide' } },
      schema: {
        tags: ['sharing'],
        summary: 'The bureau decides: approve (optionally narrowed), narrow, refuse, suspend, resume, revoke',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            action: Type.Union(['approve', 'narrow', 'refuse', 'suspend', 'resume', 'revoke'].map((a) => Type.Literal(a))),
            note: Type.Optional(Type.String({ maxLength: 500 })),
            scope: Type.Optional(Type.Partial(Type.Object(ScopeFields))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as AgreementDecision & { scope?: unknown };
      if (body.action === 'narrow' && !body.scope) {
        throw new AppError('VALIDATION_FAILED', { message: 'narrowing needs the new, smaller scope', messageZh: '收窄须给出新的（更小的）范围', details: { field: 'scope' } });
      }
      return decideAgreement(ctx, principalOf(request), id, body, request.ip);
    },
  );
}
