import type { Command } from 'commander';
import type { PullOptions } from './pull-run.js';

/** `popx pull`: a department's client for its agreement's feed, resumable, cursor kept beside the output. */
export function registerPullCommand(program: Command): void {
  program
    .command('pull')
    .requiredOption('--agreement <id>', 'the sharing agreement whose feed to pull, e.g. AG-POLICE-BIRTHS')
    .requiredOption('--out <file>', 'output file; the cursor is kept in FILE.cursor.json')
    .option('--after <seq>', 'start after this sequence instead of the remembered cursor')
    .option('--format <format>', 'ndjson (default from the file name), csv (UTF-8 with BOM) or xlsx')
    .option('--server <url>', 'the platform, e.g. http://127.0.0.1:8080 (with --token)')
    .option('--token <token>', 'API token of the agreement’s organisation')
    .option('--org <code>', 'local mode: the agreement’s organisation (reads the database directly)')
    .option('--max <n>', 'stop after this many events')
    .description('download the next events of a sharing agreement, remembering the cursor (resumes without loss or duplicates)')
    .action(async (options: PullOptions) => {
      const { runPull } = await import('./pull-run.js');
      await runPull(options);
    });
}
