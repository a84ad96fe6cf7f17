/** Baseline: how fast PostgreSQL takes the same person + event pairs, by COPY and by INSERT. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type BenchContext, type Figure, type Suite, withBaseline } from '../lib/figure.js';
import { describeMeasurement, measure, perSecond, Stopwatch } from '../lib/measure.js';
import { PAIRS_PER_BATCH, generatePairRows, type PairRow } from '../lib/pair-rows.js';

export const POSTGRES_COPY = 'postgres-copy';
/** Figure names later PostgreSQL ingestion figures divide by (look them up with their size). */
export const POSTGRES_COPY_FIGURE = 'COPY FROM STDIN';
export const POSTGRES_INSERT_FIGURE = 'multi-row INSERT';

const ROWS_PER_INSERT = 1_000;
const ROWS_PER_COPY_CHUNK = 1_000;

interface SizePlan {
  pairs: number;
  warmup: number;
  repeats: number;
}

interface PostgresPlan {
  copySizes: SizePlan[];
  insert: SizePlan;
}

/** Pair counts: COPY at 100k and 1M, INSERT (the slower path) at 100k; smaller when quick. */
export function postgresPlan(quick: boolean): PostgresPlan {
  return quick
    ? { copySizes: [{ pairs: 10_000, warmup: 1, repeats: 2 }], insert: { pairs: 10_000, warmup: 1, repeats: 2 } }
    : {
        copySizes: [
          { pairs: 100_000, warmup: 1, repeats: 5 },
          { pairs: 1_000_000, warmup: 0, repeats: 3 },
        ],
        insert: { pairs: 100_000, warmup: 1, repeats: 3 },
      };
}

export const postgresCopySuite: Suite = {
  name: POSTGRES_COPY,
  description:
    'The same pairs into PostgreSQL (a fresh schema, dropped afterwards), one transaction per ' +
    '10,000 pairs: `COPY … FROM STDIN` text format via pg-copy-streams (serialising rows is on the ' +
    'clock, generating them is not), and multi-row INSERTs of 1,000 rows as prepared statements. ' +
    'Rows/s counts person and event rows (2 per pair).',
  async run(ctx) {
    const plan = postgresPlan(ctx.quick);
    const client = new pg.Client({ connectionString: ctx.postgresUrl });
    await client.connect();
    const schema = `popx_bench_${randomBytes(4).toString('hex')}`;
    const figures: Figure[] = [];
    try {
      await createSchema(client, schema);
      const insertFigure = ctx.emit(await measureLoad(ctx, client, POSTGRES_INSERT_FIGURE, plan.insert));
      figures.push(insertFigure);
      let firstCopy: Figure | undefined;
      for (const size of plan.copySizes) {
        const figure = await measureLoad(ctx, client, POSTGRES_COPY_FIGURE, size);
        figures.push(ctx.emit(baselineCopy(figure, firstCopy, insertFigure)));
        firstCopy ??= figure;
      }
    } finally {
      await client.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await client.end();
    }
    return figures;
  },
};

/** The first COPY is divided by INSERT at the same size; larger ones by the first COPY. */
function baselineCopy(figure: Figure, firstCopy: Figure | undefined, insert: Figure): Figure {
  if (firstCopy) {
    return withBaseline(
      figure,
      firstCopy,
      `COPY throughput at ${figure.size?.toLocaleString('en-US')} ÷ at ${firstCopy.size?.toLocaleString('en-US')} rows (1.00 = no slow-down as tables grow)`,
    );
  }
  if (figure.size === insert.size) {
    return withBaseline(figure, insert, 'COPY ÷ multi-row INSERT at the same size (>1: COPY is faster)');
  }
  return figure;
}

