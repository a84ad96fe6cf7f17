export { openDatabase, pingDatabase, dialectOf, sqlitePathOf } from './database.js';
export type { Db, Dialect, OpenOptions } from './database.js';
export { copyRowsInto, copyLine, copyTextInto, CopyEncoder, escapeCopyText, type CopyValue } from './postgres-copy.js';
export { migrateToLatest, migrationStatus } from './migrate.js';
export { SqliteMultiRowInsert, type SqliteRowBatch } from './sqlite-multi-row-insert.js';
export type * from './schema.js';
