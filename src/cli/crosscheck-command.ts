import type { Command } from 'commander';
import { printTable, withContext } from './cli-context.js';

/** `popx crosscheck run`: evaluates every cross-verification rule over the whole registry. */
export function registerCrosscheckCommand(program: Command): void {
  const crosscheck = program.command('crosscheck').description('cross-verification (互核): rules that compare the sources, and their cases');
  crosscheck
    .command('run')
    .description('evaluate every rule over the whole registry: open new cases, close those whose contradiction is gone, reopen those that returned')
    .option('--as-of <date>', 'judge grace periods as of this day (YYYY-MM-DD; default today)')
    .action(async (options: { asOf?: string }) => {
      if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error('--as-of takes a date YYYY-MM-DD');
      const { runCrosscheck } = await import('../crosscheck/index.js');
      await withContext(async (ctx) => {
        const started = performance.now();
        const result = await runCrosscheck(ctx, { asOf: options.asOf });
        process.stdout.write(`checked ${result.persons} persons as of ${result.asOf} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${result.escalated} overdue cases escalated\n`);
        printTable(Object.entries(result.byRule).map(([rule, t]) => ({ rule, ...t })), ['rule', 'found', 'opened', 'reopened', 'resolved']);
      });
    });
}
