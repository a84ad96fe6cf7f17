import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { copyRowsInto, SqliteMultiRowInsert, type CopyValue, type Database, type PersonBlockingKeyTable, type PersonRecordTable, type PersonRelationTable, type PersonTable } from '../../platform/db/index.js';
import { insertBlockingKeys } from './blocking-keys.repository.js';
import { insertRows } from './registry.repository.js';

/**
 * How a chunk appends persons, links, relations and key rows. On SQLite through statements
 * prepared once per connection, as the ledger writer does (building each batch as a Kysely query
 * — compiling 500 rows of parameters, then preparing the statement anew — cost more than
 * SQLite's own work); on PostgreSQL persons, links and relations by COPY on the transaction's
 * connection, key rows (which may meet a row already there) by multi-row INSERT.
 */
export interface RegistryAppends {
  persons(rows: readonly PersonTable[]): Promise<void>;
  records(rows: readonly PersonRecordTable[]): Promise<void>;
  relations(rows: readonly PersonRelationTable[]): Promise<void>;
  /** Key rows (stored form); a row already there stays. */
  keys(rows: readonly PersonBlockingKeyTable[]): Promise<void>;
}

/** The connection the projection's transaction runs on, when the caller can lend it. */
export interface AppendConnection {
  sqlite?: SqliteDatabase.Database;
  /** The transaction's PostgreSQL client (for COPY). */
  postgresClient?: () => Promise<pg.ClientBase>;
}

export function registryAppends(trx: Kysely<Database>, connection: AppendConnection): RegistryAppends {
  if (connection.sqlite) return sqliteAppends(connection.sqlite);
  const kysely: RegistryAppends = {
    persons: (rows) => insertRows(trx, 'persons', rows),
    records: (rows) => insertRows(trx, 'person_records', rows),
    relations: (rows) => insertRows(trx, 'person_relations', rows),
    keys: (rows) => insertBlockingKeys(trx, rows),
  };
  const clientOf = connection.postgresClient;
  if (!clientOf) return kysely;
  let client: Promise<pg.ClientBase> | undefined;
  const copy =
    <T>(table: string, columns: Columns<T>) =>
    async (rows: readonly T[]) => {
      if (rows.length > 0) await copyRowsInto(await (client ??= clientOf()), table, columns, rows.map((row) => columns.map((c) => row[c] as CopyValue)));
    };
  return { ...kysely, persons: copy('persons', PERSON_COLUMNS), records: copy('person_records', RECORD_COLUMNS), relations: copy('person_relations', RELATION_COLUMNS) };
}

/** Every column, so that a column added to a table without being added here fails to compile. */
type Columns<T> = readonly (keyof T & string)[];
type Complete<T, C extends Columns<T>> = [Exclude<keyof T, C[number]>] extends [never] ? C : never;
const complete = <T>() => <const C extends Columns<T>>(columns: Complete<T, C>): C => columns;

const PERSON_COLUMNS = complete<PersonTable>()([
  'id',
  'status',
  'merged_into',
  'id_number',
  'name',
  'name_key',
  'sex',
  'birth_date',
  'died_on',
  'hukou_division',
  'residence_division',
  'managing_division',
  'population',
  'marital_status',
  'expected_delivery_on',
  'contraception_method',
  'household_number',
  'flags',
  'golden',
  'created_seq',
  'updated_seq',
]);
const RECORD_COLUMNS = complete<PersonRecordTable>()(['seq', 'role', 'person_id', 'org_code', 'type', 'record_id', 'method', 'score']);
const RELATION_COLUMNS = complete<PersonRelationTable>()(['seq', 'person_id', 'kind', 'other_id', 'since', 'until']);
const KEY_COLUMNS = complete<PersonBlockingKeyTable>()(['key', 'person_id', 'id_sig']);

const prepared = new WeakMap<SqliteDatabase.Database, RegistryAppends>();

function sqliteAppends(sqlite: SqliteDatabase.Database): RegistryAppends {
  let appends = prepared.get(sqlite);
  if (!appends) {
    appends = {
      persons: inserter(sqlite, 'persons', PERSON_COLUMNS),
      records: inserter(sqlite, 'person_records', RECORD_COLUMNS),
      relations: inserter(sqlite, 'person_relations', RELATION_COLUMNS),
      keys: inserter(sqlite, 'person_blocking_keys', KEY_COLUMNS, ' on conflict (key, person_id) do nothing'),
    };
    prepared.set(sqlite, appends);
  }
  return appends;
}

function inserter<T>(sqlite: SqliteDatabase.Database, table: string, columns: Columns<T>, conflict = ''): (rows: readonly T[]) => Promise<void> {
  const insert = new SqliteMultiRowInsert(sqlite, table, columns, conflict);
  const values = new Array<unknown>(columns.length);
  return async (rows) => {
    const batch = insert.batch();
    for (const row of rows) {
      for (let i = 0; i < columns.length; i += 1) values[i] = row[columns[i]!];
      batch.add(values);
    }
    batch.finish();
  };
}
