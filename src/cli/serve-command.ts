import type { Command } from 'commander';

/** `popx serve`: migrate, initialise an empty database, serve the UI and API. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the API (what `npm start` runs)')
    .option('--port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'address (default HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      // The server and everything it serves load here, not when another command runs.
      const [{ loadConfig }, { openContext }, { holdServerLock }, { buildServer }] = await Promise.all([
        import('../platform/config/config.js'),
        import('../platform/bootstrap.js'),
        import('../platform/db/backup.js'),
        import('../server.js'),
      ]);
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      if (options.host) config.host = options.host;
      const { ctx, report } = await openContext(config);
      if (report.initialised) {
        process.stdout.write(`PopX: loaded district ${ctx.tree.root.name} (${ctx.tree.all().length} divisions) and its demo organisations\n`);
      }
      if (report.adminPassword) {
        process.stdout.write(
          [
            '',
            '  ┌──────────────────────────────────────────────────────────────',
            '  │ PopX created the administrator account (shown once):',
            '  │   username: admin',
            `  │   password: ${report.adminPassword}`,
            '  │ You will be asked to choose a new password at first sign-in.',
            '  └──────────────────────────────────────────────────────────────',
            '',
          ].join('\n'),
        );
      }
      const releaseLock = ctx.db.sqlitePath && ctx.db.sqlitePath !== ':memory:' ? holdServerLock(ctx.db.sqlitePath) : () => {};
      const app = await buildServer(ctx);
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await ctx.db.close();
        releaseLock();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      process.stdout.write(`PopX is serving on http://${config.host}:${config.port} (${ctx.db.dialect})\n`);
    });
}
