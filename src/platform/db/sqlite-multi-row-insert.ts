import type SqliteDatabase from 'better-sqlite3';

/** Rows per multi-row statement: one statement run per row cost more (binding, entering SQLite) than the insert of a small row. */
export const ROWS_PER_STATEMENT = 32;

/** One run of appends through a SqliteMultiRowInsert: add each row's values in column order, then finish. */
export interface SqliteRowBatch {
  add(values: ArrayLike<unknown>): void;
  /** Writes the rows that did not fill a whole statement. */
  finish(): void;
}

/**
 * Inserts into one table through two statements prepared once: `ROWS_PER_STATEMENT` rows at a
 * time, and one row for the rest. For bulk appends inside the caller's transaction (registry
 * projection, analysis cells), where building queries cost more than SQLite's own work.
 */
export class SqliteMultiRowInsert {
  private readonly one: SqliteDatabase.Statement;
  private readonly many: SqliteDatabase.Statement;

  constructor(
    sqlite: SqliteDatabase.Database,
    table: string,
    private readonly columns: readonly string[],
    /** Appended to both statements, e.g. ` on conflict (key, person_id) do nothing`. */
    conflict = '',
  ) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `insert into ${table} (${columns.join(', ')}) values `;
    this.one = sqlite.prepare(`${head}${tuple}${conflict}`);
    this.many = sqlite.prepare(`${head}${new Array<string>(ROWS_PER_STATEMENT).fill(tuple).join(', ')}${conflict}`);
  }

  /** A fresh batch (its own buffer: a run that failed half-way leaves nothing behind for the next). */
  batch(): SqliteRowBatch {
    const width = this.columns.length;
    const buffer = new Array<unknown>(width * ROWS_PER_STATEMENT);
    let filled = 0;
    return {
      add: (values) => {
        for (let i = 0; i < width; i += 1) buffer[filled++] = values[i];
        if (filled === buffer.length) {
          filled = 0;
          this.many.run(buffer);
        }
      },
      finish: () => {
        for (let at = 0; at < filled; at += width) this.one.run(buffer.slice(at, at + width));
        filled = 0;
      },
    };
  }

  /** Inserts rows given as value arrays in column order. */
  insert(rows: Iterable<ArrayLike<unknown>>): void {
    const batch = this.batch();
    for (const row of rows) batch.add(row);
    batch.finish();
  }
}
