import type { Command } from 'commander';
import type { LinkageOptions } from './linkage-run.js';

/** `popx dedupe FILE` and `popx link FILE_A FILE_B`: probabilistic record linkage of CSV files (docs/LINKAGE.md). */
export function registerLinkageCommands(program: Command): void {
  withLinkageOptions(program.command('dedupe').argument('<file>', 'CSV with a header row'))
    .description('find duplicate persons inside one file; writes PAIRS.csv (id_a,id_b,score) 文件内查重')
    .action(async (file: string, options: LinkageOptions) => {
      const { runDedupe } = await import('./linkage-run.js');
      await runDedupe(file, options);
    });
  withLinkageOptions(
    program.command('link').argument('<fileA>', 'CSV with a header row').argument('<fileB>', 'CSV with a header row'),
  )
    .description('find the same persons across two files; writes PAIRS.csv (id_a from A, id_b from B) 跨文件比对')
    .action(async (fileA: string, fileB: string, options: LinkageOptions) => {
      const { runLink } = await import('./linkage-run.js');
      await runLink(fileA, fileB, options);
    });
}

function withLinkageOptions(command: Command): Command {
  // Usage errors (a missing --id) throw to runCli, which exits 2, instead of commander exiting 1.
  return command
    .exitOverride()
    .requiredOption('--id <column>', "column holding each record's id 记录编号列")
    .option('--out <file>', 'write PAIRS.csv here (default: standard output)')
    .option(
      '--map <field=column>',
      'take a field from another column, e.g. --map name=child_name (repeatable)',
      collect,
      [],
    )
    .option('--threshold <p>', 'match probability threshold 判定为同一人的概率阈值 (default 0.9)')
    .option('--review <p>', 'lower threshold of the review band, reported in the summary (default 0.5)')
    .option('--model <file>', 'use a model saved with --model-out instead of training')
    .option('--model-out <file>', 'save the trained model as JSON')
    .option(
      '--workers <n>',
      'worker threads scoring besides the main one (default: cores - 1 for files of 4 MiB or more, else 0) 评分线程数',
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
