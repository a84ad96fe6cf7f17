import type { Command } from 'commander';

// Each action imports what it uses when it runs, so `popx --help` loads no database driver.
const importConfig = () => import('../platform/config/config.js');
const importDatabase = () => import('../platform/db/index.js');

/** migrate, init, audit verify, backup, restore. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const [{ loadConfig }, { migrateToLatest, openDatabase }] = await Promise.all([importConfig(), importDatabase()]);
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n');
      } finally {
        await db.close();
      }
    });

  program
    .command('init')
    .description('load a district profile, its demo organisations and the admin user into an empty database')
    .option('--district <file>', 'district CSV (code,name,parent[,level,kind]); default POPX_DISTRICT or the shipped 顺德区')
    .action(async (options: { district?: string }) => {
      const [{ loadConfig }, { migrateToLatest, openDatabase }, { initialiseDistrict }, { readDistrictFile, SHIPPED_DISTRICT_FILE }] =
        await Promise.all([importConfig(), importDatabase(), import('../platform/bootstrap.js'), import('../platform/district/district-file.js')]);
      const config = loadConfig();
      const profile = readDistrictFile(options.district ?? config.districtFile ?? SHIPPED_DISTRICT_FILE);
      const db = await openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(db);
        const password = await initialiseDistrict(db, config, profile);
        process.stdout.write(`initialised ${profile.name} (${profile.code}): ${profile.divisions.length} divisions\n`);
        if (password) process.stdout.write(`admin password (shown once; change it at first sign-in): ${password}\n`);
      } finally {
        await db.close();
      }
    });

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description("recompute the audit log's and the exchange ledger's hash chains; exit 1 naming the first broken entry")
    .action(async () => {
      const [{ loadConfig }, { openDatabase }, { verifyAuditChain }, { verifyLedgerChain }] = await Promise.all([
        importConfig(),
        importDatabase(),
        import('../platform/audit/audit-verify.js'),
        import('../exchange/ledger/verify-ledger.js'),
      ]);
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        for (const report of [await verifyAuditChain(db), await verifyLedgerChain(db)]) {
          const name = report.chain === 'audit' ? 'audit log' : 'exchange ledger';
          if (report.ok) {
            process.stdout.write(`${name}: ${report.checked} entries verified, head ${report.headSeq} — OK\n`);
          } else {
            process.stdout.write(`${name} BROKEN at entry ${report.firstBroken!.seq}: ${report.firstBroken!.reason}\n`);
            process.exitCode = 1;
          }
        }
      } finally {
        await db.close();
      }
    });

  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .description('consistent online backup (SQLite backup API, or pg_dump for PostgreSQL)')
    .action(async (file: string) => {
      const [{ loadConfig }, { backupDatabase }] = await Promise.all([importConfig(), import('../platform/db/backup.js')]);
      const bytes = await backupDatabase(loadConfig().databaseUrl, file);
      process.stdout.write(`backup written to ${file} (${(bytes / 1048576).toFixed(1)} MB)\n`);
    });

  program
    .command('restore')
    .argument('<file>', 'a backup made by `popx backup`')
    .description('replace the database with a backup (stop the server first), then verify the audit chain')
    .action(async (file: string) => {
      const [{ loadConfig }, { migrateToLatest, openDatabase }, { restoreDatabase }, { verifyAuditChain }] = await Promise.all([
        importConfig(),
        importDatabase(),
        import('../platform/db/backup.js'),
        import('../platform/audit/audit-verify.js'),
      ]);
      const url = loadConfig().databaseUrl;
      await restoreDatabase(url, file);
      const db = await openDatabase(url);
      try {
        await migrateToLatest(db);
        const report = await verifyAuditChain(db);
        process.stdout.write(`restored from ${file}; audit chain ${report.ok ? `OK (${report.checked} entries)` : `BROKEN at ${report.firstBroken!.seq}`}\n`);
        if (!report.ok) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}
