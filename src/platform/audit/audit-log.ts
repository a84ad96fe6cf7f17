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
  const head = await lockChainHead(trx, AUDIT_CHAIN);
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
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_BATCH) await trx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_INSERT_BATCH)).execute();
  await advanceChainHead(trx, AUDIT_CHAIN, seq, hash);
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
    const seqs = await db.kysely.transaction().execute((trx) => appendAuditEntries(trx, batch.map((p) => p.input)));
    batch.forEach((p, i) => p.resolve(seqs[i]!));
  } catch (error) {
    for (const p of batch) p.reject(error);
  }
}
