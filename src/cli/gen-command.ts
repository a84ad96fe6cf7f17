import path from 'node:path';
import type { Command } from 'commander';

/** `popx gen`: write a synthetic district with its ground truth. */
export function registerGenCommand(program: Command): void {
  program
    .command('gen')
    .description('write a synthetic district: each department\'s monthly files, DIR/manifest.json and the truth under DIR/truth/')
    .requiredOption('--persons <n>', 'people living in the district at the start')
    .requiredOption('--seed <seed>', 'the same seed and arguments give byte-identical files')
    .requiredOption('--out <dir>', 'output directory (replaced)')
    .option('--months <m>', 'months of life to simulate', '24')
    .option('--start <YYYY-MM>', 'first month simulated', '2024-01')
    .option('--district <file>', 'district profile CSV (default: the shipped 顺德区)')
    .option('--floating-share <share>', 'share of floating population (0.1–0.3)', '0.25')
    .action(async (o: { persons: string; seed: string; out: string; months: string; start: string; district?: string; floatingShare: string }) => {
      const started = performance.now();
      const { generateDistrict } = await import('../gen/generate-district.js');
      const summary = await generateDistrict({
        persons: Number(o.persons),
        seed: o.seed,
        out: path.resolve(o.out),
        months: Number(o.months),
        start: o.start,
        districtFile: o.district,
        floatingShare: Number(o.floatingShare),
        onProgress: (done, total, label) => {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${label}  ${done}/${total} months`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(
        `wrote ${summary.files} files (${summary.records} records) for ${summary.persons} persons in ${summary.households} households: ` +
          `${summary.births} births, ${summary.deaths} deaths, ${summary.contradictions} contradictions, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
