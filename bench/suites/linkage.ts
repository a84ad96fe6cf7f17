/** `popx link` on FEBRL 4 and `popx dedupe` on 1,000,000 synthetic Chinese records, as whole commands. */
import fs from 'node:fs';
import path from 'node:path';
import { withBaseline, type Figure, type Suite } from '../lib/figure.js';
import { median } from '../lib/measure.js';
import { formatMiB } from '../lib/peak-rss.js';
import { POPX_NODE_ARGS } from '../lib/popx-command.js';
import { runCommand } from '../lib/run-command.js';
import { febrlDirectory, febrlEntity, hasFebrlData } from '../../src/registry/linkage/evaluation/febrl-files.js';
import { generateChineseRecords } from '../../src/registry/linkage/synthetic/chinese-records.js';
import { NODE_STARTUP, NODE_STARTUP_RSS_FIGURE, NODE_STARTUP_WALL_FIGURE } from './node-startup.js';

export const LINKAGE = 'linkage';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const POPX = POPX_NODE_ARGS;
const COLUMNS = ['id', 'name', 'sex', 'birth_date', 'id_number', 'division', 'address', 'mother_id_number'] as const;

async function popx(args: string[]) {
  const result = await runCommand(process.execPath, [...POPX, ...args], { cwd: ROOT, timeoutMs: 1_800_000 });
  if (result.exitCode !== 0)
    throw new Error(`popx ${args[0]} exited ${result.exitCode}: ${result.stderr.slice(0, 800)}`);
  return result;
}

/** Pairwise precision, recall and F1 of PAIRS.csv against the true entity of each id. */
function pairQuality(pairsFile: string, entityOf: (id: string) => string, truePairs: number) {
  let right = 0;
  let wrong = 0;
  for (const line of fs.readFileSync(pairsFile, 'utf8').split('\n').slice(1)) {
    if (line === '') continue;
    const [a, b] = line.split(',');
    if (entityOf(a!) === entityOf(b!)) right += 1;
    else wrong += 1;
  }
  const precision = right / Math.max(1, right + wrong);
  const recall = right / Math.max(1, truePairs);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-12, precision + recall) };
}

/** The synthetic records as the CSV popx reads (generation and writing are off the clock). */
function writeChineseCsv(file: string, records: number): Map<string, string> {
  const { records: all, entities } = generateChineseRecords({ persons: Math.ceil(records * 0.582), seed: 99 });
  const cell = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${COLUMNS.join(',')}\n`);
  let chunk = '';
  for (const r of all.slice(0, records)) {
    chunk += `${[r.id, r.name, r.sex, r.birthDate, r.idNumber, r.division, r.address, r.motherIdNumber].map(cell).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return new Map(all.slice(0, records).map((r) => [r.id, entities.get(r.id)!]));
}

/** The floor for a file-in command: read the same CSV and split it into cells, in this process. */
function readAndSplitMs(file: string): number {
  const started = performance.now();
  let cells = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) cells += line.split(',').length;
  if (cells === 0) throw new Error('empty file');
  return performance.now() - started;
}

async function measureFebrl4(ctx: Parameters<Suite['run']>[0], floor: Figure | undefined): Promise<Figure[]> {
  if (!hasFebrlData()) {
    ctx.log(`${LINKAGE}: FEBRL files not found in ${febrlDirectory()}; skipping FEBRL 4`);
    return [];
  }
  const a = path.join(febrlDirectory(), 'dataset4a.csv');
  const b = path.join(febrlDirectory(), 'dataset4b.csv');
  const out = path.join(ctx.tmpDir, 'febrl4-pairs.csv');
  const runs = ctx.quick ? 1 : 3;
  const walls: number[] = [];
  ctx.log(`${LINKAGE}: popx link FEBRL 4a × 4b, ${runs} run(s) after a warm-up`);
  for (let i = 0; i <= runs; i += 1) {
    const result = await popx(['link', a, b, '--id', 'rec_id', '--out', out]);
    if (i > 0) walls.push(result.wallMs);
  }
  const helpWalls: number[] = [];
  for (let i = 0; i < runs; i += 1) helpWalls.push((await popx(['--help'])).wallMs);
  const help = ctx.emit({
    suite: LINKAGE,
    name: 'popx --help wall time',
    value: median(helpWalls) / 1000,
    unit: 's',
    notes: `the same compiled CLI doing nothing: the floor of every popx command; median of ${runs}`,
  });
  const wall: Figure = {
    suite: LINKAGE,
    name: 'popx link FEBRL 4 wall time',
    value: median(walls) / 1000,
    unit: 's',
    size: 10_000,
    notes: `dataset4a.csv × dataset4b.csv (5,000 + 5,000 records), train + block + score + write; median of ${runs} (goal < 3 s)`,
  };
  const figures = [
    help,
    ctx.emit(withBaseline(wall, help, 'popx link ÷ popx --help (1.00 = linkage costs nothing over loading the CLI)')),
  ];
  if (floor) {
    figures.push(
      ctx.emit(
        withBaseline(
          { ...wall, name: 'popx link FEBRL 4 wall time vs node' },
          { ...floor, value: floor.value / 1000, unit: 's' },
          'popx link ÷ `node -e 0`',
        ),
      ),
    );
  }
  const entityOf = (id: string) => febrlEntity(id);
  const left = fs
    .readFileSync(a, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => entityOf(l.split(',')[0]!.trim()));
  const rightCounts = new Map<string, number>();
  for (const l of fs.readFileSync(b, 'utf8').split('\n').slice(1).filter(Boolean)) {
    const e = entityOf(l.split(',')[0]!.trim());
    rightCounts.set(e, (rightCounts.get(e) ?? 0) + 1);
  }
  const truePairs = left.reduce((sum, e) => sum + (rightCounts.get(e) ?? 0), 0);
  const q = pairQuality(out, entityOf, truePairs);
  figures.push(
    ctx.emit({
      suite: LINKAGE,
      name: 'popx link FEBRL 4 F1',
      value: q.f1,
      unit: 'F1',
      size: truePairs,
      notes: `precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)} at the default threshold 0.9; Splink 0.9991 on the same files`,
    }),
  );
  return figures;
}

