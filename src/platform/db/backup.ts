import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { dialectOf, sqlitePathOf } from './database.js';

/** Marks an SQLite database as served by a running process (restore refuses to overwrite it). */
export function serverLockPath(sqlitePath: string): string {
  return `${sqlitePath}.server.pid`;
}

/** Writes the server's pid beside the SQLite file; returns a function that removes it. */
export function holdServerLock(sqlitePath: string): () => void {
  const file = serverLockPath(sqlitePath);
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function isServerRunning(sqlitePath: string): boolean {
  const file = serverLockPath(sqlitePath);
  if (!fs.existsSync(file)) return false;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch {
    return false;
  }
}

/**
 * A consistent online backup: SQLite's backup API (safe while the server writes) or pg_dump's
 * snapshot in custom format. Returns the bytes written.
 */
export async function backupDatabase(url: string, file: string, options: { pgSchema?: string } = {}): Promise<number> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (dialectOf(url) === 'sqlite') {
    const source = sqlitePathOf(url);
    if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
    const database = new SqliteDatabase(source, { fileMustExist: true });
    try {
      await database.backup(target);
    } finally {
      database.close();
    }
    const copy = new SqliteDatabase(target, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
  } else {
    const schema = options.pgSchema ? [`--schema=${options.pgSchema}`] : [];
    await run('pg_dump', ['--format=custom', '--no-owner', ...schema, `--file=${target}`, `--dbname=${url}`]);
  }
  return fs.statSync(target).size;
}

/** Replaces the database with a backup. SQLite: the server must be stopped first. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`no backup file at ${source}`);
  if (dialectOf(url) === 'sqlite') {
    const target = sqlitePathOf(url);
    if (isServerRunning(target)) {
      throw new Error(`a PopX server is running on ${target}; stop it before restoring`);
    }
    const check = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`${source} is not a sound SQLite database: ${String(result)}`);
    } catch (error) {
      throw new Error(`${source} is not a PopX SQLite backup: ${(error as Error).message}`);
    } finally {
      check.close();
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const staging = `${target}.restoring`;
    fs.copyFileSync(source, staging);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
  } else {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, source]);
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim().slice(0, 500)}`)),
    );
  });
}
