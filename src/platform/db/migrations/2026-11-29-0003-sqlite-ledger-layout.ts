import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * SQLite only: the ledger keyed by its rowid (`seq integer primary key`) and record_state as a
 * WITHOUT ROWID table. Before, each accepted row cost five B-tree inserts (ledger rows, its
 * separate `seq` index, the subject index, record_state rows and their key index); now three,
 * as many as the raw-insert baseline of docs/PERFORMANCE.md. PostgreSQL's layout is already
 * one heap plus its indexes, so it is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`create table ledger_rowid (
    seq integer primary key, submission_id text not null, org_code text not null, type text not null,
    record_id text not null, action text not null, refs_seq bigint, subject text, event_date text,
    payload text not null, payload_hash text not null, committed_at text not null, prev_hash text not null, hash text not null)`.execute(db);
  await sql`insert into ledger_rowid select seq, submission_id, org_code, type, record_id, action, refs_seq, subject, event_date,
    payload, payload_hash, committed_at, prev_hash, hash from ledger order by seq`.execute(db);
  await sql`drop table ledger`.execute(db);
  await sql`alter table ledger_rowid rename to ledger`.execute(db);
  await sql`create index ledger_subject on ledger (subject)`.execute(db);

  await sql`create table record_state_compact (
    org_code text not null, type text not null, record_id text not null, latest_seq bigint not null,
    payload_hash text not null, status text not null,
    constraint record_state_pk primary key (org_code, type, record_id)) without rowid`.execute(db);
  await sql`insert into record_state_compact select org_code, type, record_id, latest_seq, payload_hash, status from record_state`.execute(db);
  await sql`drop table record_state`.execute(db);
  await sql`alter table record_state_compact rename to record_state`.execute(db);
}

/** Back to the portable layout of 0002 (same columns; only the SQLite storage changes). */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`create table ledger_plain (
    seq bigint primary key, submission_id text not null, org_code text not null, type text not null,
    record_id text not null, action text not null, refs_seq bigint, subject text, event_date text,
    payload text not null, payload_hash text not null, committed_at text not null, prev_hash text not null, hash text not null)`.execute(db);
  await sql`insert into ledger_plain select * from ledger order by seq`.execute(db);
  await sql`drop table ledger`.execute(db);
  await sql`alter table ledger_plain rename to ledger`.execute(db);
  await sql`create index ledger_subject on ledger (subject)`.execute(db);
  await sql`create table record_state_plain (
    org_code text not null, type text not null, record_id text not null, latest_seq bigint not null,
    payload_hash text not null, status text not null,
    constraint record_state_pk primary key (org_code, type, record_id))`.execute(db);
  await sql`insert into record_state_plain select * from record_state`.execute(db);
  await sql`drop table record_state`.execute(db);
  await sql`alter table record_state_plain rename to record_state`.execute(db);
}
