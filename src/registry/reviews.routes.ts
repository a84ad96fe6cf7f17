import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { actorOf } from '../platform/audit/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Principal } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';
import { AppError } from '../platform/errors/index.js';
import { principalOf } from '../platform/http/access-gate.js';
import { PagingQuery } from '../platform/http/schemas.js';
import { shownFields } from './persons.routes.js';
import { toPersonSummary } from './persons/persons.queries.js';
import { reprojectPersons } from './projection/project-ledger.js';

const Note = Type.Optional(Type.String({ maxLength: 500 }));

/**
 * The link review queue and reviewers' decisions: `GET /api/v1/link-reviews`, a decision on a
 * review (link / not a match), merging two persons and revoking a decision (unmerge). Every
 * decision is stored at the level of records, audited, and applied at once by projecting the
 * persons concerned again, so a rebuild of the registry reaches the same result.
 */
export async function reviewRoutes(app: FastifyInstance, ctx: AppContext, districtCode: string): Promise<void> {
  app.get(
    '/api/v1/link-reviews',
    {
      config: { access: { permission: 'link_review.decide' } },
      schema: {
        tags: ['registry'],
        summary: 'Link reviews: a record and the person it may be, with the field-by-field evidence',
        querystring: Type.Object({ status: Type.Optional(Type.Union(['open', 'linked', 'not_a_match'].map((s) => Type.Literal(s)))), ...PagingQuery }),
      },
    },
    async (request) => {
      const { status = 'open', page, pageSize } = request.query as { status?: string; page: number; pageSize: number };
      const k = ctx.db.kysely;
      const total = await k.selectFrom('link_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow();
      const rows = await k
        .selectFrom('link_reviews as r')
        .innerJoin('ledger as l', 'l.seq', 'r.seq')
        .select(['r.id', 'r.seq', 'r.role', 'r.person_id', 'r.candidate_id', 'r.score', 'r.evidence', 'r.status', 'r.created_at', 'r.decided_by', 'r.decided_at', 'r.note', 'l.org_code', 'l.type', 'l.event_date', 'l.payload'])
        .where('r.status', '=', status)
        .orderBy('r.created_at')
        .orderBy('r.id')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .execute();
      const ids = [...new Set(rows.flatMap((r) => [Number(r.person_id), Number(r.candidate_id)]))];
      const persons = ids.length ? await k.selectFrom('persons').selectAll().where('id', 'in', ids).execute() : [];
      const byId = new Map(persons.map((p) => [Number(p.id), toPersonSummary(p, false)]));
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          seq: Number(r.seq),
          role: r.role,
          orgCode: r.org_code,
          type: r.type,
          eventDate: r.event_date,
          record: shownFields(r.type, JSON.parse(r.payload) as Record<string, unknown>, false),
          score: r.score,
          evidence: JSON.parse(r.evidence) as unknown,
          status: r.status,
          createdAt: r.created_at,
          decidedBy: r.decided_by,
          decidedAt: r.decided_at,
          note: r.note,
          person: byId.get(Number(r.person_id)) ?? null,
          candidate: byId.get(Number(r.candidate_id)) ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/link-reviews/:id/decision',
    {
      config: { access: { permission: 'link_review.decide' } },
      schema: {
        tags: ['registry'],
        summary: 'Decide a review: `link` (the record is the candidate person) or `not_a_match` (remembered)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: Type.Object({ decision: Type.Union([Type.Literal('link'), Type.Literal('not_a_match')]), note: Note }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const { decision, note } = request.body as { decision: 'link' | 'not_a_match'; note?: string };
      const affected = await ctx.db.kysely.transaction().execute(async (trx) => {
        const review = await trx.selectFrom('link_reviews').selectAll().where('id', '=', id).executeTakeFirst();
        if (!review) throw new AppError('NOT_FOUND', { details: { review: id } });
        if (review.status !== 'open') throw new AppError('ALREADY_DECIDED', { details: { status: review.status } });
        const other = await firstRecordOf(trx, Number(review.candidate_id));
        if (!other) throw new AppError('INVALID_MERGE', { details: { person: Number(review.candidate_id) } });
        const decisionId = await storeDecision(trx, principal, decision === 'link' ? 'same' : 'different', { seq: Number(review.seq), role: review.role }, other, note);
        await trx
          .updateTable('link_reviews')
          .set({ status: decision === 'link' ? 'linked' : 'not_a_match', decided_by: principal.name, decided_at: new Date().toISOString(), note: note ?? null })
          .where('id', '=', id)
          .execute();
        await appendAudit(trx, { actor: actorOf(principal), action: `link_review.${decision}`, targetType: 'link_review', targetIds: [id, decisionId], result: 'ok', ip: request.ip, details: { note } });
        return [Number(review.person_id), Number(review.candidate_id)];
      });
      await reprojectPersons(ctx.db, districtCode, affected, app.registryProjector.afterChunkHook);
      await app.registryProjector.followUp();
      return { status: decision === 'link' ? 'linked' : 'not_a_match' };
    },
  );

  app.post(
    '/api/v1/persons/:id/merge',
    {
      config: { access: { permission: 'link_review.decide' } },
      schema: {
        tags: ['registry'],
        summary: 'Merge two persons found to be one (the earlier-created person remains); undone by revoking the decision',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ into: Type.Integer({ minimum: 1 }), note: Note }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: number };
      const { into, note } = request.body as { into: number; note?: string };
      if (id === into) throw new AppError('INVALID_MERGE', { details: { person: id } });
      const decisionId = await ctx.db.kysely.transaction().execute(async (trx) => {
        const a = await firstRecordOf(trx, id);
        const b = await firstRecordOf(trx, into);
        if (!a || !b) throw new AppError('INVALID_MERGE', { details: { persons: [id, into] } });
        const decided = await storeDecision(trx, principal, 'same', a, b, note);
        await appendAudit(trx, { actor: actorOf(principal), action: 'person.merge', targetType: 'person', targetIds: [String(id), String(into)], result: 'ok', ip: request.ip, details: { decision: decided, note } });
        return decided;
      });
      await reprojectPersons(ctx.db, districtCode, [id, into], app.registryProjector.afterChunkHook);
      await app.registryProjector.followUp();
      return { decision: decisionId, person: Math.min(id, into) };
    },
  );

  app.post(
    '/api/v1/link-decisions/:id/revoke',
    {
      config: { access: { permission: 'link_review.decide' } },
      schema: {
        tags: ['registry'],
        summary: 'Revoke a link or merge decision (unmerge): the persons are projected again without it',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: Type.Object({ note: Note }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const { note } = request.body as { note?: string };
      const affected = await ctx.db.kysely.transaction().execute(async (trx) => {
        const decision = await trx.selectFrom('link_decisions').selectAll().where('id', '=', id).executeTakeFirst();
        if (!decision) throw new AppError('NOT_FOUND', { details: { decision: id } });
        if (decision.active !== 1) throw new AppError('ALREADY_DECIDED', { details: { revokedAt: decision.revoked_at } });
        await trx.updateTable('link_decisions').set({ active: 0, revoked_by: principal.name, revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
        await appendAudit(trx, { actor: actorOf(principal), action: 'link_decision.revoke', targetType: 'link_decision', targetIds: [id], result: 'ok', ip: request.ip, details: { note } });
        const persons = await trx
          .selectFrom('person_records')
          .select('person_id')
          .where((eb) => eb.or([eb('seq', '=', decision.seq_a).and('role', '=', decision.role_a), eb('seq', '=', decision.seq_b).and('role', '=', decision.role_b)]))
          .execute();
        return [...new Set(persons.map((p) => Number(p.person_id)))];
      });
      await reprojectPersons(ctx.db, districtCode, affected, app.registryProjector.afterChunkHook);
      await app.registryProjector.followUp();
      return { revoked: id };
    },
  );
}

/** The record that first mentions a person (its creating record). */
async function firstRecordOf(trx: Kysely<Database>, personId: number): Promise<{ seq: number; role: string } | undefined> {
  const row = await trx
    .selectFrom('person_records as pr')
    .innerJoin('persons as p', 'p.id', 'pr.person_id')
    .select(['pr.seq', 'pr.role'])
    .where('pr.person_id', '=', personId)
    .where('p.status', '=', 'active')
    .orderBy('pr.seq')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), role: row.role } : undefined;
}

async function storeDecision(
  trx: Kysely<Database>,
  principal: Principal,
  kind: 'same' | 'different',
  a: { seq: number; role: string },
  b: { seq: number; role: string },
  note: string | undefined,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('link_decisions')
    .values({ id, kind, seq_a: a.seq, role_a: a.role, seq_b: b.seq, role_b: b.role, active: 1, decided_by: principal.name, decided_at: new Date().toISOString(), note: note ?? null, revoked_by: null, revoked_at: null })
    .execute();
  return id;
}
