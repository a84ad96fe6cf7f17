import type { Command } from 'commander';
import type { ImportOptions } from './import-run.js';

/** `popx import FILE|DIR`: submit files locally (straight into the database) or to a server with a token. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .argument('<path>', 'a CSV, XLSX, NDJSON or JSON file, or a `popx gen` directory (replayed in manifest order)')
    .option('--type <type>', 'event type of the file, e.g. birth')
    .option('--org <code>', 'the submitting organisation (local mode)')
    .option('--mode <mode>', 'accept_valid (default) or reject_all', 'accept_valid')
    .option('--server <url>', 'submit to a running server instead, e.g. http://127.0.0.1:8080')
    .option('--token <token>', 'API token of the submitting organisation (with --server)')
    .option('--strict', 'with a directory: exit 1 when any row was rejected')
    .option('--no-registry', 'local mode: do not bring the population registry up to date afterwards')
    .description('submit a file and print its report (exit 1 when any row was rejected)')
    .action(async (target: string, options: ImportOptions) => {
      const { runImport } = await import('./import-run.js');
      await runImport(target, options);
    });
}
