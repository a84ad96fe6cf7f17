import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorOf } from '../audit/actor.js';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { assertStrongPassword, generatePassword, hashPassword } from '../auth/passwords.js';
import type { Principal } from '../auth/principal.js';
import { isRole, USER_ROLES } from '../auth/roles.js';
import { deleteUserSessions } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { findUserById, findUserByUsername, findUsers, type UserView } from './users.repository.js';

export const USERNAME_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9._-]{1,39}$';

export interface UserInput {
  username: string;
  displayName?: string;
  role: string;
  orgCode: string;
  password?: string;
  /** Users made by an administrator must choose their own password at first sign-in. */
  mustChangePassword: boolean;
}

export interface UserPatch {
  displayName?: string;
  role?: string;
  orgCode?: string;
  active?: boolean;
  unlock?: boolean;
}

export function listUsers(
  ctx: AppContext,
  filter: { q?: string; role?: string; org?: string; page: number; pageSize: number },
): Promise<{ items: UserView[]; total: number }> {
  return findUsers(ctx.db.kysely, {
    q: filter.q,
    role: filter.role,
    org: filter.org,
    offset: (filter.page - 1) * filter.pageSize,
    limit: filter.pageSize,
  });
}

/** Creates a user; returns the generated password when none was given (shown once). */
export async function createUser(
  ctx: AppContext,
  actor: Principal | AuditActor,
  input: UserInput,
): Promise<{ user: UserView; initialPassword?: string }> {
  assertUserRole(input.role);
  const generated = input.password ? undefined : generatePassword();
  const password = input.password ?? generated!;
  assertStrongPassword(password, input.username);
  const passwordHash = await hashPassword(password);
  const user = await ctx.db.kysely.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('USER_EXISTS', { details: { username: input.username } });
    }
    const orgId = await requireOrgId(trx, input.orgCode);
    const now = new Date().toISOString();
    const id = randomUUID();
    await trx
      .insertInto('users')
      .values({
        id,
        username: input.username,
        display_name: input.displayName?.trim() || input.username,
        role: input.role,
        org_id: orgId,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword || generated ? 1 : 0,
        active: 1,
        failed_attempts: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: 'permissions' in actor ? actorOf(actor) : actor,
      action: 'user.create',
      targetType: 'user',
      targetIds: [input.username],
      details: { role: input.role, org: input.orgCode },
    });
    return (await findUserById(trx, id))!;
  });
  return generated ? { user, initialPassword: generated } : { user };
}

/** Changes a user's role, organisation, display name, active flag, or clears a lockout. */
export async function updateUser(ctx: AppContext, principal: Principal, id: string, patch: UserPatch): Promise<UserView> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw new AppError('NOT_FOUND', { details: { user: id } });
    const changes: Partial<Database['users']> = { updated_at: new Date().toISOString() };
    if (patch.displayName !== undefined) changes.display_name = patch.displayName.trim() || user.username;
    if (patch.role !== undefined) {
      assertUserRole(patch.role);
      changes.role = patch.role;
    }
    if (patch.orgCode !== undefined) changes.org_id = await requireOrgId(trx, patch.orgCode);
    if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
    if (patch.unlock) {
      changes.failed_attempts = 0;
      changes.locked_until = null;
    }
    if (user.id === principal.id && (patch.active === false || (patch.role && patch.role !== user.role))) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'you cannot disable your own account or change your own role',
        messageZh: '不能停用自己的账号或修改自己的角色',
      });
    }
    await trx.updateTable('users').set(changes).where('id', '=', id).execute();
    // A change of who someone is or what they may do takes effect now, not at next sign-in.
    if (patch.active === false || patch.role !== undefined || patch.orgCode !== undefined) {
      await deleteUserSessions(trx, id);
    }
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'user.update',
      targetType: 'user',
      targetIds: [user.username],
      details: { changes: patch as Record<string, unknown> },
    });
    return (await findUserById(trx, id))!;
  });
}

/** Sets a new random password the user must change at next sign-in; returns it once. */
export async function resetUserPassword(ctx: AppContext, principal: Principal, id: string): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw new AppError('NOT_FOUND', { details: { user: id } });
    const now = new Date().toISOString();
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        password_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(trx, id);
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'user.reset_password',
      targetType: 'user',
      targetIds: [user.username],
    });
  });
  return password;
}

function assertUserRole(role: string): void {
  if (!isRole(role) || !USER_ROLES.includes(role)) {
    throw new AppError('VALIDATION_FAILED', {
      message: `unknown role "${role}"; one of ${USER_ROLES.join(', ')}`,
      messageZh: `角色“${role}”不存在`,
      details: { field: 'role', allowed: USER_ROLES },
    });
  }
}

async function requireOrgId(trx: Kysely<Database>, code: string): Promise<string> {
  const org = await trx.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirst();
  if (!org) throw new AppError('UNKNOWN_ORG', { details: { orgCode: code } });
  return org.id;
}
