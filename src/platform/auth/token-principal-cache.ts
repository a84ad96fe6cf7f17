import type { Principal } from './principal.js';

/**
 * How long a bearer token's principal is reused without reading the token, its organisation and
 * its divisions again. A department system sends many requests a second with one token; a
 * revocation or an organisation change made by this process drops every entry at once, one made
 * by another process (`popx token revoke` beside a running server) is seen within this time.
 */
export const TOKEN_PRINCIPAL_CACHE_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  expires: number;
}

const entries = new Map<string, Entry>();
/** Bumped by every forget: a load that started before it must not store what it read. */
let generation = 0;

/** The cached principal of a token (by the SHA-256 of its secret), loading it when absent or stale. */
export async function cachedTokenPrincipal(
  tokenHash: string,
  load: () => Promise<{ principal: Principal; expiresAt: string } | undefined>,
): Promise<Principal | undefined> {
  const now = Date.now();
  const hit = entries.get(tokenHash);
  if (hit && hit.expires > now) return hit.principal;
  const startedAt = generation;
  const loaded = await load();
  if (!loaded) {
    entries.delete(tokenHash);
    return undefined;
  }
  if (startedAt === generation) {
    if (entries.size >= CACHE_MAX_ENTRIES) entries.clear();
    // Never past the token's own expiry.
    entries.set(tokenHash, { principal: loaded.principal, expires: Math.min(now + TOKEN_PRINCIPAL_CACHE_MS, Date.parse(loaded.expiresAt)) });
  }
  return loaded.principal;
}

/** Drops every cached token principal (a token revoked, an organisation changed). */
export function forgetTokenPrincipals(): void {
  generation += 1;
  entries.clear();
}
