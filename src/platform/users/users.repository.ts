import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgCode: string;
  orgName: string;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.active',
      'u.locked_until',
      'u.last_login_at',
      'u.must_change_password',
      'u.created_at',
      'o.code as org_code',
      'o.name as org_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toView(row: Row): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgCode: row.org_code,
    orgName: row.org_name,
    active: row.active === 1,
    lockedUntil: row.locked_until && Date.parse(row.locked_until) > Date.now() ? row.locked_until : null,
    lastLoginAt: row.last_login_at,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export interface UserFilter {
  q?: string;
  role?: string;
  org?: string;
  offset: number;
  limit: number;
}

/** A page of users and the total matching the filter. */
export async function findUsers(db: Kysely<Database>, filter: UserFilter): Promise<{ items: UserView[]; total: number }> {
  const filtered = () => {
    let q = baseQuery(db);
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['u.username']), 'like', sql<string>`${like} escape '\\'`),
          eb('u.display_name', 'like', sql<string>`${like} escape '\\'`),
        ]),
      );
    }
    if (filter.role) q = q.where('u.role', '=', filter.role);
    if (filter.org) q = q.where('o.code', '=', filter.org);
    return q;
  };
  const rows = await filtered().orderBy('u.username').offset(filter.offset).limit(filter.limit).execute();
  const count = await filtered()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toView), total: Number(count.n) };
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserView | undefined> {
  const row = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserView | undefined> {
  const row = await baseQuery(db).where('u.username', '=', username).executeTakeFirst();
  return row ? toView(row) : undefined;
}
