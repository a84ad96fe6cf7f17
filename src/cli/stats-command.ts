import type { Command } from 'commander';
import { withContext } from './cli-context.js';

/** `popx stats --period P [--division CODE] [--format json|csv] [--publish]`: the indicators of one area and period. */
export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('demographic indicators of a period (2025, 2025-Q1, 2025-03 or FROM..TO) and area, as GET /api/v1/stats/indicators answers them')
    .requiredOption('--period <period>', '2025, 2025-Q1, 2025-03 or FROM..TO, both ends included')
    .option('--division <code>', 'district, town/street or village code (default: the district)')
    .option('--format <format>', 'json or csv', 'json')
    .option('--publish', 'blank cells under 5 persons (and their complements) for public release')
    .action(async (options: { period: string; division?: string; format: string; publish?: boolean }) => {
      if (options.format !== 'json' && options.format !== 'csv') throw new Error('--format takes json or csv');
      const { computeIndicators, indicatorsAsCsv } = await import('../analysis/index.js');
      await withContext(async (ctx) => {
        const report = await computeIndicators(ctx.db, ctx.tree, { period: options.period, division: options.division, publish: options.publish });
        process.stdout.write(options.format === 'csv' ? indicatorsAsCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
      });
    });
}