async function measureLoad(ctx: BenchContext, client: pg.Client, name: string, plan: SizePlan): Promise<Figure> {
  const load = name === POSTGRES_COPY_FIGURE ? copyBatch : insertBatch;
  ctx.log(`${POSTGRES_COPY}: ${name}, ${plan.pairs} pairs × ${plan.repeats} runs`);
  const m = await measure(() => insertAll(client, plan.pairs, load), {
    warmup: plan.warmup,
    repeats: plan.repeats,
    before: () => resetTables(client),
  });
  return {
    suite: POSTGRES_COPY,
    name,
    value: perSecond(plan.pairs * 2, m.medianMs),
    unit: 'rows/s',
    size: plan.pairs * 2,
    notes:
      `${plan.pairs.toLocaleString('en-US')} pairs = ${(plan.pairs * 2).toLocaleString('en-US')} rows ` +
      `(${Math.round(perSecond(plan.pairs, m.medianMs)).toLocaleString('en-US')} pairs/s); ${describeMeasurement(m)}`,
  };
}

async function createSchema(client: pg.Client, schema: string): Promise<void> {
  await client.query(`create schema ${schema}`);
  await client.query(`set search_path to ${schema}`);
  await client.query(`
    create table person (
      id_number text primary key, name text not null, sex text not null,
      birth_date text not null, division text not null);
    create table event (
      seq bigint primary key, type text not null, record_id text not null,
      person_id text not null, payload text not null);`);
}

/** Empties the tables and checkpoints, so one run's dirty pages are not flushed during the next. */
async function resetTables(client: pg.Client): Promise<void> {
  await client.query('truncate person, event');
  await client.query('checkpoint').catch(() => undefined);
}

/** Inserts `pairs` pairs, one transaction per PAIRS_PER_BATCH; returns the milliseconds inside them. */
async function insertAll(
  client: pg.Client,
  pairs: number,
  insert: (c: pg.Client, rows: PairRow[]) => Promise<void>,
): Promise<number> {
  const stopwatch = new Stopwatch();
  for (let offset = 0; offset < pairs; offset += PAIRS_PER_BATCH) {
    const rows = generatePairRows(Math.min(PAIRS_PER_BATCH, pairs - offset), offset);
    await stopwatch.timeAsync(async () => {
      await client.query('begin');
      try {
        await insert(client, rows);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    });
  }
  return stopwatch.elapsedMs;
}

async function copyBatch(client: pg.Client, rows: PairRow[]): Promise<void> {
  await copyRows(
    client,
    'copy person (id_number, name, sex, birth_date, division) from stdin',
    rows,
    ({ person: p }) => [p.idNumber, p.name, p.sex, p.birthDate, p.division],
  );
  await copyRows(client, 'copy event (seq, type, record_id, person_id, payload) from stdin', rows, ({ event: e }) => [
    String(e.seq),
    e.type,
    e.recordId,
    e.personId,
    e.payload,
  ]);
}

async function copyRows(
  client: pg.Client,
  sql: string,
  rows: PairRow[],
  toFields: (row: PairRow) => string[],
): Promise<void> {
  function* chunks(): Generator<string> {
    for (let i = 0; i < rows.length; i += ROWS_PER_COPY_CHUNK) {
      let text = '';
      for (const row of rows.slice(i, i + ROWS_PER_COPY_CHUNK)) {
        text += `${toFields(row).map(escapeCopyText).join('\t')}\n`;
      }
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
function escapeCopyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

async function insertBatch(client: pg.Client, rows: PairRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const slice = rows.slice(i, i + ROWS_PER_INSERT);
    await client.query({
      name: `bench_person_${slice.length}`,
      text: multiRowInsert('person (id_number, name, sex, birth_date, division)', slice.length, 5),
      values: slice.flatMap(({ person: p }) => [p.idNumber, p.name, p.sex, p.birthDate, p.division]),
    });
    await client.query({
      name: `bench_event_${slice.length}`,
      text: multiRowInsert('event (seq, type, record_id, person_id, payload)', slice.length, 5),
      values: slice.flatMap(({ event: e }) => [e.seq, e.type, e.recordId, e.personId, e.payload]),
    });
  }
}

const insertTextCache = new Map<string, string>();

function multiRowInsert(target: string, rowCount: number, columns: number): string {
  const key = `${target}/${rowCount}`;
  const cached = insertTextCache.get(key);
  if (cached) return cached;
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const params = Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`);
    tuples.push(`(${params.join(', ')})`);
  }
  const text = `insert into ${target} values ${tuples.join(', ')}`;
  insertTextCache.set(key, text);
  return text;
}
