import { appendAudit, recordAudit } from '../audit/audit-log.js';
import { actorOf } from '../audit/actor.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { resolveApiToken, TOKEN_PREFIX } from './api-tokens.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import { buildPrincipal } from './principal-loader.js';
import type { Principal } from './principal.js';
import { hashSecret } from './secrets.js';
import { cachedTokenPrincipal } from './token-principal-cache.js';
import { createSession, deleteSession, deleteUserSessions, resolveSession } from './sessions.js';

// Verified against when the username is unknown, so that both cases take the same time.
const DUMMY_HASH = hashPassword('popx-timing-equaliser-0');

export interface LoginResult {
  principal: Principal;
  cookieValue: string;
}

interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Signs a user in: checks the lockout, the password and the account; counts failures and
 * locks after the configured number; every outcome is audited.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string } & ClientInfo,
): Promise<LoginResult> {
  const { db, config } = ctx;
  const user = await userWithOrg(db.kysely)
    .select(['u.password_hash', 'u.failed_attempts', 'u.locked_until'])
    .where('u.username', '=', input.username)
    .executeTakeFirst();
  const denied = (reason: string) =>
    recordAudit(db, {
      actor: { type: 'anonymous', name: input.username.slice(0, 64) },
      action: 'auth.login',
      result: 'denied',
      ip: input.ip,
      details: { reason },
    });
  if (!user) {
    await verifyPassword(await DUMMY_HASH, input.password);
    await denied('unknown user');
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && Date.parse(user.locked_until) > Date.now()) {
    await denied('locked');
    throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: user.locked_until } });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_attempts + 1;
    const lock = failures >= config.loginMaxFailures;
    const lockedUntil = lock ? new Date(Date.now() + config.loginLockMinutes * 60_000).toISOString() : null;
    await db.kysely
      .updateTable('users')
      .set({ failed_attempts: lock ? 0 : failures, locked_until: lockedUntil ?? user.locked_until })
      .where('id', '=', user.id)
      .execute();
    await denied(lock ? `wrong password; locked until ${lockedUntil}` : `wrong password (${failures})`);
    if (lock) throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil } });
    throw new AppError('INVALID_CREDENTIALS', {
      details: { attemptsLeft: config.loginMaxFailures - failures },
    });
  }
  if (user.active !== 1) {
    await denied('disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  const session = await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    const created = await createSession(trx, config, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await appendAudit(trx, {
      actor: { type: 'user', id: user.id, name: user.username, role: user.role, orgCode: user.org_code },
      action: 'auth.login',
      ip: input.ip,
    });
    return created;
  });
  const principal = await userPrincipal(ctx, user, { id: session.sessionId, csrfToken: session.csrfToken });
  return { principal, cookieValue: session.cookieValue };
}

/** Ends the principal's session. */
export async function logout(ctx: AppContext, principal: Principal, ip: string | null): Promise<void> {
  if (!principal.sessionId) return;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, principal.sessionId!);
    await appendAudit(trx, { actor: actorOf(principal), action: 'auth.logout', ip });
  });
}

/** Changes the signed-in user's own password; other sessions of the user end. */
export async function changePassword(
  ctx: AppContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const row = await ctx.db.kysely
    .selectFrom('users')
    .select(['password_hash', 'username'])
    .where('id', '=', principal.id)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    await recordAudit(ctx.db, {
      actor: actorOf(principal),
      action: 'auth.password_change',
      result: 'denied',
      ip: input.ip,
      details: { reason: 'wrong current password' },
    });
    throw new AppError('INVALID_CREDENTIALS', {
      message: 'The current password is wrong.',
      messageZh: '当前密码错误。',
    });
  }
  assertStrongPassword(input.newPassword, row.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', {
      message: 'The new password must differ from the current one.',
      messageZh: '新密码不能与当前密码相同。',
    });
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now })
      .where('id', '=', principal.id)
      .execute();
    await deleteUserSessions(trx, principal.id, principal.sessionId);
    await appendAudit(trx, { actor: actorOf(principal), action: 'auth.password_change', ip: input.ip });
  });
}

/** The principal behind a session cookie, or why there is none. */
export async function principalFromSession(
  ctx: AppContext,
  cookieValue: string,
): Promise<Principal | 'expired' | undefined> {
  const session = await resolveSession(ctx.db, ctx.config, cookieValue);
  if (session === undefined || session === 'expired') return session;
  const user = await userWithOrg(ctx.db.kysely).where('u.id', '=', session.userId).executeTakeFirst();
  if (!user || user.active !== 1) return undefined;
  return userPrincipal(ctx, user, session);
}

/** A user joined with its organisation: what sign-in and every session need. */
function userWithOrg(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.active',
      'u.must_change_password',
      'o.id as org_id',
      'o.code as org_code',
      'o.name as org_name',
      'o.type as org_type',
    ]);
}

type UserWithOrg = Awaited<ReturnType<ReturnType<typeof userWithOrg>['executeTakeFirstOrThrow']>>;

function userPrincipal(ctx: AppContext, user: UserWithOrg, session: { id: string; csrfToken: string }): Promise<Principal> {
  return buildPrincipal(ctx.db, ctx.tree, {
    kind: 'user',
    id: user.id,
    name: user.username,
    displayName: user.display_name,
    role: user.role,
    org: { id: user.org_id, code: user.org_code, name: user.org_name, type: user.org_type },
    mustChangePassword: user.must_change_password === 1,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  });
}

/**
 * The principal behind a bearer token, or undefined when it is unknown, expired or revoked. Kept
 * for a few seconds per token (see token-principal-cache.ts): department systems send many
 * requests a second, and each would otherwise read the token, its organisation and divisions.
 */
export async function principalFromToken(
  ctx: AppContext,
  secret: string,
  ip: string | null,
): Promise<Principal | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const tokenHash = hashSecret(secret);
  return cachedTokenPrincipal(tokenHash, async () => {
    const token = await resolveApiToken(ctx.db, secret, ip, tokenHash);
    if (!token) return undefined;
    const org = await ctx.db.kysely
      .selectFrom('orgs')
      .select(['id', 'code', 'name', 'type', 'active'])
      .where('id', '=', token.orgId)
      .executeTakeFirst();
    if (!org || org.active !== 1) return undefined;
    const principal = await buildPrincipal(ctx.db, ctx.tree, {
      kind: 'token',
      id: token.id,
      name: token.name,
      displayName: `${org.name} · ${token.name}`,
      role: 'dept_system',
      org: { id: org.id, code: org.code, name: org.name, type: org.type },
    });
    return { principal, expiresAt: token.expiresAt };
  });
}
