import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { hashSecret, randomSecret } from './secrets.js';

export const TOKEN_PREFIX = 'popx_';
export const TOKEN_MAX_DAYS = 730;
const TOUCH_INTERVAL_MS = 60_000;

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface TokenView {
  id: string;
  name: string;
  orgCode: string;
  orgName: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: TokenStatus;
}

/** Issues a token bound to one organisation; the secret exists only in the return value. */
export async function insertApiToken(
  trx: Kysely<Database>,
  input: { orgId: string; name: string; expiresInDays: number; createdBy: string | null },
): Promise<{ secret: string; id: string }> {
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const id = randomUUID();
  const now = new Date();
  await trx
    .insertInto('api_tokens')
    .values({
      id,
      org_id: input.orgId,
      name: input.name,
      prefix: secret.slice(0, 12),
      token_hash: hashSecret(secret),
      created_by: input.createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
      last_used_ip: null,
    })
    .execute();
  return { secret, id };
}

export function tokenStatus(row: { revoked_at: string | null; expires_at: string }, now = Date.now()): TokenStatus {
  if (row.revoked_at) return 'revoked';
  return Date.parse(row.expires_at) <= now ? 'expired' : 'active';
}

/** Finds the live token behind a bearer secret and records its use (at most once a minute). */
export async function resolveApiToken(
  db: Db,
  secret: string,
  ip: string | null,
  tokenHash = hashSecret(secret),
): Promise<{ id: string; name: string; orgId: string; expiresAt: string } | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const row = await db.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || tokenStatus(row) !== 'active') return undefined;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await db.kysely
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now).toISOString(), last_used_ip: ip })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, name: row.name, orgId: row.org_id, expiresAt: row.expires_at };
}
