/** The machine a run measured on, stated next to every set of figures. */
import os from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface MachineInfo {
  date: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  node: string;
  sqlite: string;
  postgres: string;
  /** PostgreSQL durability settings that move write figures (synchronous_commit, fsync, …). */
  postgresSettings: string;
  /** 1-minute load average at the start and the end of the run: other work on a shared machine. */
  loadAverageStart: number;
  loadAverageEnd?: number;
}

/** Collects the machine block; database versions read "unavailable (…)" rather than failing. */
export async function describeMachine(postgresUrl: string): Promise<MachineInfo> {
  const cpus = os.cpus();
  const postgres = await readPostgres(postgresUrl);
  return {
    date: new Date().toISOString(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    sqlite: readSqliteVersion(),
    postgres: postgres.version,
    postgresSettings: postgres.settings,
    loadAverageStart: os.loadavg()[0] ?? 0,
  };
}

function readSqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    const row = db.prepare('select sqlite_version() as v').get() as { v: string };
    return row.v;
  } finally {
    db.close();
  }
}

async function readPostgres(url: string): Promise<{ version: string; settings: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const version = (await client.query<{ version: string }>('select version()')).rows[0]?.version ?? '';
    const settings = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
        where name in ('synchronous_commit', 'fsync', 'shared_buffers', 'wal_level', 'max_wal_size')
        order by name`,
    );
    const described = settings.rows.map((r) => `${r.name}=${r.setting}`);
    return { version, settings: described.join(', ') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { version: `unavailable (${reason})`, settings: '' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
