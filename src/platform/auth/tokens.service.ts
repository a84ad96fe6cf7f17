import type { Kysely } from 'kysely';
import { actorOf } from '../audit/actor.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { insertApiToken, tokenStatus, TOKEN_MAX_DAYS, type TokenStatus, type TokenView } from './api-tokens.js';
import type { Principal } from './principal.js';
import { forgetTokenPrincipals } from './token-principal-cache.js';

/** Callers who manage every organisation's tokens; others manage only their own org's. */
function managesAllTokens(principal: Principal | AuditActor): boolean {
  return !('permissions' in principal) || principal.role === 'bureau_admin';
}

function tokenQuery(db: Kysely<Database>) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.name',
      't.prefix',
      't.created_at',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'o.id as org_id',
      'o.code as org_code',
      'o.name as org_name',
      'u.username as created_by',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof tokenQuery>['executeTakeFirstOrThrow']>>;

function toView(row: Row): TokenView {
  return {
    id: row.id,
    name: row.name,
    orgCode: row.org_code,
    orgName: row.org_name,
    prefix: row.prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    status: tokenStatus(row),
  };
}

/** Tokens the principal manages, newest first, with status filter applied in SQL. */
export async function listTokens(
  ctx: AppContext,
  principal: Principal,
  filter: { org?: string; status?: TokenStatus; page: number; pageSize: number },
): Promise<{ items: TokenView[]; total: number }> {
  const now = new Date().toISOString();
  const filtered = () => {
    let q = tokenQuery(ctx.db.kysely);
    if (!managesAllTokens(principal)) q = q.where('o.id', '=', principal.org.id);
    if (filter.org) q = q.where('o.code', '=', filter.org);
    if (filter.status === 'revoked') q = q.where('t.revoked_at', 'is not', null);
    if (filter.status === 'expired') q = q.where('t.revoked_at', 'is', null).where('t.expires_at', '<=', now);
    if (filter.status === 'active') q = q.where('t.revoked_at', 'is', null).where('t.expires_at', '>', now);
    return q;
  };
  const rows = await filtered()
    .orderBy('t.created_at', 'desc')
    .offset((filter.page - 1) * filter.pageSize)
    .limit(filter.pageSize)
    .execute();
  const count = await filtered()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toView), total: Number(count.n) };
}

/** Issues a token for an organisation; the secret is returned here and never again. */
export async function createToken(
  ctx: AppContext,
  principal: Principal | AuditActor,
  input: { orgCode: string; name: string; expiresInDays: number },
): Promise<{ token: string; item: TokenView }> {
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', {
      message: `expiresInDays must be a whole number from 1 to ${TOKEN_MAX_DAYS}`,
      messageZh: `有效天数须为 1 至 ${TOKEN_MAX_DAYS} 的整数`,
      details: { field: 'expiresInDays' },
    });
  }
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['id', 'active'])
      .where('code', '=', input.orgCode)
      .executeTakeFirst();
    if (!org) throw new AppError('UNKNOWN_ORG', { details: { orgCode: input.orgCode } });
    if (!managesAllTokens(principal) && 'permissions' in principal && org.id !== principal.org.id) {
      throw new AppError('FORBIDDEN', {
        message: 'you may issue tokens only for your own organisation',
        messageZh: '只能为本机构创建令牌',
      });
    }
    const { secret, id } = await insertApiToken(trx, {
      orgId: org.id,
      name: input.name.trim(),
      expiresInDays: input.expiresInDays,
      createdBy: 'permissions' in principal && principal.kind === 'user' ? principal.id : null,
    });
    await appendAudit(trx, {
      actor: 'permissions' in principal ? actorOf(principal) : principal,
      action: 'token.create',
      targetType: 'api_token',
      targetIds: [id],
      details: { org: input.orgCode, name: input.name, expiresInDays: input.expiresInDays },
    });
    const row = await tokenQuery(trx).where('t.id', '=', id).executeTakeFirstOrThrow();
    return { token: secret, item: toView(row) };
  });
}

/** Revokes a token at once; it stops working on the next request. */
export async function revokeToken(ctx: AppContext, principal: Principal | AuditActor, id: string): Promise<TokenView> {
  const view = await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await tokenQuery(trx).where('t.id', '=', id).executeTakeFirst();
    if (!row || (!managesAllTokens(principal) && 'permissions' in principal && row.org_id !== principal.org.id)) {
      throw new AppError('NOT_FOUND', { details: { token: id } });
    }
    if (!row.revoked_at) {
      await trx
        .updateTable('api_tokens')
        .set({
          revoked_at: new Date().toISOString(),
          revoked_by: 'permissions' in principal ? principal.id : (principal.name ?? 'system'),
        })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, {
        actor: 'permissions' in principal ? actorOf(principal) : principal,
        action: 'token.revoke',
        targetType: 'api_token',
        targetIds: [id],
        details: { org: row.org_code, name: row.name },
      });
    }
    return toView(await tokenQuery(trx).where('t.id', '=', id).executeTakeFirstOrThrow());
  });
  // After the commit, so no request can cache the token again from before it.
  forgetTokenPrincipals();
  return view;
}
