import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../platform/db/index.js';
import { copyRowsInto, type CopyValue } from '../../platform/db/postgres-copy.js';
import { SqliteMultiRowInsert } from '../../platform/db/sqlite-multi-row-insert.js';
import type { CellGrid } from './cell-grid.js';
import type { PersonFacts } from './person-facts.queries.js';
import type { MonthRange } from './person-cells.js';

/** The months the cells cover, the district they were built for and the registry cursor (ledger seq) they reflect. */
export interface AggregatesMeta extends MonthRange {
  district: string;
  registrySeq: number;
}

/** The coverage and, beside it, where the registry's cursor stands now. */
export interface AggregatesState {
  meta: AggregatesMeta;
  /** The registry cursor now: the cells are current only when it equals `meta.registrySeq`. */
  cursor: number;
}

const ROWS_PER_INSERT = 500;
const IDS_PER_QUERY = 500;

/** The cells' coverage, or null when they were never built (reports then scan the registry). */
export async function findAggregatesMeta(db: Kysely<Database>): Promise<AggregatesMeta | null> {
  return (await findAggregatesState(db))?.meta ?? null;
}

/** The cells' coverage and the registry cursor, in one read; null when the cells were never built. */
export async function findAggregatesState(db: Kysely<Database>): Promise<AggregatesState | null> {
  const row = (
    await sql<{ district: string; first_month: number | string; last_month: number | string; registry_seq: number | string | null; cursor: number | string | null }>`
      select district, first_month, last_month, registry_seq, (select seq from registry_cursor where name = ${REGISTRY_CURSOR_NAME}) as cursor
      from analysis_meta where id = 1`.execute(db)
  ).rows[0];
  if (!row) return null;
  // Cells without a recorded position (never the case after migration 0040) count as stale.
  return { meta: { district: row.district, first: Number(row.first_month), last: Number(row.last_month), registrySeq: row.registry_seq === null ? -1 : Number(row.registry_seq) }, cursor: Number(row.cursor ?? 0) };
}

/** The registry cursor's name in registry_cursor (the registry's own constant; analysis reads it only). */
const REGISTRY_CURSOR_NAME = 'registry';

/** The advisory lock key of cell builds on PostgreSQL ('POPXCELL' read as hex digits, within a bigint). */
const BUILD_LOCK_KEY = 0x504f5058_43454c4cn;

/**
 * Holds, until the transaction ends, the registry cursor's row (what projection chunks lock; on
 * SQLite this write takes the database's write lock before anything is read) and on PostgreSQL
 * an advisory lock for builds, which also covers a registry never projected (no cursor row).
 */
export async function lockForBuild(trx: Kysely<Database>, postgres: boolean): Promise<void> {
  await sql`update registry_cursor set updated_at = updated_at where name = ${REGISTRY_CURSOR_NAME}`.execute(trx);
  if (postgres) await sql`select pg_advisory_xact_lock(${BUILD_LOCK_KEY.toString()}::bigint)`.execute(trx);
}

/** Where the registry cursor stands (0 before any projection). */
export async function findRegistryPosition(db: Kysely<Database>): Promise<number> {
  const row = (await sql<{ seq: number | string }>`select seq from registry_cursor where name = ${REGISTRY_CURSOR_NAME}`.execute(db)).rows[0];
  return Number(row?.seq ?? 0);
}

/** Records the registry position the cells now reflect (a chunk's hook, in its transaction). */
export async function saveAggregatesPosition(db: Kysely<Database>, registrySeq: number): Promise<void> {
  await sql`update analysis_meta set registry_seq = ${registrySeq} where id = 1`.execute(db);
}

/** Drops every cell, fact and the coverage row. */
export async function clearAggregates(db: Kysely<Database>): Promise<void> {
  await sql`delete from analysis_meta`.execute(db);
  await sql`delete from analysis_cells`.execute(db);
  await sql`delete from analysis_person_facts`.execute(db);
}

export async function saveAggregatesMeta(db: Kysely<Database>, meta: AggregatesMeta): Promise<void> {
  await sql`delete from analysis_meta`.execute(db);
  await sql`insert into analysis_meta (id, district, first_month, last_month, registry_seq, built_at) values (1, ${meta.district}, ${meta.first}, ${meta.last}, ${meta.registrySeq}, ${new Date().toISOString()})`.execute(db);
}

