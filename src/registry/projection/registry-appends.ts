import type SqliteDatabase from 'better-sqlite3';
import type { PersonBlockingKeyTable, PersonRecordTable, PersonRelationTable, PersonTable } from '../../platform/db/index.js';

/**
 * The projection's appends on SQLite through statements prepared once per connection, as the
 * ledger writer does: building each batch as a Kysely query (compiling 500 rows of parameters,
 * then preparing the statement anew) cost more than SQLite's own work. `sqlite` is the
 * connection the projection's transaction runs on.
 */
export interface SqliteAppends {
  persons(rows: readonly PersonTable[]): void;
  records(rows: readonly PersonRecordTable[]): void;
  relations(rows: readonly PersonRelationTable[]): void;
  /** Key rows (stored form); a row already there stays. */
  keys(rows: readonly PersonBlockingKeyTable[]): void;
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

const prepared = new WeakMap<SqliteDatabase.Database, SqliteAppends>();

export function sqliteAppends(sqlite: SqliteDatabase.Database): SqliteAppends {
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

function inserter<T>(sqlite: SqliteDatabase.Database, table: string, columns: Columns<T>, conflict = ''): (rows: readonly T[]) => void {
  const statement = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})${conflict}`);
  const values = new Array<unknown>(columns.length);
  return (rows) => {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i += 1) values[i] = row[columns[i]!];
      statement.run(values);
    }
  };
}
