/**
 * Cross-verification over a registry built from `popx gen` data: a full `popx crosscheck run`,
 * and what incremental evaluation (rules re-run for the persons each projection chunk touched)
 * adds to ingestion (import + registry projection) against the same ingestion without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withBaseline, type Figure, type Suite } from '../lib/figure.js';
import { formatMiB } from '../lib/peak-rss.js';
import { POPX_NODE_ARGS } from '../lib/popx-command.js';
import { runCommand, type CommandResult } from '../lib/run-command.js';

export const CROSSCHECK = 'crosscheck';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** gen starts in 2024-01 and simulates 24 months; the rules judge as of the day after. */
const AS_OF = '2026-01-01';

async function popx(args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const result = await runCommand(process.execPath, [...POPX_NODE_ARGS, ...args], {
    cwd: ROOT,
    env: { ...process.env, POPX_LOG_LEVEL: 'silent', POPX_ADMIN_PASSWORD: 'Bench-Passw0rd-1', ...env },
    timeoutMs: 3_600_000,
  });
  // A gen directory carries injected errors: import exits 1 only with --strict.
  if (result.exitCode !== 0) throw new Error(`popx ${args.join(' ')} exited ${result.exitCode}: ${result.stderr.slice(0, 800)}`);
  return result;
}

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const cpuOrWall = (r: CommandResult) => r.cpuMs ?? r.wallMs;

export const crosscheckSuite: Suite = {
  name: CROSSCHECK,
  description:
    '`popx gen --persons N --months 24` imported (`popx import DIR --no-registry`) and projected (`popx registry project`) ' +
    'into two fresh SQLite databases, one with POPX_CROSSCHECK_INCREMENTAL=0 and one with =1: ingestion CPU time ' +
    '(user + system) with incremental evaluation ÷ without, in the same run. Then a full `popx crosscheck run` over ' +
    'the registry built without it (every case opened), and a second full run (nothing new: the daily run of a quiet day).',
  async run(ctx) {
    // A 1M build (gen, import, two projections) takes hours on the shared 2-core machine; POPX_BENCH_CROSSCHECK_PERSONS=1000000 asks for it.
    const sizes = ctx.quick ? [2_000] : (process.env.POPX_BENCH_CROSSCHECK_PERSONS ?? '100000,200000').split(',').map(Number);
    const figures: Figure[] = [];
    for (const persons of sizes) {
      const dir = path.join(ctx.tmpDir, `cc-gen-${persons}`);
      ctx.log(`${CROSSCHECK}: popx gen ${persons} persons`);
      await popx(['gen', '--persons', String(persons), '--seed', 'bench', '--out', dir, '--months', '24', '--start', '2024-01'], {});
      const ingest = async (incremental: boolean) => {
        const env = { DATABASE_URL: `sqlite:${path.join(ctx.tmpDir, `cc-${persons}-${incremental ? 'inc' : 'off'}.db`)}`, POPX_DATA_DIR: path.join(ctx.tmpDir, `cc-data-${persons}-${incremental}`), POPX_CROSSCHECK_INCREMENTAL: incremental ? '1' : '0' };
        await popx(['init'], env);
        ctx.log(`${CROSSCHECK}: importing and projecting ${persons} persons' records, incremental ${incremental ? 'on' : 'off'}`);
        const imported = await popx(['import', dir, '--no-registry'], env);
        const projected = await popx(['registry', 'project'], env);
        return { env, imported, projected, cpu: cpuOrWall(imported) + cpuOrWall(projected), wall: imported.wallMs + projected.wallMs };
      };
      const off = await ingest(false);
      const on = await ingest(true);
      const entries = Number(/projected (\d+) ledger entries/.exec(off.projected.stdout)?.[1] ?? 0);
      const baseline = ctx.emit({
        suite: CROSSCHECK,
        name: 'ingestion without incremental evaluation',
        value: off.cpu / 1000,
        unit: 's CPU',
        size: persons,
        notes: `${entries.toLocaleString('en-US')} ledger entries; import ${seconds(off.imported.cpuMs)} CPU + projection ${seconds(off.projected.cpuMs)} CPU; wall ${seconds(off.wall)}; projection peak RSS ${off.projected.peakRssBytes === undefined ? 'n/a' : formatMiB(off.projected.peakRssBytes)}`,
      });
      figures.push(baseline);
      figures.push(
        ctx.emit(
          withBaseline(
            {
              suite: CROSSCHECK,
              name: 'ingestion with incremental evaluation',
              value: on.cpu / 1000,
              unit: 's CPU',
              size: persons,
              notes: `import ${seconds(on.imported.cpuMs)} CPU + projection with evaluation ${seconds(on.projected.cpuMs)} CPU (projection alone ${(cpuOrWall(on.projected) / cpuOrWall(off.projected)).toFixed(2)}× its CPU without); wall ${seconds(on.wall)} (${(on.wall / off.wall).toFixed(2)}× by wall time); peak RSS ${on.projected.peakRssBytes === undefined ? 'n/a' : formatMiB(on.projected.peakRssBytes)}`,
            },
            baseline,
            'CPU with ÷ without (1.00 = no cost; the goal is < 1.20)',
          ),
        ),
      );
      // POPX_BENCH_CROSSCHECK_KEEP=DIR keeps a copy of the registry before any full run (no cases yet), to profile `popx crosscheck run` on.
      const keep = process.env.POPX_BENCH_CROSSCHECK_KEEP;
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        fs.copyFileSync(off.env.DATABASE_URL.slice('sqlite:'.length), path.join(keep, `crosscheck-${persons}.db`));
        ctx.log(`${CROSSCHECK}: kept the registry as ${path.join(keep, `crosscheck-${persons}.db`)}`);
      }
      ctx.log(`${CROSSCHECK}: full runs over ${persons} persons`);
      const first = await popx(['crosscheck', 'run', '--as-of', AS_OF], off.env);
      const checked = Number(/checked (\d+) persons/.exec(first.stdout)?.[1] ?? 0);
      const opened = first.stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols.length >= 5 && /^\d+$/.test(cols[2] ?? ''))
        .reduce((n, cols) => n + Number(cols[2]), 0);
      figures.push(
        ctx.emit({
          suite: CROSSCHECK,
          name: 'full run, first (opens every case)',
          value: first.wallMs / 1000,
          unit: 's',
          size: persons,
          notes: `${checked.toLocaleString('en-US')} active persons, ${opened.toLocaleString('en-US')} cases opened; CPU ${seconds(first.cpuMs)}; peak RSS ${first.peakRssBytes === undefined ? 'n/a' : formatMiB(first.peakRssBytes)}; goal < 30 s at 1M persons`,
        }),
      );
      const again = await popx(['crosscheck', 'run', '--as-of', AS_OF], off.env);
      // The command's own timing (after start-up and opening the database) is what grows with the registry.
      const inner = Number(/persons as of \S+ in ([\d.]+) s/.exec(again.stdout)?.[1] ?? again.wallMs / 1000);
      figures.push(
        ctx.emit({
          suite: CROSSCHECK,
          name: 'full run, nothing new',
          value: again.wallMs / 1000,
          unit: 's',
          size: persons,
          notes: `CPU ${seconds(again.cpuMs)}; the run itself ${inner.toFixed(1)} s = ${((inner / Math.max(1, checked)) * 1e6).toFixed(0)} µs per person, ${((inner / Math.max(1, checked)) * 1e6).toFixed(1)} s per 1M persons by linear scaling`,
        }),
      );
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
