import type { Db } from '../db/index.js';
import { AUDIT_CHAIN, auditHashBody } from './audit-log.js';
import { verifyHashChain, type ChainReport, type ChainRow } from './verify-chain.js';

const PAGE_SIZE = 5000;

async function* auditRows(db: Db): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const page = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      yield { seq, prevHash: row.prev_hash, hash: row.hash, body: auditHashBody({ ...row, seq }) };
    }
    if (page.length < PAGE_SIZE) return;
    after = Number(page[page.length - 1]!.seq);
  }
}

/** Recomputes the audit log's hash chain from the first entry to the head. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const head = await db.kysely
    .selectFrom('chain_heads')
    .select(['seq', 'hash'])
    .where('name', '=', AUDIT_CHAIN)
    .executeTakeFirst();
  return verifyHashChain(
    AUDIT_CHAIN,
    auditRows(db),
    head ? { seq: Number(head.seq), hash: head.hash } : undefined,
  );
}
