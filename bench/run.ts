/**
 * `npm run bench`: runs the registered suites in order, prints one JSON line per figure on
 * stdout as soon as it is measured, and writes the generated section of docs/PERFORMANCE.md.
 *
 *   --only a,b    run these suites (and the suites they take baselines from)
 *   --quick       small sizes and short loads, for a smoke run
 *   --out FILE    where to write (default docs/PERFORMANCE.md)
 *   --no-write    print figures only
 *
 * A partial run (--quick or --only) writes only when --out is given, so it cannot replace the
 * full run's figures by accident; the generated section always holds exactly one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, Figure, Suite } from './lib/figure.js';
import { buildPopx } from './lib/popx-command.js';
import { selectSuites } from './lib/select-suites.js';
import { describeMachine } from './lib/machine.js';
import { renderPerformanceSection, type SuiteReport, writePerformanceDoc } from './lib/performance-doc.js';
import { SUITES } from './suites/index.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_OUT = path.join(REPO_ROOT, 'docs', 'PERFORMANCE.md');

interface RunOptions {
  only: string[] | undefined;
  quick: boolean;
  out: string | undefined;
  write: boolean;
}

function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const partial = quick || only !== undefined;
  const write = !values['no-write'] && (!partial || values.out !== undefined);
  return { only, quick, out: values.out, write };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  const suites = selectSuites(SUITES, options.only);
  const postgresUrl = process.env.POPX_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const started = process.hrtime.bigint();
  const machine = await describeMachine(postgresUrl);
  process.stderr.write(`machine ${JSON.stringify(machine)}\n`);

  // Whole-command figures run the compiled CLI: build it from the current sources first.
  buildPopx();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-bench-'));
  const reports: SuiteReport[] = [];
  try {
    for (const suite of suites)
      reports.push(await runSuite(suite, { quick: options.quick, tmpDir, postgresUrl }, reports));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  machine.loadAverageEnd = os.loadavg()[0] ?? 0;
  const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(`bench: ${suites.length} suites in ${(durationMs / 1000).toFixed(1)} s\n`);

  if (options.write) {
    const out = options.out ? path.resolve(options.out) : DEFAULT_OUT;
    const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
    writePerformanceDoc(
      out,
      renderPerformanceSection({ machine, command, quick: options.quick, durationMs, suites: reports }),
    );
    process.stderr.write(`bench: wrote ${path.relative(process.cwd(), out) || out}\n`);
  } else if (!argv.includes('--no-write')) {
    process.stderr.write('bench: partial run (--quick or --only), nothing written; pass --out FILE to write\n');
  }
  return reports.some((r) => r.error !== undefined) ? 1 : 0;
}

/** Runs one suite; a failure is recorded (and fails the run) without stopping the others. */
async function runSuite(
  suite: Suite,
  base: Pick<BenchContext, 'quick' | 'tmpDir' | 'postgresUrl'>,
  earlier: readonly SuiteReport[],
): Promise<SuiteReport> {
  const report: SuiteReport = { name: suite.name, description: suite.description, figures: [] };
  const printed = new Set<Figure>();
  const emit = (figure: Figure): Figure => {
    if (printed.has(figure)) return figure;
    printed.add(figure);
    report.figures.push(figure);
    process.stdout.write(`${JSON.stringify(figure)}\n`);
    return figure;
  };
  const ctx: BenchContext = {
    ...base,
    emit,
    findFigure: (suiteName, name, size) =>
      [...earlier, report]
        .find((r) => r.name === suiteName)
        ?.figures.find((f) => f.name === name && (size === undefined || f.size === size)),
    log: (message) => process.stderr.write(`  ${message}\n`),
  };
  process.stderr.write(`── ${suite.name}\n`);
  try {
    const figures = await suite.run(ctx);
    figures.forEach(emit);
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${suite.name} failed: ${report.error}\n`);
  }
  return report;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