/** The stored facts of the given persons (those that have any). */
export async function findPersonFacts(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, PersonFacts>> {
  const out = new Map<number, PersonFacts>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = (await sql<{ person_id: number | string; facts: string }>`select person_id, facts from analysis_person_facts where person_id in (${sql.join(ids.slice(i, i + IDS_PER_QUERY))})`.execute(db)).rows;
    for (const row of rows) out.set(Number(row.person_id), JSON.parse(row.facts) as PersonFacts);
  }
  return out;
}

/** Replaces the stored facts of `ids`: the ones in `facts` are written, the others removed. */
export async function replacePersonFacts(db: Kysely<Database>, ids: readonly number[], facts: ReadonlyMap<number, PersonFacts>, bulk: BulkConnection = {}): Promise<void> {
  if (bulk.sqlite) {
    const remove = bulk.sqlite.prepare('delete from analysis_person_facts where person_id = ?');
    for (const id of ids) remove.run(id);
    await insertPersonFacts(db, facts, { sqlite: bulk.sqlite });
    return;
  }
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) await sql`delete from analysis_person_facts where person_id in (${sql.join(ids.slice(i, i + IDS_PER_QUERY))})`.execute(db);
  await insertPersonFacts(db, facts);
}

/**
 * The connection under the caller's transaction, for bulk writes of a rebuild: SQLite's prepared
 * statements or PostgreSQL's COPY (the statements Kysely builds cost more than the writing).
 */
export interface BulkConnection {
  sqlite?: SqliteDatabase.Database;
  postgresClient?: () => Promise<pg.PoolClient>;
}

async function bulkInsert(bulk: BulkConnection, table: string, columns: readonly string[], rows: Iterable<CopyValue[]>): Promise<boolean> {
  if (bulk.sqlite) {
    new SqliteMultiRowInsert(bulk.sqlite, table, columns).insert(rows);
    return true;
  }
  if (bulk.postgresClient) {
    const client = await bulk.postgresClient();
    let batch: CopyValue[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= 100_000) {
        await copyRowsInto(client, table, columns, batch);
        batch = [];
      }
    }
    await copyRowsInto(client, table, columns, batch);
    return true;
  }
  return false;
}

