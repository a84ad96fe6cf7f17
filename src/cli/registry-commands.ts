import type { Command } from 'commander';
import { withContext } from './cli-context.js';

/** `popx registry project|rebuild|status`: the population registry's projection from the ledger. */
export function registerRegistryCommands(program: Command): void {
  const registry = program.command('registry').description('the population registry (人口库), projected from the exchange ledger');
  const progress = (p: { entries: number }) => {
    if (process.stderr.isTTY) process.stderr.write(`\r  ${p.entries.toLocaleString('en-US')} records   `);
  };
  const report = (verb: string, started: number, r: { entries: number; seq: number; reviews: number }) => {
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(`${verb} ${r.entries} ledger entries in ${((performance.now() - started) / 1000).toFixed(1)} s; registry at ledger entry ${r.seq}; ${r.reviews} new links for review\n`);
  };
  registry
    .command('project')
    .description('project the ledger entries not yet in the registry')
    .action(async () => {
      const [{ catchUpRegistry }, { crosscheckFollower }] = await Promise.all([import('../registry/index.js'), import('../crosscheck/index.js')]);
      await withContext(async (ctx) => {
        const started = performance.now();
        report('projected', started, await catchUpRegistry(ctx, progress, ctx.config.crosscheckIncremental ? crosscheckFollower(ctx) : undefined));
      });
    });
  registry
    .command('rebuild')
    .description('drop the registry and project the whole ledger again (reviewer decisions are kept)')
    .action(async () => {
      const { rebuildRegistryOf } = await import('../registry/index.js');
      await withContext(async (ctx) => {
        const started = performance.now();
        report('rebuilt from', started, await rebuildRegistryOf(ctx, progress));
      });
    });
  registry
    .command('status')
    .description('how far the registry is behind the ledger, and its size')
    .action(async () => {
      await withContext(async (ctx) => {
        const k = ctx.db.kysely;
        const cursor = await k.selectFrom('registry_cursor').select('seq').executeTakeFirst();
        const head = await k.selectFrom('ledger').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
        const persons = await k.selectFrom('persons').select(['population', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').groupBy('population').execute();
        const reviews = await k.selectFrom('link_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst();
        process.stdout.write(`ledger head ${Number(head?.seq ?? 0)}, registry at ${Number(cursor?.seq ?? 0)}\n`);
        for (const p of persons) process.stdout.write(`  ${p.population}: ${Number(p.n)}\n`);
        process.stdout.write(`open link reviews: ${Number(reviews?.n ?? 0)}\n`);
      });
    });
}
