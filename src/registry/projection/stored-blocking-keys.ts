import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { Golden } from '../persons/survivorship.js';
import { storedKeysToDelete } from './blocking-keys.repository.js';
import { idSignature, linkKeyHashes, linkRecordOfGolden } from './person-link-record.js';

/** The stored blocking keys of persons, to delete: those of their stored golden record (what the projection wrote). */
export async function storedBlockingKeys(trx: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, number[]>> {
  const keys = new Map<number, number[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await trx.selectFrom('persons').select(['id', 'golden']).where('id', 'in', personIds.slice(i, i + 500)).execute();
    for (const r of rows) {
      const golden = JSON.parse(r.golden) as Golden;
      keys.set(Number(r.id), storedKeysToDelete(linkKeyHashes(linkRecordOfGolden(Number(r.id), golden)), idSignature(golden.id_number?.v)));
    }
  }
  return keys;
}
