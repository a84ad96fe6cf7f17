import { verifyHashChain, type ChainReport, type ChainRow } from '../../platform/audit/verify-chain.js';
import type { Db } from '../../platform/db/index.js';
import { EXCHANGE_CHAIN, ledgerHashBody, payloadHash } from './ledger-hash.js';

const PAGE_SIZE = 5000;

async function* ledgerRows(db: Db): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const page = await db.kysely.selectFrom('ledger').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE_SIZE).execute();
    for (const row of page) {
      const seq = Number(row.seq);
      // Hash the payload itself, not its recorded hash: an edited payload then breaks the chain.
      const body = ledgerHashBody({ ...row, seq, refs_seq: row.refs_seq === null ? null : Number(row.refs_seq), payload_hash: payloadHash(row.payload) });
      yield { seq, prevHash: row.prev_hash, hash: row.hash, body };
    }
    if (page.length < PAGE_SIZE) return;
    after = Number(page[page.length - 1]!.seq);
  }
}

/** Recomputes the exchange ledger's hash chain, payloads included. */
export async function verifyLedgerChain(db: Db): Promise<ChainReport> {
  const head = await db.kysely.selectFrom('chain_heads').select(['seq', 'hash']).where('name', '=', EXCHANGE_CHAIN).executeTakeFirst();
  return verifyHashChain(EXCHANGE_CHAIN, ledgerRows(db), head ? { seq: Number(head.seq), hash: head.hash } : undefined);
}

/**
 * Checks a submission receipt: the ledger entry `to` still carries `headHash` and the chain up
 * to it is intact, so the department can prove later what was accepted from it.
 */
export async function verifyReceipt(db: Db, receipt: { to: number; headHash: string }): Promise<{ ok: boolean; reason?: string }> {
  const row = await db.kysely.selectFrom('ledger').select(['hash']).where('seq', '=', receipt.to).executeTakeFirst();
  if (!row) return { ok: false, reason: `ledger entry ${receipt.to} does not exist` };
  if (row.hash !== receipt.headHash) return { ok: false, reason: `ledger entry ${receipt.to} no longer has the receipt's hash` };
  const chain = await verifyLedgerChain(db);
  if (!chain.ok && chain.firstBroken && chain.firstBroken.seq <= receipt.to) return { ok: false, reason: chain.firstBroken.reason };
  return { ok: true };
}