/** Writes facts of persons that have none stored (a rebuild). */
export async function insertPersonFacts(db: Kysely<Database>, facts: ReadonlyMap<number, PersonFacts>, bulk: BulkConnection = {}): Promise<void> {
  if (await bulkInsert(bulk, 'analysis_person_facts', ['person_id', 'facts'], (function* () { for (const [id, f] of facts) yield [id, JSON.stringify(f)]; })())) return;
  let rows: ReturnType<typeof sql>[] = [];
  const flush = async () => {
    if (rows.length > 0) await sql`insert into analysis_person_facts (person_id, facts) values ${sql.join(rows)}`.execute(db);
    rows = [];
  };
  for (const [id, f] of facts) {
    rows.push(sql`(${id}, ${JSON.stringify(f)})`);
    if (rows.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
}

/** Adds the grid's cells to the stored ones (a missing cell counts as 0); cells that come to 0 are removed. */
export async function addCells(db: Kysely<Database>, grid: CellGrid, bulk: BulkConnection = {}): Promise<void> {
  if (bulk.sqlite) {
    // Prepared statements on the transaction's own connection: building each statement cost more than running it.
    const upsert = bulk.sqlite.prepare('insert into analysis_cells (area, month, kind, value) values (?, ?, ?, ?) on conflict (area, month, kind) do update set value = analysis_cells.value + excluded.value');
    const prune = bulk.sqlite.prepare('delete from analysis_cells where area = ? and month = ? and kind = ? and value = 0');
    for (const { area, month, kind, value } of grid.cells()) {
      upsert.run(area, month, kind, value);
      prune.run(area, month, kind);
    }
    return;
  }
  let rows: ReturnType<typeof sql>[] = [];
  const areas = new Set<string>();
  const flush = async () => {
    if (rows.length > 0)
      await sql`insert into analysis_cells (area, month, kind, value) values ${sql.join(rows)}
        on conflict (area, month, kind) do update set value = analysis_cells.value + excluded.value`.execute(db);
    rows = [];
  };
  for (const { area, month, kind, value } of grid.cells()) {
    areas.add(area);
    rows.push(sql`(${area}, ${month}, ${kind}, ${value})`);
    if (rows.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  const list = [...areas];
  for (let i = 0; i < list.length; i += IDS_PER_QUERY) await sql`delete from analysis_cells where value = 0 and area in (${sql.join(list.slice(i, i + IDS_PER_QUERY))})`.execute(db);
}

/** Writes the grid's cells into an empty table (a rebuild). */
export async function insertCells(db: Kysely<Database>, grid: CellGrid, bulk: BulkConnection = {}): Promise<void> {
  if (await bulkInsert(bulk, 'analysis_cells', ['area', 'month', 'kind', 'value'], (function* () { for (const c of grid.cells()) yield [c.area, c.month, c.kind, c.value]; })())) return;
  let rows: ReturnType<typeof sql>[] = [];
  const flush = async () => {
    if (rows.length > 0) await sql`insert into analysis_cells (area, month, kind, value) values ${sql.join(rows)}`.execute(db);
    rows = [];
  };
  for (const { area, month, kind, value } of grid.cells()) {
    rows.push(sql`(${area}, ${month}, ${kind}, ${value})`);
    if (rows.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
}

/** The cells of one area from the first month to `lastMonth`. */
export async function findAreaCells(db: Kysely<Database>, area: string, lastMonth: number): Promise<Array<{ month: number; kind: number; value: number }>> {
  const rows = (await sql<{ month: number | string; kind: number | string; value: number | string }>`select month, kind, value from analysis_cells where area = ${area} and month <= ${lastMonth}`.execute(db)).rows;
  return rows.map((r) => ({ month: Number(r.month), kind: Number(r.kind), value: Number(r.value) }));
}

const areasCellsStatements = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();

const AREAS_CELLS_SQL = (list: string) => `select area, ? as month, kind, sum(value) as value from analysis_cells where area in ${list} and month < ? group by area, kind
  union all select area, month, kind, value from analysis_cells where area in ${list} and month >= ? and month <= ?`;

/**
 * The cells of several areas (a dashboard's area and the areas below it) from `fold` to
 * `lastMonth`, by area, in one query; the months before `fold` summed per kind into one row of
 * month `fold − 1` (the running sums a report starts from: what came before its first month
 * matters only as that). On SQLite one prepared statement returning rows as arrays (the rows are
 * most of a dashboard's cost).
 */
export async function findAreasCells(
  db: Kysely<Database>,
  areas: readonly string[],
  fold: number,
  lastMonth: number,
  sqlite?: SqliteDatabase.Database,
): Promise<Map<string, Array<{ month: number; kind: number; value: number }>>> {
  const out = new Map(areas.map((area) => [area, [] as Array<{ month: number; kind: number; value: number }>]));
  if (areas.length === 0) return out;
  if (sqlite) {
    let statement = areasCellsStatements.get(sqlite);
    if (!statement) {
      statement = sqlite.prepare(AREAS_CELLS_SQL('(select value from json_each(?))')).raw(true);
      areasCellsStatements.set(sqlite, statement);
    }
    const list = JSON.stringify(areas);
    for (const [area, month, kind, value] of statement.all(fold - 1, list, fold, list, fold, lastMonth) as Array<[string, number, number, number]>) out.get(area)!.push({ month, kind, value });
    return out;
  }
  const list = sql.join(areas);
  const rows = (
    await sql<{ area: string; month: number | string; kind: number | string; value: number | string }>`select area, ${fold - 1} as month, kind, sum(value) as value from analysis_cells where area in (${list}) and month < ${fold} group by area, kind
      union all select area, month, kind, value from analysis_cells where area in (${list}) and month >= ${fold} and month <= ${lastMonth}`.execute(db)
  ).rows;
  for (const r of rows) out.get(r.area)!.push({ month: Number(r.month), kind: Number(r.kind), value: Number(r.value) });
  return out;
}

/** Every stored cell, in key order (tests compare a rebuild with incremental upkeep). */
export async function findAllCells(db: Kysely<Database>): Promise<Array<{ area: string; month: number; kind: number; value: number }>> {
  const rows = (await sql<{ area: string; month: number | string; kind: number | string; value: number | string }>`select area, month, kind, value from analysis_cells where value <> 0 order by area, month, kind`.execute(db)).rows;
  return rows.map((r) => ({ area: r.area, month: Number(r.month), kind: Number(r.kind), value: Number(r.value) }));
}
