import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database, Db } from '../db/index.js';
import { hashSecret, randomSecret } from './secrets.js';

export const SESSION_COOKIE = 'popx_session';
/** Writing last_seen_at on every request would make every read a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
}

/** Starts a session; returns the cookie value (the secret) and the CSRF token. */
export async function createSession(
  trx: Kysely<Database>,
  config: Config,
  input: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ cookieValue: string; csrfToken: string; sessionId: string }> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret(24);
  const now = new Date();
  const sessionId = hashSecret(cookieValue);
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: input.userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000).toISOString(),
      last_seen_at: now.toISOString(),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { cookieValue, csrfToken, sessionId };
}

/**
 * Finds the live session behind a cookie value: not past its absolute expiry and used within
 * the idle timeout. Expired sessions are deleted on sight.
 */
export async function resolveSession(
  db: Db,
  config: Config,
  cookieValue: string,
): Promise<SessionRecord | 'expired' | undefined> {
  const id = hashSecret(cookieValue);
  const row = await db.kysely.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const idleDeadline = Date.parse(row.last_seen_at) + config.sessionIdleMinutes * 60_000;
  if (now > Date.parse(row.expires_at) || now > idleDeadline) {
    await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
    return 'expired';
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return { id, userId: row.user_id, csrfToken: row.csrf_token };
}

/** Ends one session. */
export async function deleteSession(trx: Kysely<Database>, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (password change, disable, role change). */
export async function deleteUserSessions(
  trx: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
