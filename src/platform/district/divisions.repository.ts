import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { DistrictProfile, DivisionRow } from './district-file.js';

const INSERT_BATCH = 200;

/** Writes a district profile's divisions and records its provenance in settings. */
export async function insertDistrictProfile(trx: Kysely<Database>, profile: DistrictProfile): Promise<void> {
  for (let i = 0; i < profile.divisions.length; i += INSERT_BATCH) {
    const batch = profile.divisions.slice(i, i + INSERT_BATCH).map((row) => ({
      code: row.code,
      name: row.name,
      level: row.level,
      parent_code: row.parent,
      kind: row.kind,
    }));
    await trx.insertInto('divisions').values(batch).execute();
  }
  await trx
    .insertInto('settings')
    .values([
      { key: 'district.code', value: profile.code },
      { key: 'district.name', value: profile.name },
      { key: 'district.provenance', value: JSON.stringify(profile.provenance) },
    ])
    .execute();
}

/** All divisions of the district profile, ordered by code. */
export async function listDivisions(db: Db | Kysely<Database>): Promise<DivisionRow[]> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const rows = await kysely.selectFrom('divisions').selectAll().orderBy('code').execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    parent: row.parent_code,
    level: row.level,
    kind: row.kind,
  }));
}

/** True once a district profile has been loaded. */
export async function hasDistrictProfile(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('divisions').select('code').limit(1).executeTakeFirst();
  return row !== undefined;
}
