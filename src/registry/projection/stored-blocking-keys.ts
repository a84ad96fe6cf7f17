import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { Golden } from '../persons/survivorship.js';
import { linkKeyHashes, linkRecordOfGolden } from './person-link-record.js';

/** The blocking keys stored for persons: those of their stored golden record (what the projection wrote). */
export async function storedBlockingKeys(trx: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, number[]>> {
  const keys = new Map<number, number[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await trx.selectFrom('persons').select(['id', 'golden']).where('id', 'in', personIds.slice(i, i + 500)).execute();
    for (const r of rows) keys.set(Number(r.id), linkKeyHashes(linkRecordOfGolden(Number(r.id), JSON.parse(r.golden) as Golden)));
  }
  return keys;
}
