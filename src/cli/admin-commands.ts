import type { Command } from 'commander';
import { printTable, withContext } from './cli-context.js';

// Each action imports its service when it runs, so `popx --help` loads none of them.
const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

async function cliActor() {
  const { SYSTEM_ACTOR } = await import('../platform/audit/actor.js');
  return { ...SYSTEM_ACTOR, name: `cli:${process.env.USER ?? 'unknown'}` };
}

/** org, user and token commands for the operator at the server's console. */
export function registerAdminCommands(program: Command): void {
  const org = program.command('org').description('organisations');
  org
    .command('create')
    .requiredOption('--code <code>', 'organisation code, e.g. PS-005')
    .requiredOption('--type <type>', 'bureau, police, health, civil, labor, commerce, infocenter, mch, town or village')
    .requiredOption('--name <name>', 'name')
    .option('--parent <code>', 'parent organisation code')
    .option('--division <code>', 'a division it serves (repeatable or comma-separated)', collect)
    .option('--liaison-name <name>', '联络员 name')
    .option('--liaison-phone <phone>', '联络员 phone')
    .action(
      async (o: {
        code: string;
        type: string;
        name: string;
        parent?: string;
        division?: string[];
        liaisonName?: string;
        liaisonPhone?: string;
      }) => {
        const { createOrg } = await import('../platform/orgs/orgs.service.js');
        const actor = await cliActor();
        await withContext(async (ctx) => {
          const created = await createOrg(ctx, actor, {
            code: o.code,
            type: o.type,
            name: o.name,
            parentCode: o.parent,
            divisions: o.division ?? [],
            liaisonName: o.liaisonName,
            liaisonPhone: o.liaisonPhone,
          });
          process.stdout.write(`created organisation ${created.code} ${created.name}\n`);
        });
      },
    );
  org
    .command('list')
    .option('--type <type>', 'only this type')
    .action(async (o: { type?: string }) => {
      const { findOrgs } = await import('../platform/orgs/orgs.repository.js');
      await withContext(async (ctx) => {
        const { items } = await findOrgs(ctx.db.kysely, { type: o.type, offset: 0, limit: 10_000 });
        printTable(items as unknown as Array<Record<string, unknown>>, [
          'code',
          'type',
          'name',
          'parentCode',
          'liaisonName',
        ]);
      });
    });

  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption(
      '--role <role>',
      'bureau_admin, bureau_analyst, dept_operator, town_operator, village_operator, reviewer, auditor or ops',
    )
    .requiredOption('--org <code>', 'organisation code')
    .option('--password <password>', 'password (generated and printed when omitted)')
    .option('--display-name <name>', 'name shown in the UI')
    .action(async (o: { username: string; role: string; org: string; password?: string; displayName?: string }) => {
      const { createUser } = await import('../platform/users/users.service.js');
      const actor = await cliActor();
      await withContext(async (ctx) => {
        const result = await createUser(ctx, actor, {
          username: o.username,
          role: o.role,
          orgCode: o.org,
          password: o.password,
          displayName: o.displayName,
          mustChangePassword: false,
        });
        process.stdout.write(`created user ${result.user.username} (${result.user.role}, ${result.user.orgCode})\n`);
        if (result.initialPassword) {
          process.stdout.write(`password (shown once; change it at first sign-in): ${result.initialPassword}\n`);
        }
      });
    });
  user.command('list').action(async () => {
    const { listUsers } = await import('../platform/users/users.service.js');
    await withContext(async (ctx) => {
      const { items } = await listUsers(ctx, { page: 1, pageSize: 200 });
      printTable(items as unknown as Array<Record<string, unknown>>, [
        'username',
        'role',
        'orgCode',
        'active',
        'lastLoginAt',
      ]);
    });
  });

  const token = program.command('token').description('API tokens for department systems');
  token
    .command('create')
    .requiredOption('--org <code>', 'the organisation the token acts for')
    .requiredOption('--name <name>', 'what system uses it')
    .option('--expires <days>', 'days until it expires', '365')
    .action(async (o: { org: string; name: string; expires: string }) => {
      const { createToken } = await import('../platform/auth/tokens.service.js');
      const actor = await cliActor();
      await withContext(async (ctx) => {
        const result = await createToken(ctx, actor, {
          orgCode: o.org,
          name: o.name,
          expiresInDays: Number(o.expires),
        });
        process.stdout.write(`${result.token}\n`);
        process.stderr.write(
          `token ${result.item.id} for ${result.item.orgCode}, expires ${result.item.expiresAt}; this is the only time it is shown\n`,
        );
      });
    });
  token
    .command('revoke')
    .argument('<id>', 'token id')
    .action(async (id: string) => {
      const { revokeToken } = await import('../platform/auth/tokens.service.js');
      const actor = await cliActor();
      await withContext(async (ctx) => {
        const result = await revokeToken(ctx, actor, id);
        process.stdout.write(`revoked ${result.id} (${result.orgCode} ${result.name})\n`);
      });
    });
}
