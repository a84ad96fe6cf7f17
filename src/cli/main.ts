import { Command, CommanderError } from 'commander';
import { AppError } from '../platform/errors/index.js';
import { registerAdminCommands } from './admin-commands.js';
import { registerCrosscheckCommand } from './crosscheck-command.js';
import { registerDatabaseCommands } from './database-commands.js';
import { registerGenCommand } from './gen-command.js';
import { registerImportCommand } from './import-command.js';
import { registerPullCommand } from './pull-command.js';
import { registerLinkageCommands } from './linkage-commands.js';
import { registerRegistryCommands } from './registry-commands.js';
import { registerServeCommand } from './serve-command.js';
import { registerStatsCommand } from './stats-command.js';

/** `popx`: the platform's command line (docs: ../../shared interfaces, README). */
export function buildProgram(): Command {
  const program = new Command('popx')
    .description('PopX — 区人口信息交换平台 district population information exchange platform')
    .version('0.1.0')
    .showHelpAfterError();
  registerServeCommand(program);
  registerDatabaseCommands(program);
  registerAdminCommands(program);
  registerGenCommand(program);
  registerImportCommand(program);
  registerPullCommand(program);
  registerLinkageCommands(program);
  registerRegistryCommands(program);
  registerCrosscheckCommand(program);
  registerStatsCommand(program);
  return program;
}

/** Prints an error the way a person at a terminal wants it, and sets exit code 1 (2 for usage). */
export function reportCliError(error: unknown): void {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  if (error instanceof AppError) {
    process.stderr.write(`popx: ${error.message}\n      ${error.messageZh}\n`);
    if (error.details !== undefined) process.stderr.write(`      ${JSON.stringify(error.details)}\n`);
  } else {
    process.stderr.write(`popx: ${(error as Error).message ?? String(error)}\n`);
  }
  process.exitCode = 1;
}

/** Runs the command line with the given argv; resolves when the command is done. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().exitOverride().parseAsync(argv);
  } catch (error) {
    reportCliError(error);
  }
}
