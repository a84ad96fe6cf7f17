import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../../platform/db/index.js';

/** The few expressions that SQLite and PostgreSQL spell differently, for the indicator queries. */
export interface DialectSql {
  /** The largest of its arguments (none may be null). */
  greatest(...values: RawBuilder<unknown>[]): RawBuilder<string>;
  least(...values: RawBuilder<unknown>[]): RawBuilder<string>;
  /** A text value at a path inside a JSON text column, or null. */
  jsonText(column: RawBuilder<unknown>, ...path: string[]): RawBuilder<string | null>;
  /** Whole days from an ISO date text to an ISO timestamp text's date. */
  daysFromTo(fromDay: RawBuilder<unknown>, toTimestamp: RawBuilder<unknown>): RawBuilder<number>;
  /**
   * After a table name: read the whole table rather than through an index. SQLite otherwise
   * walks persons_birth_date for a birth-date range and fetches a million rows one by one.
   */
  fullScan: RawBuilder<unknown>;
  /** Whole days from 1850-01-01 to an ISO date (an integer; negative before then). */
  dayIndex(day: RawBuilder<unknown>): RawBuilder<number>;
}

/** The expressions of one dialect. */
export function dialectSql(dialect: Dialect): DialectSql {
  if (dialect === 'postgres') {
    return {
      greatest: (...values) => sql<string>`greatest(${sql.join(values)})`,
      least: (...values) => sql<string>`least(${sql.join(values)})`,
      jsonText: (column, ...path) => sql<string | null>`(${column}::json #>> ${sql.lit(`{${path.join(',')}}`)})`,
      daysFromTo: (fromDay, toTimestamp) => sql<number>`(substr(${toTimestamp}, 1, 10)::date - ${fromDay}::date)`,
      fullScan: sql``,
      dayIndex: (day) => sql<number>`(${day}::date - date '1850-01-01')`,
    };
  }
  return {
    greatest: (...values) => sql<string>`max(${sql.join(values)})`,
    least: (...values) => sql<string>`min(${sql.join(values)})`,
    jsonText: (column, ...path) => sql<string | null>`json_extract(${column}, ${sql.lit(`$.${path.join('.')}`)})`,
    daysFromTo: (fromDay, toTimestamp) => sql<number>`cast(julianday(substr(${toTimestamp}, 1, 10)) - julianday(${fromDay}) as integer)`,
    fullScan: sql`not indexed`,
    dayIndex: (day) => sql<number>`cast(julianday(${day}) - 2396758.5 as integer)`,
  };
}
