import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROWS_PER_STATEMENT, SqliteMultiRowInsert } from './sqlite-multi-row-insert.js';

describe('SqliteMultiRowInsert', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('create table t (k integer primary key, v text)');
    return sqlite;
  };
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => [from + i, `v${from + i}`]);

  it.each([0, 1, ROWS_PER_STATEMENT - 1, ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 1, 3 * ROWS_PER_STATEMENT + 5])('writes %i rows, each once and as given', (n) => {
    const sqlite = open();
    new SqliteMultiRowInsert(sqlite, 't', ['k', 'v']).insert(rows(n));
    expect(sqlite.prepare('select k, v from t order by k').raw().all()).toEqual(rows(n));
  });

  it('keeps a conflict clause on both statements', () => {
    const sqlite = open();
    const insert = new SqliteMultiRowInsert(sqlite, 't', ['k', 'v'], ' on conflict (k) do nothing');
    insert.insert(rows(40));
    insert.insert(rows(40, 20));
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(60);
    expect(sqlite.prepare('select v from t where k = 30').pluck().get()).toBe('v30');
  });

  it('starts each batch empty after one that failed half-way', () => {
    const sqlite = open();
    const insert = new SqliteMultiRowInsert(sqlite, 't', ['k', 'v']);
    const failed = insert.batch();
    for (const row of rows(5)) failed.add(row);
    expect(() => {
      for (const row of rows(ROWS_PER_STATEMENT)) failed.add(row);
    }).toThrow(/UNIQUE/);
    sqlite.exec('delete from t');
    insert.insert(rows(3, 100));
    expect(sqlite.prepare('select k from t order by k').pluck().all()).toEqual([100, 101, 102]);
  });
});
