/** Baseline: how fast plain better-sqlite3 stores person + event pairs on this machine. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BenchContext, type Figure, type Suite, withBaseline } from '../lib/figure.js';
import { describeMeasurement, measure, perSecond, Stopwatch } from '../lib/measure.js';
import { type IdOrder, PAIRS_PER_BATCH, generatePairRows, type PairRow } from '../lib/pair-rows.js';
import { formatMiB, trackPeakRss } from '../lib/peak-rss.js';

export const SQLITE_RAW_INSERT = 'sqlite-raw-insert';
/** The figure later SQLite ingestion figures divide by (look it up with its size). */
export const SQLITE_INSERT_FIGURE = 'insert pairs';

const SCHEMA_SQL = `
  create table person (
    id_number text primary key, name text not null, sex text not null,
    birth_date text not null, division text not null);
  create table event (
    seq integer primary key, type text not null, record_id text not null,
    person_id text not null, payload text not null);`;

interface SizePlan {
  pairs: number;
  warmup: number;
  repeats: number;
}

/** Pair counts per run: the brief's 100k and 1M, or small ones for a smoke run. */
export function sqliteInsertPlan(quick: boolean): SizePlan[] {
  return quick
    ? [
        { pairs: 10_000, warmup: 1, repeats: 3 },
        { pairs: 50_000, warmup: 0, repeats: 2 },
      ]
    : [
        { pairs: 100_000, warmup: 1, repeats: 5 },
        { pairs: 1_000_000, warmup: 0, repeats: 3 },
      ];
}

export const sqliteRawInsertSuite: Suite = {
  name: SQLITE_RAW_INSERT,
  description:
    'Plain better-sqlite3 inserting a person row plus an event row (JSON payload ≈ 300 bytes) per ' +
    'pair: prepared statements, one transaction per 10,000 pairs, WAL, synchronous=NORMAL, a fresh ' +
    'temp file per run. ID numbers arrive in random key order, as from departments; rows of each ' +
    'batch are generated off the clock. The yardstick for SQLite ingestion.',
  async run(ctx) {
    const plans = sqliteInsertPlan(ctx.quick);
    const figures: Figure[] = [];
    let first: Figure | undefined;
    let latest: Figure | undefined;
    for (const plan of plans) {
      latest = await measureInsert(ctx, plan, 'random');
      const ratioMeaning = `throughput at ${count(plan.pairs)} ÷ at ${count(first?.size ?? 0)} pairs (1.00 = no slow-down as tables grow)`;
      figures.push(ctx.emit(first ? withBaseline(latest, first, ratioMeaning) : latest));
      first ??= latest;
    }
    const last = plans[plans.length - 1];
    if (last && latest) {
      const keyOrder = await measureInsert(ctx, { ...last, warmup: 0, repeats: ctx.quick ? 1 : 2 }, 'key');
      const meaning = 'IDs in key order ÷ in random order at the same size (>1: appending to the key index is cheaper)';
      figures.push(ctx.emit(withBaseline(keyOrder, latest, meaning)));
    }
    return figures;
  },
};

async function measureInsert(ctx: BenchContext, plan: SizePlan, idOrder: IdOrder): Promise<Figure> {
  ctx.log(`${SQLITE_RAW_INSERT}: ${plan.pairs} pairs, IDs in ${idOrder} order, × ${plan.repeats} runs`);
  let peakRss = 0;
  let fileBytes = 0;
  const m = await measure(
    (db: Database.Database) => {
      const tracker = trackPeakRss();
      const elapsedMs = insertPairs(db, plan.pairs, idOrder, tracker.sample);
      peakRss = Math.max(peakRss, tracker.stop());
      return elapsedMs;
    },
    {
      warmup: plan.warmup,
      repeats: plan.repeats,
      before: () => openFreshDatabase(path.join(ctx.tmpDir, `sqlite-raw-${plan.pairs}.db`)),
      after: (db) => {
        fileBytes = closeAndRemove(db);
      },
    },
  );
  return {
    suite: SQLITE_RAW_INSERT,
    name: idOrder === 'random' ? SQLITE_INSERT_FIGURE : `${SQLITE_INSERT_FIGURE}, IDs in key order`,
    value: perSecond(plan.pairs, m.medianMs),
    unit: 'pairs/s',
    size: plan.pairs,
    notes:
      `${describeMeasurement(m)}; database file ${formatMiB(fileBytes)} incl. WAL; ` +
      `harness peak RSS ${formatMiB(peakRss)}`,
  };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function openFreshDatabase(file: string): Database.Database {
  removeDatabaseFiles(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA_SQL);
  return db;
}

/** Inserts `pairs` pairs in transactions of PAIRS_PER_BATCH; returns the milliseconds inside them. */
function insertPairs(db: Database.Database, pairs: number, idOrder: IdOrder, onBatch: () => void): number {
  const insertPerson = db.prepare(
    'insert into person (id_number, name, sex, birth_date, division) values (?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('insert into event (seq, type, record_id, person_id, payload) values (?, ?, ?, ?, ?)');
  const insertBatch = db.transaction((rows: PairRow[]) => {
    for (const { person: p, event: e } of rows) {
      insertPerson.run(p.idNumber, p.name, p.sex, p.birthDate, p.division);
      insertEvent.run(e.seq, e.type, e.recordId, e.personId, e.payload);
    }
  });
  const stopwatch = new Stopwatch();
  for (let offset = 0; offset < pairs; offset += PAIRS_PER_BATCH) {
    const rows = generatePairRows(Math.min(PAIRS_PER_BATCH, pairs - offset), offset, idOrder);
    stopwatch.time(() => insertBatch(rows));
    onBatch();
  }
  return stopwatch.elapsedMs;
}

/** Closes the database and deletes its files; returns their size just before closing. */
function closeAndRemove(db: Database.Database): number {
  const file = db.name;
  const bytes = [file, `${file}-wal`].reduce(
    (sum, f) => sum + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );
  db.close();
  removeDatabaseFiles(file);
  return bytes;
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