async function measureDedupe(ctx: Parameters<Suite['run']>[0], rssFloor: Figure | undefined): Promise<Figure[]> {
  const records = ctx.quick ? 20_000 : 1_000_000;
  const file = path.join(ctx.tmpDir, `chinese-${records}.csv`);
  const out = path.join(ctx.tmpDir, `chinese-${records}-pairs.csv`);
  ctx.log(`${LINKAGE}: generating ${records.toLocaleString('en-US')} synthetic Chinese records (off the clock)`);
  const entities = writeChineseCsv(file, records);
  const baseline = ctx.emit({
    suite: LINKAGE,
    name: 'read and split the CSV',
    value: median([readAndSplitMs(file), readAndSplitMs(file), readAndSplitMs(file)]) / 1000,
    unit: 's',
    size: records,
    notes: `readFileSync + split into lines and cells, in the harness process (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB); median of 3`,
  });
  ctx.log(`${LINKAGE}: popx dedupe ${records.toLocaleString('en-US')} records`);
  const result = await popx(['dedupe', file, '--id', 'id', '--out', out]);
  const summary = /train 训练 ([\d.]+) s, score 评分 ([\d.]+) s/.exec(result.stderr);
  const candidates = /([\d,]+) candidate pairs/.exec(result.stderr)?.[1] ?? '?';
  const figures: Figure[] = [baseline];
  figures.push(
    ctx.emit(
      withBaseline(
        {
          suite: LINKAGE,
          name: 'popx dedupe wall time',
          value: result.wallMs / 1000,
          unit: 's',
          size: records,
          notes: `${candidates} candidate pairs; prepare + block + train ${summary?.[1] ?? '?'} s, score ${summary?.[2] ?? '?'} s (goal < 60 s at 1M)`,
        },
        baseline,
        'whole dedupe command ÷ reading and splitting the same CSV (the least any command reading the file pays)',
      ),
    ),
  );
  if (result.peakRssBytes !== undefined) {
    const rss: Figure = {
      suite: LINKAGE,
      name: 'popx dedupe peak RSS',
      value: result.peakRssBytes / 2 ** 20,
      unit: 'MiB',
      size: records,
      notes: `${formatMiB(result.peakRssBytes)} from ${result.rssSource} (goal well under 2 GiB at 1M)`,
    };
    figures.push(ctx.emit(rssFloor ? withBaseline(rss, rssFloor, 'peak RSS ÷ an empty node process') : rss));
  }
  const sizes = new Map<string, number>();
  for (const e of entities.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  const truePairs = [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const q = pairQuality(out, (id) => entities.get(id) ?? id, truePairs);
  figures.push(
    ctx.emit({
      suite: LINKAGE,
      name: 'popx dedupe F1',
      value: q.f1,
      unit: 'F1',
      size: records,
      notes: `precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)} at 0.9 over ${truePairs.toLocaleString('en-US')} true pairs (goal ≥ 0.99)`,
    }),
  );
  fs.rmSync(file, { force: true });
  fs.rmSync(out, { force: true });
  return figures;
}

export const linkageSuite: Suite = {
  name: LINKAGE,
  description:
    '`popx link dataset4a.csv dataset4b.csv --id rec_id` (FEBRL 4) and `popx dedupe` of 1,000,000 synthetic ' +
    'Chinese person records (quick: 20,000) as whole commands (the compiled CLI): wall time against `popx --help` and ' +
    'against reading and splitting the same CSV, peak RSS against an empty node process, and pairwise F1.',
  dependsOn: [NODE_STARTUP],
  async run(ctx) {
    const wallFloor = ctx.findFigure(NODE_STARTUP, NODE_STARTUP_WALL_FIGURE);
    const rssFloor = ctx.findFigure(NODE_STARTUP, NODE_STARTUP_RSS_FIGURE);
    return [...(await measureFebrl4(ctx, wallFloor)), ...(await measureDedupe(ctx, rssFloor))];
  },
};
