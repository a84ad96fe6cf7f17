import pg from 'pg';
import { testPostgresUrl } from './test-database.js';

/**
 * Fails the whole run when the PostgreSQL of the dialect matrix is unreachable: the suite must
 * never quietly pass on SQLite alone.
 */
export default async function setup(): Promise<void> {
  const url = testPostgresUrl();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL for the test matrix is unreachable at ${url.replace(/\/\/[^@]*@/, '//…@')}: ${(error as Error).message}. ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set POPX_TEST_DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
