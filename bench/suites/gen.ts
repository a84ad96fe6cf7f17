/** `popx gen` as a whole command at growing sizes, against writing the same number of plain CSV rows. */
import fs from 'node:fs';
import path from 'node:path';
import { withBaseline, type Figure, type Suite } from '../lib/figure.js';
import { perSecond } from '../lib/measure.js';
import { formatMiB } from '../lib/peak-rss.js';
import { POPX_NODE_ARGS } from '../lib/popx-command.js';
import { runCommand } from '../lib/run-command.js';

export const GEN = 'gen';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The floor for writing files: N rows of 12 short text fields to one CSV, streamed. */
async function plainCsvRowsPerSecond(file: string, rows: number): Promise<number> {
  const started = performance.now();
  const out = fs.createWriteStream(file);
  const row = (i: number) => `P-${i},440606200001011234,张伟,1,2000-01-01,440606005001,2024-03-02,,,,,\r\n`;
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    chunk += row(i);
    if (chunk.length > 65536) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return perSecond(rows, performance.now() - started);
}

export const genSuite: Suite = {
  name: GEN,
  description:
    '`popx gen --persons N --months 24` as a whole command (synthesis, 24 months of life, every department file in ' +
    'its format, truth and expected indicators), at growing sizes; records written per second against a plain ' +
    'streamed CSV write of the same number of rows in the same run.',
  async run(ctx) {
    const sizes = ctx.quick ? [2_000, 10_000] : [10_000, 100_000, 1_000_000];
    const figures: Figure[] = [];
    let perPersonAtSmall: number | undefined;
    for (const persons of sizes) {
      const out = path.join(ctx.tmpDir, `gen-${persons}`);
      ctx.log(`${GEN}: ${persons} persons`);
      const result = await runCommand(
        process.execPath,
        [...POPX_NODE_ARGS, 'gen', '--persons', String(persons), '--seed', 'bench', '--out', out, '--months', '24', '--start', '2024-01'],
        { cwd: ROOT, timeoutMs: 600_000 },
      );
      if (result.exitCode !== 0) throw new Error(`popx gen exited ${result.exitCode}: ${result.stderr.slice(0, 500)}`);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: Array<{ rows: number }> };
      const records = manifest.files.reduce((sum, f) => sum + f.rows, 0);
      const baselineRate = await plainCsvRowsPerSecond(path.join(ctx.tmpDir, 'plain.csv'), records);
      const baseline = ctx.emit({ suite: GEN, name: 'plain CSV write', value: baselineRate, unit: 'rows/s', size: records, notes: 'one streamed file, 12 short fields per row' });
      const wall = ctx.emit({
        suite: GEN,
        name: 'popx gen wall time',
        value: result.wallMs / 1000,
        unit: 's',
        size: persons,
        notes: `${manifest.files.length} files, ${records.toLocaleString('en-US')} records, 24 months; peak RSS ${result.peakRssBytes === undefined ? 'n/a' : formatMiB(result.peakRssBytes)}`,
      });
      figures.push(baseline, wall);
      figures.push(
        ctx.emit(
          withBaseline(
            { suite: GEN, name: 'records written', value: perSecond(records, result.wallMs), unit: 'records/s', size: persons },
            baseline,
            'records/s of the whole gen command ÷ plain CSV rows/s of the same row count (the cost of simulating, formatting and keeping the truth)',
          ),
        ),
      );
      if (result.peakRssBytes !== undefined) {
        figures.push(ctx.emit({ suite: GEN, name: 'popx gen peak RSS', value: result.peakRssBytes / 1048576, unit: 'MiB', size: persons }));
      }
      const perPerson = result.wallMs / persons;
      if (perPersonAtSmall === undefined) perPersonAtSmall = perPerson;
      else {
        figures.push(
          ctx.emit({
            suite: GEN,
            name: 'time per person vs smallest size',
            value: perPerson / perPersonAtSmall,
            unit: '×',
            size: persons,
            notes: 'wall time per person at this size ÷ at the smallest size (below 1: fixed start-up costs spread out; above 1: a cost that grows faster than the population)',
          }),
        );
      }
      fs.rmSync(out, { recursive: true, force: true });
    }
    return figures;
  },
};
