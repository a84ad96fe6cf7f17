import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  url: string;
  /** For SQLite: the file path (or ':memory:'). */
  sqlitePath?: string;
  /**
   * For SQLite: the connection Kysely runs on, for the few hot paths that need prepared
   * statements (ledger appends); they run inside Kysely's open transaction on this connection.
   */
  sqlite?: SqliteDatabase.Database;
  /**
   * For PostgreSQL: the pg client a Kysely transaction runs on, for bulk appends with COPY inside
   * that transaction (Kysely has no COPY). Use it only between awaited Kysely calls on `trx`.
   */
  postgresClientOf?: (trx: Kysely<Database>) => Promise<pg.PoolClient>;
  close(): Promise<void>;
}

// int8 (COUNT(*), BIGINT sequences) arrives from pg as a string; our values stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** Tells the dialect of a DATABASE_URL, or throws a readable error for anything else. */
export function dialectOf(url: string): Dialect {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`,
  );
}

/** Path of an sqlite: URL, relative paths resolved against the working directory. */
export function sqlitePathOf(url: string): string {
  const raw = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (raw === ':memory:') return raw;
  return path.resolve(raw);
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests isolate themselves with it. */
  pgSchema?: string;
  pgPoolSize?: number;
}

/** Opens a database by URL: SQLite (WAL, foreign keys on) or PostgreSQL. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') return openSqlite(url);
  return openPostgres(url, options);
}

function openSqlite(url: string): Db {
  const file = sqlitePathOf(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // 64 MiB of page cache: large imports touch many index pages (measured in docs/PERFORMANCE.md).
  database.pragma('cache_size = -65536');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    kysely,
    dialect: 'sqlite',
    url,
    sqlitePath: file,
    sqlite: database,
    close: () => kysely.destroy(),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    options: schema ? `-c search_path=${schema}` : undefined,
    connectionTimeoutMillis: 10_000,
  });
  // Each pooled client by its server process id, so a transaction's client can be found.
  const clients = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as pg.PoolClient & { processID: number | null }).processID;
    if (pid !== null) clients.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = (client as pg.PoolClient & { processID: number | null }).processID;
    if (pid !== null) clients.delete(pid);
  });
  // Fail now with a clear message rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const postgresClientOf = async (trx: Kysely<Database>): Promise<pg.PoolClient> => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    const client = clients.get(Number(rows[0]?.pid));
    if (!client) throw new Error('the transaction’s PostgreSQL connection is not one of this pool’s');
    return client;
  };
  return { kysely, dialect: 'postgres', url, postgresClientOf, close: () => kysely.destroy() };
}

/** Round-trips a trivial query; used by /readyz and the health page. */
export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await sql`select 1`.execute(db.kysely);
  return performance.now() - started;
}
