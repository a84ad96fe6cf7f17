import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { Db, PersonTable } from '../../platform/db/index.js';
import { normaliseIdNumber, parseIdNumber } from '../../platform/identity/index.js';
import { LOOKUP_MAX } from '../../registry/index.js';

/** The registry columns a department's person query may need: the shareable facts and the person's id. */
export type SharedPersonRow = Pick<
  PersonTable,
  | 'id'
  | 'id_number'
  | 'name'
  | 'sex'
  | 'birth_date'
  | 'died_on'
  | 'hukou_division'
  | 'residence_division'
  | 'managing_division'
  | 'population'
  | 'marital_status'
  | 'household_number'
  | 'expected_delivery_on'
  | 'contraception_method'
  | 'flags'
>;

const COLUMNS =
  'id, id_number, name, sex, birth_date, died_on, hukou_division, residence_division, managing_division, population, marital_status, household_number, expected_delivery_on, contraception_method, flags';
// No ORDER BY in SQL: with one, the planner may walk the primary key instead of the ID index.
const BY_ID_NUMBER = `select ${COLUMNS} from persons where status = 'active' and id_number = ? limit ${LOOKUP_MAX}`;
const BY_NAME = `select ${COLUMNS} from persons where status = 'active' and name = ? limit ${LOOKUP_MAX}`;
const POSTGRES = { idNumber: BY_ID_NUMBER.replace('?', '$1'), name: BY_NAME.replace('?', '$1') };

const sqliteStatements = new WeakMap<SqliteDatabase.Database, { idNumber: SqliteDatabase.Statement; name: SqliteDatabase.Statement }>();

/**
 * Active persons with exactly this ID number (a 15-digit number is read as its 18-digit form) or
 * exactly this name, by id: the same look-up as the registry's, run as one statement prepared once
 * (SQLite: on Kysely's connection while holding it, so never inside another request's open
 * transaction; PostgreSQL: fixed SQL text, no query building per request). Department systems
 * make it many times a second.
 */
export async function selectSharedPersons(db: Db, by: { idNumber?: string; name?: string }): Promise<SharedPersonRow[]> {
  let key: 'idNumber' | 'name';
  let value: string;
  if (by.idNumber) {
    const raw = normaliseIdNumber(by.idNumber);
    const parsed = parseIdNumber(raw, { today: '9999-12-31' });
    key = 'idNumber';
    value = parsed.ok ? parsed.idNumber : raw;
  } else if (by.name) {
    key = 'name';
    value = by.name.trim();
  } else return [];
  let rows: SharedPersonRow[];
  if (db.sqlite) {
    const sqlite = db.sqlite;
    let statements = sqliteStatements.get(sqlite);
    if (!statements) sqliteStatements.set(sqlite, (statements = { idNumber: sqlite.prepare(BY_ID_NUMBER), name: sqlite.prepare(BY_NAME) }));
    const statement = statements[key];
    rows = await db.kysely.connection().execute(async () => statement.all(value) as SharedPersonRow[]);
  } else {
    rows = (await db.kysely.executeQuery<SharedPersonRow>(CompiledQuery.raw(POSTGRES[key], [value]))).rows;
  }
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}
