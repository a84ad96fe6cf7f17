import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../platform/audit/actor.js';
import { recordAudit } from '../platform/audit/audit-log.js';
import { hasPermission, type Principal } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors/index.js';
import { principalOf } from '../platform/http/access-gate.js';
import { PagingQuery } from '../platform/http/schemas.js';
import type { Golden } from './persons/survivorship.js';
import { findVisiblePerson, householdOf, maskIdNumber, relationsOf, searchPersons, timelineOf, toPersonSummary } from './persons/persons.queries.js';

/** Event types whose content is sensitive (pregnancy, contraception): hidden unless unmasked. */
export const SENSITIVE_TYPES = new Set(['pregnancy', 'pregnancy_termination', 'contraception', 'contraception_followup', 'delivery_booking', 'prepregnancy_checkup']);
const SENSITIVE_FACTS = new Set(['expected_delivery_on', 'pregnancy_registered_on', 'pregnancy_terminated_on', 'contraception_method', 'contraception_on']);

/** A record's fields as shown: ID numbers masked and sensitive records' content hidden unless unmasked. */
export function shownFields(type: string, payload: Record<string, unknown>, unmasked: boolean): Record<string, unknown> | null {
  if (unmasked) return payload;
  if (SENSITIVE_TYPES.has(type)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) out[key] = key.endsWith('id_number') && typeof value === 'string' ? maskIdNumber(value) : value;
  return out;
}

const PersonQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 60, description: 'ID number (or its start), name in Chinese, or its pinyin' })),
  id_number: Type.Optional(Type.String({ maxLength: 30, description: 'exact ID number (15 or 18 digits)' })),
  name: Type.Optional(Type.String({ maxLength: 40, description: 'exact name (departments reading under an agreement)' })),
  agreement: Type.Optional(Type.String({ maxLength: 64, description: 'departments: the agreement to read under (default: any current one that shares registry fields)' })),
  purpose: Type.Optional(Type.String({ maxLength: 200, description: 'departments: why (case number or reason); recorded in the audit log' })),
  birthDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  division: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
  population: Type.Optional(Type.Union(['registered', 'floating', 'moved_out', 'dead', 'external'].map((p) => Type.Literal(p)))),
  ...PagingQuery,
});

/** Person search and the person page: `GET /api/v1/persons`, `GET /api/v1/persons/:id`. */
export async function personRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/persons',
    {
      config: { access: { anyPermission: ['person.read', 'shared.read'] } },
      schema: {
        tags: ['registry'],
        summary:
          'Search the registry: bureau, towns and reviewers masked within their jurisdiction; departments by exact ID number or name under a sharing agreement (its fields and area only, purpose required, audited)',
        querystring: PersonQuery,
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const query = request.query as { q?: string; id_number?: string; name?: string; agreement?: string; purpose?: string; birthDate?: string; division?: string; population?: string; page: number; pageSize: number };
      if (!hasPermission(principal, 'person.read')) {
        if (!app.hasDecorator('sharedPersonLookup')) throw new AppError('FORBIDDEN', { details: { permission: 'person.read' } });
        return app.sharedPersonLookup(principal, { idNumber: query.id_number ?? query.q, name: query.name, agreement: query.agreement, purpose: query.purpose }, request.ip);
      }
      const q = query.id_number ?? query.name ?? query.q;
      const { items, total } = await searchPersons(ctx.db.kysely, principal, { ...query, q, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
      return { items: items.map((p) => toPersonSummary(p, false)), total };
    },
  );

  app.get(
    '/api/v1/persons/:id',
    {
      config: { access: { permission: 'person.read' } },
      schema: {
        tags: ['registry'],
        summary: 'A person: golden record with provenance, state, household, relations and the timeline of every record; `unmask=true` with a `purpose` shows ID numbers and sensitive facts (audited)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ unmask: Type.Optional(Type.Boolean()), purpose: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: number };
      const { unmask, purpose } = request.query as { unmask?: boolean; purpose?: string };
      const unmasked = unmask === true;
      if (unmasked) requireUnmask(principal, purpose);
      const person = await findVisiblePerson(ctx.db.kysely, principal, id);
      if (!person) throw new AppError('NOT_FOUND', { details: { person: id } });
      await recordAudit(ctx.db, {
        actor: actorOf(principal),
        action: unmasked ? 'person.unmask' : 'person.view',
        targetType: 'person',
        targetIds: [String(id)],
        purpose: unmasked ? purpose : null,
        result: 'ok',
        ip: request.ip,
      });
      const golden = JSON.parse(person.golden) as Golden;
      const [timeline, relations, household] = await Promise.all([timelineOf(ctx.db.kysely, id), relationsOf(ctx.db.kysely, id), householdOf(ctx.db.kysely, person.household_number)]);
      const seqs = timeline.length > 0 ? timeline.map((t) => Number(t.seq)) : [-1];
      const decisions = await ctx.db.kysely
        .selectFrom('link_decisions')
        .selectAll()
        .where('active', '=', 1)
        .where((eb) => eb.or([eb('seq_a', 'in', seqs), eb('seq_b', 'in', seqs)]))
        .execute();
      return {
        unmasked,
        person: {
          ...toPersonSummary(person, unmasked),
          status: person.status,
          householdNumber: person.household_number,
          expectedDeliveryOn: unmasked ? person.expected_delivery_on : person.expected_delivery_on ? '***' : null,
          contraceptionMethod: unmasked ? person.contraception_method : person.contraception_method ? '***' : null,
          flags: JSON.parse(person.flags) as unknown,
        },
        golden: Object.entries(golden).map(([field, g]) => ({
          field,
          value: !unmasked && SENSITIVE_FACTS.has(field) ? '***' : !unmasked && field === 'id_number' ? maskIdNumber(g.v) : g.v,
          seq: g.seq,
          orgCode: g.org,
          type: g.type,
          on: g.on,
        })),
        relations: relations.map((r) => ({
          kind: r.kind,
          direction: r.direction,
          since: r.since,
          until: r.until,
          seq: Number(r.seq),
          person: { id: Number(r.id), idNumber: unmasked ? r.id_number : maskIdNumber(r.id_number), name: r.name, sex: r.sex, birthDate: r.birth_date },
        })),
        household: household.map((h) => toPersonSummary(h, unmasked)),
        timeline: timeline.map((t) => ({
          seq: Number(t.seq),
          role: t.role,
          method: t.method,
          orgCode: t.org_code,
          orgName: t.org_name,
          type: t.type,
          recordId: t.record_id,
          action: t.action,
          eventDate: t.event_date,
          committedAt: t.committed_at,
          fields: shownFields(t.type, JSON.parse(t.payload) as Record<string, unknown>, unmasked),
        })),
        decisions: decisions.map((d) => ({ id: d.id, kind: d.kind, decidedBy: d.decided_by, decidedAt: d.decided_at, note: d.note })),
      };
    },
  );
}

/** Unmasking needs the permission and a stated purpose (recorded in the audit log). */
export function requireUnmask(principal: Principal, purpose: string | undefined): void {
  if (!hasPermission(principal, 'person.unmask')) throw new AppError('FORBIDDEN', { details: { permission: 'person.unmask' } });
  if (!purpose || purpose.trim().length < 2) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'say why you need the unmasked data: purpose (a case number or reason) is required',
      messageZh: '查看完整信息须填写用途（案件编号或事由）',
      details: { field: 'purpose' },
    });
  }
}
