import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of the previous entry's hash joined with this entry's canonical body. */
export function chainHash(prevHash: string, canonicalBody: string): string {
  // One-shot hash: creating a Hash object per entry cost more than hashing a short body.
  return hash('sha256', `${prevHash}\n${canonicalBody}`, 'hex');
}

/**
 * Takes the write lock on a chain's head inside the caller's transaction and returns it.
 * The no-op UPDATE comes first so that SQLite takes its write lock before reading (no
 * deferred-upgrade deadlock between processes) and PostgreSQL locks the row until commit:
 * appends to one chain are therefore serialised in commit order.
 */
export async function lockChainHead(
  trx: Kysely<Database>,
  name: string,
): Promise<{ seq: number; hash: string }> {
  const lock = () =>
    trx
      .updateTable('chain_heads')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('name', '=', name)
      .executeTakeFirst();
  if (Number((await lock()).numUpdatedRows) === 0) {
    await trx
      .insertInto('chain_heads')
      .values({ name, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    // An insert that found the row created meanwhile by a concurrent first append took no lock
    // on it: lock it now, or both transactions would number their entries from the same head.
    await lock();
  }
  const head = await trx
    .selectFrom('chain_heads')
    .select(['seq', 'hash'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Moves a chain's head after appending entries up to `seq`. */
export async function advanceChainHead(
  trx: Kysely<Database>,
  name: string,
  seq: number,
  hash: string,
): Promise<void> {
  await trx.updateTable('chain_heads').set({ seq, hash }).where('name', '=', name).execute();
}
