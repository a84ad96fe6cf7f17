/** Baseline: the cost of an empty Node process, the floor under every whole-command figure. */
import type { Figure, Suite } from '../lib/figure.js';
import { median, summarize } from '../lib/measure.js';
import { runCommand } from '../lib/run-command.js';

export const NODE_STARTUP = 'node-startup';
/** Figure names later command figures (e.g. a CLI run's wall time and peak RSS) divide by. */
export const NODE_STARTUP_WALL_FIGURE = 'empty process wall time';
export const NODE_STARTUP_RSS_FIGURE = 'empty process peak RSS';

export const nodeStartupSuite: Suite = {
  name: NODE_STARTUP,
  description:
    '`node -e 0` run as a whole command by the harness: wall time and peak RSS (from ' +
    '`/usr/bin/time -v` where installed, else /proc polling). The floor for command figures.',
  async run(ctx) {
    const runs = ctx.quick ? 3 : 10;
    const walls: number[] = [];
    const peaks: number[] = [];
    let source = 'unavailable';
    ctx.log(`${NODE_STARTUP}: ${runs} runs of node -e 0`);
    for (let i = 0; i < runs + 1; i += 1) {
      const result = await runCommand(process.execPath, ['-e', '0'], { timeoutMs: 30_000 });
      if (result.exitCode !== 0) throw new Error(`node -e 0 exited ${result.exitCode}: ${result.stderr}`);
      if (i === 0) continue; // warm the page cache
      walls.push(result.wallMs);
      if (result.peakRssBytes !== undefined) peaks.push(result.peakRssBytes);
      source = result.rssSource;
    }
    const wall = summarize(walls);
    const figures: Figure[] = [
      ctx.emit({
        suite: NODE_STARTUP,
        name: NODE_STARTUP_WALL_FIGURE,
        value: wall.medianMs,
        unit: 'ms',
        notes: `median of ${runs} runs (${wall.minMs.toFixed(1)}–${wall.maxMs.toFixed(1)} ms)`,
      }),
    ];
    if (peaks.length > 0) {
      figures.push(
        ctx.emit({
          suite: NODE_STARTUP,
          name: NODE_STARTUP_RSS_FIGURE,
          value: median(peaks) / 1024 / 1024,
          unit: 'MiB',
          notes: `median of ${peaks.length} runs, from ${source}`,
        }),
      );
    }
    return figures;
  },
};
