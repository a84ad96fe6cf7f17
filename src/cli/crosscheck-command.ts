import type { Command } from 'commander';
import { printTable, withContext } from './cli-context.js';

/** `popx crosscheck run`: evaluates every cross-verification rule over the whole registry. */
export function registerCrosscheckCommand(program: Command): void {
  const crosscheck = program.command('crosscheck').description('cross-verification (互核): rules that compare the sources, and their cases');
  crosscheck
    .command('run')
    .description('evaluate every rule over the whole registry: open new cases, close those whose contradiction is gone, reopen those that returned')
    .option('--as-of <date>', 'judge grace periods as of this day (YYYY-MM-DD; default today)')
    .option('--workers <n>', 'worker threads evaluating besides the main one (SQLite; default: cores - 1 from 50,000 persons, else 0)')
    .action(async (options: { asOf?: string; workers?: string }) => {
      if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error('--as-of takes a date YYYY-MM-DD');
      if (options.workers !== undefined && !/^\d{1,2}$/.test(options.workers)) throw new Error('--workers takes a number of threads');
      const { runCrosscheck } = await import('../crosscheck/run/run-crosscheck.js');
      await withContext(async (ctx) => {
        const started = performance.now();
        const result = await runCrosscheck(ctx, { asOf: options.asOf, ...(options.workers === undefined ? {} : { workers: Number(options.workers) }) });
        process.stdout.write(`checked ${result.persons} persons as of ${result.asOf} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${result.escalated} overdue cases escalated\n`);
        printTable(Object.entries(result.byRule).map(([rule, t]) => ({ rule, ...t })), ['rule', 'found', 'opened', 'reopened', 'resolved']);
      });
    });
}
