/**
 * Reproduces a census yearbook's table of women by age with births by order from person-level
 * records: writes the records the table implies (docs/ANALYSIS-VALIDATION.md), imports them into
 * a fresh database through `popx import` (ingestion, ledger, registry projection with the
 * analysis cells), asks the indicator engine for the table's period at district level, and
 * prints published and reproduced figures side by side. Exits 1 when a printed figure differs.
 *
 *   npx tsx scripts/reproduce-census-table.ts [TABLE.json] [--database URL] [--keep DIR]
 *
 * TABLE.json defaults to data/census-tables/fuzhou-2020-table-6-3.json; another yearbook's table
 * in the same shape (the national table 6-3, a province's) works the same. The database defaults
 * to a new SQLite file in the work directory; --database postgres://… uses an empty PostgreSQL
 * database (or schema, via ?options=-c search_path=…).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareWithReport, publishedTotalFertilityRate, readCensusFertilityTable, roundHalfUp } from '../src/analysis/validation/census-fertility-table.js';
import { writeCensusTableRecords } from '../src/analysis/validation/census-table-records.js';
import { computeIndicators } from '../src/analysis/indicators/compute-indicators.js';
import { runImport } from '../src/cli/import-run.js';
import { openContext } from '../src/platform/bootstrap.js';
import { loadConfig } from '../src/platform/config/config.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const keep = option('keep');
const database = option('database');
const root = path.resolve(import.meta.dirname, '..');
const tableFile = path.resolve(args[0] ?? path.join(root, 'data/census-tables/fuzhou-2020-table-6-3.json'));
const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'popx-census-'));
fs.mkdirSync(work, { recursive: true });
process.env.DATABASE_URL = database ?? `sqlite:${path.join(work, 'popx.db')}`;
process.env.POPX_DATA_DIR = path.join(work, 'data');
process.env.POPX_ADMIN_PASSWORD ??= 'Census-Passw0rd-1';
process.env.POPX_LOG_LEVEL = 'silent';

const table = readCensusFertilityTable(tableFile);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
process.stdout.write(`${table.title}\n${table.source}  ${table.url}\nunit ${table.unit}, period ${table.period.from}..${table.period.to}\n\n`);

const first = await openContext(loadConfig());
const villages = first.ctx.tree.all().filter((d) => d.level === 'village').map((d) => d.code);
await first.ctx.db.close();
const records = path.join(work, 'records');
let started = performance.now();
const written = await writeCensusTableRecords(table, records, { villages });
process.stdout.write(`records: ${written.women} women, ${written.births} births, ${written.earlierChildren} earlier children in ${seconds(started)} s → ${records}\n`);

started = performance.now();
const cpuBefore = cpu();
await runImport(records, { mode: 'accept_valid', registry: true });
process.stdout.write(`import + projection: ${seconds(started)} s wall, ${(cpu() - cpuBefore).toFixed(1)} s CPU of this process\n\n`);

const { ctx } = await openContext(loadConfig());
try {
  started = performance.now();
  const report = await computeIndicators(ctx.db, ctx.tree, { period: `${table.period.from}..${table.period.to}`, fresh: true });
  process.stdout.write(`indicators of ${report.division.name} ${report.period.from}..${report.period.to} (${report.period.days} days): ${seconds(started)} s\n\n`);
  const rows = compareWithReport(table, report);
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
  process.stdout.write(`${pad('row', 7)}${pad('column', 14)}${pad('published', 11)}${pad('reproduced', 12)}\n`);
  for (const r of rows) process.stdout.write(`${pad(r.row, 7)}${pad(r.column, 14)}${pad(r.published ?? '(none)', 11)}${pad(r.reproduced, 12)}${r.agrees === null ? '' : r.agrees ? 'ok' : 'DIFFERS'}\n`);
  const compared = rows.filter((r) => r.agrees !== null);
  const differ = compared.filter((r) => !r.agrees);
  const shares = report.birth_order_shares as Record<string, number>;
  const printedTfr = publishedTotalFertilityRate(table);
  process.stdout.write(
    `\nbirth-order shares (一孩率/二孩率/多孩率): ${['1', '2', '3+'].map((o) => `${roundHalfUp(shares[o]!, 2)} %`).join(' / ')}\n` +
      `total fertility rate, Σ single-year rates ÷ 1000: ${(report.total_fertility_rate_1y as number).toFixed(4)}` +
      `${printedTfr === null ? ' (the table does not print every single-year rate)' : ` (from the printed rates ${printedTfr.toFixed(4)})`}; ` +
      `5 × Σ 5-year rates: ${(report.total_fertility_rate as number).toFixed(4)}\n` +
      `${compared.length} printed figures compared, ${differ.length} differ\n`,
  );
  if (differ.length > 0) process.exitCode = 1;
} finally {
  await ctx.db.close();
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}
