import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorOf } from '../audit/actor.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { forgetTokenPrincipals } from '../auth/token-principal-cache.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { isOrgType } from './org-types.js';
import { ancestorIds, findOrgByCode, findOrgs, setOrgDivisions, type OrgView } from './orgs.repository.js';

export interface OrgInput {
  code: string;
  type: string;
  name: string;
  parentCode?: string | null;
  divisions?: string[];
  liaisonName?: string | null;
  liaisonPhone?: string | null;
}

export interface OrgPatch {
  name?: string;
  parentCode?: string | null;
  divisions?: string[];
  liaisonName?: string | null;
  liaisonPhone?: string | null;
  active?: boolean;
}

/** Organisations the principal may see: all for district-wide callers, else its jurisdiction's. */
export async function listOrgs(
  ctx: AppContext,
  principal: Principal,
  filter: { q?: string; type?: string; parent?: string; page: number; pageSize: number },
): Promise<{ items: OrgView[]; total: number }> {
  return findOrgs(ctx.db.kysely, {
    q: filter.q,
    type: filter.type,
    parent: filter.parent,
    divisions: principal.districtWide ? undefined : [...principal.jurisdiction],
    includeIds: [principal.org.id],
    offset: (filter.page - 1) * filter.pageSize,
    limit: filter.pageSize,
  });
}

/** One organisation, if it exists and lies in the principal's sight. */
export async function getOrg(ctx: AppContext, principal: Principal, code: string): Promise<OrgView> {
  const org = await findOrgByCode(ctx.db.kysely, code);
  if (!org || !canSeeOrg(principal, org)) throw new AppError('NOT_FOUND', { details: { org: code } });
  return org;
}

function canSeeOrg(principal: Principal, org: OrgView): boolean {
  if (principal.districtWide || org.id === principal.org.id) return true;
  return org.divisions.some((code) => principal.jurisdiction.has(code));
}

/** Creates an organisation (audited in the same transaction). */
export async function createOrg(ctx: AppContext, principal: Principal | AuditActor, input: OrgInput): Promise<OrgView> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const view = await insertOrg(ctx, trx, input);
    await appendAudit(trx, {
      actor: 'permissions' in principal ? actorOf(principal) : principal,
      action: 'org.create',
      targetType: 'org',
      targetIds: [input.code],
      details: { type: input.type, name: input.name, parent: input.parentCode ?? null, divisions: input.divisions ?? [] },
    });
    return view;
  });
}

/** Inserts an organisation inside the caller's transaction (also used by the demo seed). */
export async function insertOrg(ctx: AppContext, trx: Kysely<Database>, input: OrgInput): Promise<OrgView> {
  if (!isOrgType(input.type)) {
    throw new AppError('VALIDATION_FAILED', {
      message: `unknown organisation type "${input.type}"`,
      messageZh: `机构类型“${input.type}”不存在`,
      details: { field: 'type' },
    });
  }
  if (await findOrgByCode(trx, input.code)) throw new AppError('ORG_EXISTS', { details: { code: input.code } });
  const parentId = input.parentCode ? await requireParent(trx, input.parentCode) : null;
  assertDivisions(ctx, input.divisions ?? []);
  const now = new Date().toISOString();
  const id = randomUUID();
  await trx
    .insertInto('orgs')
    .values({
      id,
      code: input.code,
      type: input.type,
      name: input.name.trim(),
      parent_id: parentId,
      liaison_name: input.liaisonName?.trim() || null,
      liaison_phone: input.liaisonPhone?.trim() || null,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await setOrgDivisions(trx, id, input.divisions ?? []);
  return (await findOrgByCode(trx, input.code))!;
}

/** Changes an organisation's name, parent, divisions, liaison or active flag. */
export async function updateOrg(ctx: AppContext, principal: Principal, code: string, patch: OrgPatch): Promise<OrgView> {
  const view = await ctx.db.kysely.transaction().execute(async (trx) => {
    const org = await findOrgByCode(trx, code);
    if (!org) throw new AppError('NOT_FOUND', { details: { org: code } });
    const changes: Partial<Database['orgs']> = { updated_at: new Date().toISOString() };
    if (patch.name !== undefined) changes.name = patch.name.trim();
    if (patch.liaisonName !== undefined) changes.liaison_name = patch.liaisonName?.trim() || null;
    if (patch.liaisonPhone !== undefined) changes.liaison_phone = patch.liaisonPhone?.trim() || null;
    if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
    if (patch.parentCode !== undefined) {
      const parentId = patch.parentCode ? await requireParent(trx, patch.parentCode) : null;
      if (parentId && (parentId === org.id || (await ancestorIds(trx, parentId)).includes(org.id))) {
        throw new AppError('INVALID_PARENT', { details: { parentCode: patch.parentCode } });
      }
      changes.parent_id = parentId;
    }
    await trx.updateTable('orgs').set(changes).where('id', '=', org.id).execute();
    if (patch.divisions !== undefined) {
      assertDivisions(ctx, patch.divisions);
      await setOrgDivisions(trx, org.id, patch.divisions);
    }
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'org.update',
      targetType: 'org',
      targetIds: [code],
      details: { changes: patch as Record<string, unknown> },
    });
    return (await findOrgByCode(trx, code))!;
  });
  // Tokens of the organisation carry its name, active flag and divisions in their cached principal.
  forgetTokenPrincipals();
  return view;
}

async function requireParent(trx: Kysely<Database>, parentCode: string): Promise<string> {
  const parent = await trx.selectFrom('orgs').select('id').where('code', '=', parentCode).executeTakeFirst();
  if (!parent) throw new AppError('INVALID_PARENT', { details: { parentCode } });
  return parent.id;
}

function assertDivisions(ctx: AppContext, codes: readonly string[]): void {
  const unknown = codes.filter((code) => !ctx.tree.has(code));
  if (unknown.length > 0) throw new AppError('UNKNOWN_DIVISION', { details: { divisions: unknown } });
}
