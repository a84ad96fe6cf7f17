import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { CaseTable } from '../platform/db/index.js';
import { principalOf } from '../platform/http/access-gate.js';
import { PagingQuery } from '../platform/http/schemas.js';
import { maskIdNumber } from '../registry/index.js';
import { actOnCase, CASE_ACTIONS, caseVisibilityOf, visibleCase, type CaseAction } from './cases/case-workflow.js';
import { caseHistory, casePersons, findCases, openCaseCounts } from './cases/cases.repository.js';
import { todayInDistrict } from '../platform/district/district-time.js';
import type { DivisionTree } from '../platform/district/division-tree.js';
import { orgNames } from './quality/quality.queries.js';
import { CROSSCHECK_RULES } from './rules/crosscheck-rules.js';

const STATUSES = ['open', 'in_progress', 'resolved', 'dismissed'] as const;

type CasePerson = { name: string | null; idNumber: string | null } | undefined;

/** A case as lists show it: the rule, the person (name, ID number masked as the registry masks it), who works it, escalation and a one-line summary of the evidence. */
/** What a case row is shown with: its person, and the names of its responsible unit and division. */
interface CaseNames {
  person: CasePerson;
  orgs: ReadonlyMap<string, { name: string }>;
  tree: DivisionTree;
}

/** The names of the case rows' responsible units, in one query. */
async function caseNames(ctx: AppContext, rows: readonly CaseTable[]) {
  return orgNames(ctx.db.kysely, rows.flatMap((r) => (r.owner_org_code ? [r.owner_org_code] : [])));
}

function toSummary(row: CaseTable, { person, orgs, tree }: CaseNames) {
  const evidence = JSON.parse(row.evidence) as { summary: { en: string; zh: string } };
  return {
    id: row.id,
    rule: row.rule_id,
    ruleVersion: row.rule_version,
    status: row.status,
    person_id: Number(row.person_id),
    personName: person?.name ?? null,
    personIdNumber: maskIdNumber(person?.idNumber ?? null),
    ownerOrgCode: row.owner_org_code,
    ownerOrgName: row.owner_org_code ? orgs.get(row.owner_org_code)?.name ?? null : null,
    divisionCode: row.division_code,
    divisionName: row.division_code ? tree.get(row.division_code)?.name ?? null : null,
    dueOn: row.due_on,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionNote: row.resolution_note,
    escalatedAt: row.escalated_at,
    evidenceSummary: evidence.summary,
  };
}

/** Cross-verification cases (互核): the worklist, a case with its evidence and history, the actions on it, and the rules. */
export async function caseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/cases',
    {
      config: { access: { permission: 'case.read' } },
      schema: {
        tags: ['crosscheck'],
        summary: 'Cases the caller sees: the bureau all, towns and villages their jurisdiction and their own, departments their own',
        querystring: Type.Object({
          rule: Type.Optional(Type.String({ maxLength: 60 })),
          status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
          area: Type.Optional(Type.String({ pattern: '^\\d{6,12}$', description: 'a division code: cases in it and under it' })),
          owner: Type.Optional(Type.String({ maxLength: 40, description: 'the responsible organisation' })),
          overdue: Type.Optional(Type.Boolean({ description: 'only open cases past their due date' })),
          ...PagingQuery,
        }),
      },
    },
    async (request) => {
      const query = request.query as { rule?: string; status?: (typeof STATUSES)[number]; area?: string; owner?: string; overdue?: boolean; page: number; pageSize: number };
      const { items, total } = await findCases(ctx.db.kysely, caseVisibilityOf(principalOf(request)), {
        ruleId: query.rule,
        status: query.status,
        ...(query.area ? { divisions: [...ctx.tree.expand([query.area])] } : {}),
        ownerOrgCode: query.owner,
        ...(query.overdue ? { dueBefore: todayInDistrict() } : {}),
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const persons = await casePersons(ctx.db.kysely, items.map((i) => Number(i.person_id)));
      const orgs = await caseNames(ctx, items);
      return { items: items.map((i) => toSummary(i, { person: persons.get(Number(i.person_id)), orgs, tree: ctx.tree })), total };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { config: { access: { permission: 'case.read' } }, schema: { tags: ['crosscheck'], summary: 'A case: the conflicting ledger entries side by side, and its history', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      const { id } = request.params as { id: string };
      const row = await visibleCase(ctx, principalOf(request), id);
      const persons = await casePersons(ctx.db.kysely, [Number(row.person_id)]);
      const orgs = await caseNames(ctx, [row]);
      return { ...toSummary(row, { person: persons.get(Number(row.person_id)), orgs, tree: ctx.tree }), evidence: JSON.parse(row.evidence) as unknown, history: await caseHistory(ctx.db.kysely, id) };
    },
  );

  app.post(
    '/api/v1/cases/:id/action',
    {
      config: { access: { permission: 'case.work' } },
      schema: {
        tags: ['crosscheck'],
        summary: 'Work a case: start, resolve or dismiss (with a note), reopen, or comment',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ action: Type.Union(CASE_ACTIONS.map((a) => Type.Literal(a))), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { action: CaseAction; note?: string };
      const row = await actOnCase(ctx, principalOf(request), id, body, request.ip);
      const persons = await casePersons(ctx.db.kysely, [Number(row.person_id)]);
      return toSummary(row, { person: persons.get(Number(row.person_id)), orgs: await caseNames(ctx, [row]), tree: ctx.tree });
    },
  );

  app.get(
    '/api/v1/crosscheck/rules',
    { config: { access: { permission: 'case.read' } }, schema: { tags: ['crosscheck'], summary: 'The cross-verification rules: definitions, and the open cases of each the caller sees' } },
    async (request) => {
      const counts = await openCaseCounts(ctx.db.kysely, caseVisibilityOf(principalOf(request)));
      return {
        items: CROSSCHECK_RULES.map((rule) => ({
          id: rule.id,
          version: rule.version,
          description: rule.description,
          severity: rule.severity,
          sources: rule.sources,
          graceDays: rule.graceDays,
          dueDays: rule.dueDays,
          responsible: rule.responsible,
          autoClose: rule.autoClose,
          openCases: counts.get(rule.id) ?? 0,
        })),
      };
    },
  );
}
