import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

const migrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * On PostgreSQL the migration tables live in the connection's current schema, named
 * explicitly: Kysely's existence check otherwise sees same-named tables in other schemas.
 */
async function migratorFor(db: Db): Promise<Migrator> {
  if (db.dialect !== 'postgres') return new Migrator({ db: db.kysely, provider: migrationProvider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]?.schema ?? 'public';
  return new Migrator({ db: db.kysely, provider: migrationProvider, migrationTableSchema: schema });
}

/** Brings the schema up to date; returns the names applied by this call. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await (await migratorFor(db)).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Counts applied and pending migrations, for /readyz and the health page. */
export async function migrationStatus(db: Db): Promise<{ applied: number; pending: number }> {
  const all = await (await migratorFor(db)).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined).length;
  return { applied, pending: all.length - applied };
}
