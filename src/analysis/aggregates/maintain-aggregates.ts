import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../../platform/db/index.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import {
  addCells,
  type BulkConnection,
  clearAggregates,
  findAggregatesState,
  findPersonFacts,
  findRegistryPosition,
  insertCells,
  insertPersonFacts,
  replacePersonFacts,
  saveAggregatesMeta,
  saveAggregatesPosition,
  lockForBuild,
  type AggregatesMeta,
  type AggregatesState,
} from './analysis-aggregates.repository.js';
import { CellGrid } from './cell-grid.js';
import { addPersonCells, monthOf, type MonthRange } from './person-cells.js';
import { loadPersonFacts, widenToRelatives, type PersonFacts } from './person-facts.queries.js';

/** Years before this one the cells cover (older periods are scanned), and years after (future periods a plan may ask for). */
const YEARS_BACK = 3;
const YEARS_AHEAD = 1;
const PERSONS_PER_PAGE = 5000;
/** A chunk whose changes reach more relatives than this is not updated person by person (see updateAnalysisAggregates). */
const WIDENED_MIN_LIMIT = 20_000;
const WIDENED_FACTOR = 10;

/** The months a build covers by default: January three years ago to December next year. */
export function defaultMonthRange(today = todayInDistrict()): MonthRange {
  const year = Number(today.slice(0, 4));
  return { first: monthOf(`${year - YEARS_BACK}-01-01`), last: monthOf(`${year + YEARS_AHEAD}-12-01`) };
}

/**
 * Computes the cells from the whole registry anew, in the caller's transaction or its own:
 * every person's facts, their contribution at the district, town and village level.
 */
export async function rebuildAnalysisAggregates(db: Kysely<Database>, district: string, range: MonthRange = defaultMonthRange(), bulk: BulkConnection = {}): Promise<{ persons: number; cells: number }> {
  // Read first: a chunk committed while the build reads persons makes the cells look stale, never current.
  const registrySeq = await findRegistryPosition(db);
  await clearAggregates(db);
  const grid = new CellGrid(range);
  let persons = 0;
  for (let after = 0; ; ) {
    const ids = (await sql<{ id: number | string }>`select id from persons where id > ${after} order by id limit ${PERSONS_PER_PAGE}`.execute(db)).rows.map((r) => Number(r.id));
    if (ids.length === 0) break;
    const facts = await loadPersonFacts(db, ids, district);
    for (const f of facts.values()) addPersonCells(f, range, 1, grid.add);
    await insertPersonFacts(db, facts, bulk);
    persons += facts.size;
    after = ids[ids.length - 1]!;
  }
  await insertCells(db, grid, bulk);
  await saveAggregatesMeta(db, { district, ...range, registrySeq });
  return { persons, cells: await countCells(db) };
}

/**
 * Brings the cells in line after a projection chunk changed `personIds` (in the chunk's
 * transaction): each affected person's stored contribution is subtracted and the new one added.
 * Affected are the persons themselves and the relatives whose births they place (children by
 * mother's age, siblings by order). Cells never built stay unbuilt (reports scan) until the end
 * of the projection run builds them (`ensureAnalysisAggregatesOf`); so do cells of a chunk whose
 * relatives are too many to update one by one (a mother named on thousands of births: each
 * chunk would re-rank them all) — the chunk drops them and the run's end builds them once.
 */
export async function updateAnalysisAggregates(trx: Kysely<Database>, district: string, personIds: readonly number[], position: number, bulk: BulkConnection = {}): Promise<void> {
  const state = await findAggregatesState(trx);
  if (!state || state.meta.district !== district) return;
  const { meta } = state;
  // Cells a projection left behind (run without this hook) cannot be patched: drop them, the run's end rebuilds.
  if (meta.registrySeq !== state.cursor) {
    await dropAggregatesMeta(trx);
    return;
  }
  if ((await updateCells(trx, meta, district, personIds, bulk)) && meta.registrySeq !== position) await saveAggregatesPosition(trx, position);
}

