/** Ingestion as a whole `popx import` command, against raw inserts (SQLite) and COPY (PostgreSQL) of the same rows. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withBaseline, type Figure, type Suite } from '../lib/figure.js';
import { perSecond } from '../lib/measure.js';
import { makePairRow } from '../lib/pair-rows.js';
import { formatMiB } from '../lib/peak-rss.js';
import { POPX_NODE_ARGS } from '../lib/popx-command.js';
import { runCommand } from '../lib/run-command.js';
import { POSTGRES_COPY, POSTGRES_COPY_FIGURE } from './postgres-copy.js';
import { SQLITE_INSERT_FIGURE, SQLITE_RAW_INSERT } from './sqlite-raw-insert.js';

export const INGEST = 'ingest';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A police register of `rows` residents (random ID order, as the raw baselines), as a UTF-8 CSV. */
function writeRegister(file: string, rows: number): void {
  const villages = fs
    .readFileSync(path.join(ROOT, 'data', 'districts', '440606.csv'), 'utf8')
    .split('\n')
    .filter((line) => line.includes(',village,'))
    .map((line) => line.split(',')[0]!);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'record_id,id_number,name,sex,birth_date,division,registered_on,address\n');
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    const { person } = makePairRow(i);
    chunk += `R${i},${person.idNumber},${person.name},${person.sex},${person.birthDate},${villages[i % villages.length]},${person.birthDate},大良街道${i % 300}号\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

async function popx(args: string[], env: NodeJS.ProcessEnv) {
  const result = await runCommand(process.execPath, [...POPX_NODE_ARGS, ...args], {
    cwd: ROOT,
    env: { ...process.env, POPX_LOG_LEVEL: 'silent', POPX_ADMIN_PASSWORD: 'Bench-Passw0rd-1', ...env },
    timeoutMs: 1_800_000,
  });
  if (result.exitCode !== 0 && !(args[0] === 'import' && result.exitCode === 1)) {
    throw new Error(`popx ${args.join(' ')} exited ${result.exitCode}: ${result.stderr.slice(0, 800)}`);
  }
  return result;
}

export const ingestSuite: Suite = {
  name: INGEST,
  description:
    '`popx import FILE --type hukou_register --org PS-005` as a whole command (stream-parse the CSV, validate every ' +
    'row, append to the hash-chained ledger with record state, issues and audit in one transaction) on a fresh ' +
    'database, against the raw baselines of the same row count in the same run: better-sqlite3 inserts of a person ' +
    'plus an event row (SQLite) and COPY of the same pairs (PostgreSQL). Then `popx registry project` links the same ' +
    'entries into the population registry (persons, links, golden records), timed as its own command.',
  dependsOn: [SQLITE_RAW_INSERT, POSTGRES_COPY],
  async run(ctx) {
    const rows = ctx.quick ? 10_000 : 1_000_000;
    const file = path.join(ctx.tmpDir, 'register.csv');
    writeRegister(file, rows);
    const figures: Figure[] = [];
    const measure = async (dialect: 'sqlite' | 'postgres', databaseUrl: string, baseline: Figure | undefined, meaning: string) => {
      const env = { DATABASE_URL: databaseUrl, POPX_DATA_DIR: path.join(ctx.tmpDir, `data-${dialect}`) };
      await popx(['init'], env);
      ctx.log(`${INGEST}: importing ${rows} rows on ${dialect}`);
      const result = await popx(['import', file, '--type', 'hukou_register', '--org', 'PS-005', '--no-registry'], env);
      const accepted = /accepted (\d+)/.exec(result.stdout)?.[1];
      if (Number(accepted) !== rows) throw new Error(`expected ${rows} accepted rows, got ${accepted}: ${result.stdout.slice(0, 400)}`);
      const rate = perSecond(rows, result.wallMs);
      const figure: Figure = {
        suite: INGEST,
        name: `import on ${dialect}`,
        value: rate,
        unit: 'rows/s',
        size: rows,
        notes: `whole command ${(result.wallMs / 1000).toFixed(1)} s incl. Node start-up; peak RSS ${result.peakRssBytes === undefined ? 'n/a' : formatMiB(result.peakRssBytes)}`,
      };
      figures.push(ctx.emit(baseline ? withBaseline(figure, baseline, meaning) : figure));
      if (result.peakRssBytes !== undefined) {
        figures.push(ctx.emit({ suite: INGEST, name: `import on ${dialect} peak RSS`, value: result.peakRssBytes / 1048576, unit: 'MiB', size: rows }));
      }
      // The registry projection of the same entries, as a whole command after the import.
      ctx.log(`${INGEST}: projecting ${rows} ledger entries into the registry on ${dialect}`);
      const projected = await popx(['registry', 'project'], env);
      const both = perSecond(rows, result.wallMs + projected.wallMs);
      const withRegistry: Figure = {
        suite: INGEST,
        name: `import + registry on ${dialect}`,
        value: both,
        unit: 'rows/s',
        size: rows,
        notes: `import ${(result.wallMs / 1000).toFixed(1)} s + \`popx registry project\` ${(projected.wallMs / 1000).toFixed(1)} s (${perSecond(rows, projected.wallMs).toFixed(0)} entries/s, peak RSS ${projected.peakRssBytes === undefined ? 'n/a' : formatMiB(projected.peakRssBytes)})`,
      };
      figures.push(ctx.emit(baseline ? withBaseline(withRegistry, baseline, `${meaning.split(' (')[0]} (the registry goal is ≥ 0.33, i.e. within 3×)`) : withRegistry));
    };
    const rawSqlite = ctx.findFigure(SQLITE_RAW_INSERT, SQLITE_INSERT_FIGURE, rows) ?? ctx.findFigure(SQLITE_RAW_INSERT, SQLITE_INSERT_FIGURE);
    await measure('sqlite', `sqlite:${path.join(ctx.tmpDir, 'ingest.db')}`, rawSqlite, 'import rows/s ÷ raw insert pairs/s of the same size (1 = as fast as raw inserts; the goal is ≥ 0.5, i.e. within 2×)');
    const copy = ctx.findFigure(POSTGRES_COPY, POSTGRES_COPY_FIGURE, rows * 2) ?? ctx.findFigure(POSTGRES_COPY, POSTGRES_COPY_FIGURE);
    const copyPairs = copy ? { ...copy, value: copy.value / 2, unit: 'pairs/s', name: `${copy.name} (pairs)` } : undefined;
    const client = new pg.Client({ connectionString: ctx.postgresUrl });
    await client.connect();
    const schema = `popx_ingest_${randomBytes(4).toString('hex')}`;
    await client.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = `${ctx.postgresUrl}${ctx.postgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      await measure('postgres', url, copyPairs, 'import rows/s ÷ COPY pairs/s of the same size (the goal is ≥ 0.5, i.e. within 2×)');
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
    return figures;
  },
};
