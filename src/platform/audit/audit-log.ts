import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { canonicalJson } from './canonical-json.js';
import { advanceChainHead, chainHash, lockChainHead } from './chain-head.js';

export const AUDIT_CHAIN = 'audit';

/** Who did something: a signed-in user, a department system's token, the platform itself. */
export interface AuditActor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id?: string | null;
  name?: string | null;
  role?: string | null;
  orgCode?: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  /** Dotted verb, e.g. `org.create`, `auth.login`, `person.read`. */
  action: string;
  targetType?: string;
  targetIds?: readonly string[];
  purpose?: string | null;
  result?: 'ok' | 'denied' | 'error';
  ip?: string | null;
  details?: Record<string, unknown>;
}

type AuditRow = Database['audit_log'];

/** The fields covered by an entry's hash, in one fixed shape. */
export function auditHashBody(row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  return canonicalJson([
    row.seq,
    row.at,
    row.actor_type,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.org_code,
    row.action,
    row.target_type,
    row.target_ids,
    row.purpose,
    row.result,
    row.ip,
    row.details,
  ]);
}

/**
 * Appends an entry to the audit chain inside the caller's transaction, so that a write and
 * its audit entry commit together or not at all.
 */
export async function appendAudit(trx: Kysely<Database>, input: AuditInput): Promise<number> {
  const [seq] = await appendAuditEntries(trx, [input]);
  return seq!;
}

/** Appends several entries under one lock of the chain head, in order; returns their sequence numbers. */
export async function appendAuditEntries(trx: Kysely<Database>, inputs: readonly AuditInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = chainEntries(await lockChainHead(trx, AUDIT_CHAIN), inputs);
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_BATCH) await trx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_INSERT_BATCH)).execute();
  await advanceChainHead(trx, AUDIT_CHAIN, rows.at(-1)!.seq, rows.at(-1)!.hash);
  return rows.map((row) => row.seq);
}

/** The entries as rows chained after `head`, all stamped with one time. */
function chainEntries(head: { seq: number; hash: string }, inputs: readonly AuditInput[]): AuditRow[] {
  let { seq, hash } = head;
  const rows: AuditRow[] = [];
  const at = new Date().toISOString();
  for (const input of inputs) {
    seq += 1;
    const body: Omit<AuditRow, 'hash' | 'prev_hash'> = {
      seq,
      at,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      actor_name: input.actor.name ?? null,
      actor_role: input.actor.role ?? null,
      org_code: input.actor.orgCode ?? null,
      action: input.action,
      target_type: input.targetType ?? null,
      target_ids: JSON.stringify(input.targetIds ?? []),
      purpose: input.purpose ?? null,
      result: input.result ?? 'ok',
      ip: input.ip ?? null,
      details: canonicalJson(input.details ?? {}),
    };
    const next = chainHash(hash, auditHashBody(body));
    rows.push({ ...body, prev_hash: hash, hash: next });
    hash = next;
  }
  return rows;
}

const sqliteInserts = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();

/**
 * {@link appendAuditEntries} on SQLite with each row inserted by one statement prepared once,
 * on the connection the caller's Kysely transaction runs on (as the ledger writer does): a group
 * commit of person look-ups otherwise built and prepared a many-row INSERT every time.
 */
async function appendAuditEntriesSqlite(trx: Kysely<Database>, sqlite: SqliteDatabase.Database, inputs: readonly AuditInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = chainEntries(await lockChainHead(trx, AUDIT_CHAIN), inputs);
  let insert = sqliteInserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      `insert into audit_log (seq, at, actor_type, actor_id, actor_name, actor_role, org_code, action, target_type, target_ids, purpose, result, ip, details, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sqliteInserts.set(sqlite, insert);
  }
  for (const r of rows) {
    insert.run(r.seq, r.at, r.actor_type, r.actor_id, r.actor_name, r.actor_role, r.org_code, r.action, r.target_type, r.target_ids, r.purpose, r.result, r.ip, r.details, r.prev_hash, r.hash);
  }
  await advanceChainHead(trx, AUDIT_CHAIN, rows.at(-1)!.seq, rows.at(-1)!.hash);
  return rows.map((row) => row.seq);
}

const AUDIT_INSERT_BATCH = 50;

interface PendingAudit {
  input: AuditInput;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/** Entries waiting for the next group commit, per database. */
const pendingByDb = new WeakMap<Db, PendingAudit[]>();

/**
 * Appends an audit entry in a transaction of its own (reads, denials, failed logins) and resolves
 * once it is committed. Entries recorded at the same moment by concurrent requests share one
 * transaction (group commit): one chain-head lock and one commit for many reads under load.
 */
export function recordAudit(db: Db, input: AuditInput): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let pending = pendingByDb.get(db);
    if (!pending) {
      pending = [];
      pendingByDb.set(db, pending);
      setImmediate(() => void flushAudit(db));
    }
    pending.push({ input, resolve, reject });
  });
}

async function flushAudit(db: Db): Promise<void> {
  const batch = pendingByDb.get(db) ?? [];
  pendingByDb.delete(db);
  if (batch.length === 0) return;
  try {
    const inputs = batch.map((p) => p.input);
    const sqlite = db.sqlite;
    const seqs = await db.kysely.transaction().execute((trx) => (sqlite ? appendAuditEntriesSqlite(trx, sqlite, inputs) : appendAuditEntries(trx, inputs)));
    batch.forEach((p, i) => p.resolve(seqs[i]!));
  } catch (error) {
    for (const p of batch) p.reject(error);
  }
}