/** Patches the cells for the persons; false when it dropped them instead (too many relatives). */
async function updateCells(trx: Kysely<Database>, meta: AggregatesMeta, district: string, personIds: readonly number[], bulk: BulkConnection): Promise<boolean> {
  if (personIds.length === 0) return true;
  const ownOld = await findPersonFacts(trx, personIds);
  const affected = await widenToRelatives(trx, personIds, [...ownOld.values()].flatMap((f) => (f.mo === null ? [] : [f.mo])));
  if (affected.length > Math.max(WIDENED_MIN_LIMIT, WIDENED_FACTOR * personIds.length)) {
    await dropAggregatesMeta(trx);
    return false;
  }
  const asked = new Set(personIds);
  const old = new Map([...ownOld, ...(await findPersonFacts(trx, affected.filter((id) => !asked.has(id))))]);
  const now = await loadPersonFacts(trx, affected, district);
  const grid = new CellGrid(meta);
  const changed: number[] = [];
  for (const id of affected) {
    const before = old.get(id);
    const after = now.get(id);
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
    changed.push(id);
    if (before) addPersonCells(before, meta, -1, grid.add);
    if (after) addPersonCells(after, meta, 1, grid.add);
  }
  if (changed.length === 0) return true;
  await addCells(trx, grid, bulk);
  await replacePersonFacts(trx, changed, new Map(changed.flatMap((id): Array<[number, PersonFacts]> => (now.has(id) ? [[id, now.get(id)!]] : []))), bulk);
  return true;
}

/**
 * The projection hook that keeps the cells (compose it with the other followers of the
 * registry). Given the database, SQLite writes through prepared statements on the
 * transaction's connection (better-sqlite3 has one connection, so the same transaction).
 */
export function analysisChunkHook(district: string, db?: Db): (trx: Kysely<Database>, personIds: readonly number[], position: number) => Promise<void> {
  const bulk: BulkConnection = db?.sqlite ? { sqlite: db.sqlite } : {};
  return (trx, personIds, position) => updateAnalysisAggregates(trx, district, personIds, position, bulk);
}

/**
 * Builds the cells when they are not built (a new database, or dropped by a chunk) or are behind
 * the registry (a projection ran without the hook): after each projection run.
 */
export async function ensureAnalysisAggregatesOf(db: Db, district: string): Promise<void> {
  const current = (state: AggregatesState | null) => state !== null && state.meta.district === district && state.meta.registrySeq === state.cursor;
  if (current(await findAggregatesState(db.kysely))) return;
  // Another process may have built them while this one waited for the lock.
  await buildLocked(db, district, undefined, async (trx) => !current(await findAggregatesState(trx)));
}

async function dropAggregatesMeta(trx: Kysely<Database>): Promise<void> {
  await sql`delete from analysis_meta`.execute(trx);
}

/** Rebuilds in a transaction of its own (after a registry rebuild, or from a benchmark). */
export async function rebuildAnalysisAggregatesOf(db: Db, district: string, range?: MonthRange): Promise<{ persons: number; cells: number }> {
  return (await buildLocked(db, district, range, async () => true))!;
}

/**
 * Builds the cells in a transaction that first takes the registry cursor's lock (the one every
 * projection chunk holds) and, on PostgreSQL, an advisory lock: two builds, or a build and a
 * chunk's upkeep, never interleave — on PostgreSQL the second build's inserts met the rows the
 * first had committed meanwhile. `wanted` is asked once the locks are held.
 */
async function buildLocked(db: Db, district: string, range: MonthRange | undefined, wanted: (trx: Kysely<Database>) => Promise<boolean>): Promise<{ persons: number; cells: number } | null> {
  return db.kysely.transaction().execute(async (trx) => {
    await lockForBuild(trx, db.dialect === 'postgres');
    if (!(await wanted(trx))) return null;
    return rebuildAnalysisAggregates(trx, district, range, { sqlite: db.sqlite, postgresClient: db.postgresClientOf && (() => db.postgresClientOf!(trx)) });
  });
}

export type { AggregatesMeta };

async function countCells(db: Kysely<Database>): Promise<number> {
  const row = (await sql<{ n: number | string }>`select count(*) as n from analysis_cells`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}
