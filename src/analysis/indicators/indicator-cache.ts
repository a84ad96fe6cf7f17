import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';

/** Reports kept per database; a dashboard asks the same few periods and areas again and again. */
const ENTRIES_MAX = 64;
const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * What the registry's indicators depend on, as one string: the ledger head, the projection
 * cursor (and when it last moved) and the reviewers' link decisions. Any new record, projection
 * or decision changes it, so a cached report is never stale.
 */
export async function findDataVersion(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ ledger: number | null; cursor: string | null; decisions: string | null }>`
    select (select max(seq) from ledger) as ledger,
      (select max(seq || '@' || updated_at) from registry_cursor) as cursor,
      (select count(*) || '@' || coalesce(max(decided_at), '') || '@' || coalesce(max(revoked_at), '') from link_decisions) as decisions`.execute(db);
  const row = result.rows[0];
  return `${row?.ledger ?? 0}|${row?.cursor ?? ''}|${row?.decisions ?? ''}`;
}

/** The cached value for `key` under `owner` (the database), or the one `compute` makes and keeps. */
export async function cachedReport<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    // Most recently used last, so the oldest is the first to go.
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = await compute();
  cache.set(key, value);
  if (cache.size > ENTRIES_MAX) cache.delete(cache.keys().next().value!);
  return value;
}
