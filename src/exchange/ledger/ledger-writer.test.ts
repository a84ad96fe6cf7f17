import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { candidateColumns, ledgerCopyTail, LedgerWriter, toLedgerCandidate, type LedgerCandidate, type LedgerOutcome } from './ledger-writer.js';
import { verifyLedgerChain } from './verify-ledger.js';

/** More rows than the writer keeps states of in memory, so its cache is emptied mid-way. */
const ROWS = 60_000;

function candidates(action: LedgerCandidate['action'], version: string, from = 0, to = ROWS): LedgerCandidate[] {
  const out: LedgerCandidate[] = [];
  for (let i = from; i < to; i += 1) {
    out.push(toLedgerCandidate(i + 2, 'hukou_register', action, { record_id: `R${i}`, name: `人${i}`, note: version }, `S${i}`, '2025-01-01'));
  }
  return out;
}

describe.each(DIALECTS)('LedgerWriter on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(async () => t?.close());

  async function submit(id: string, rows: LedgerCandidate[]): Promise<Record<string, number>> {
    const tally: Record<string, number> = {};
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      const writer = await LedgerWriter.open(trx, id, 'PS-005', t.ctx.db);
      for (let i = 0; i < rows.length; i += 1000) {
        for (const outcome of await writer.apply(rows.slice(i, i + 1000))) {
          const kind = (outcome as LedgerOutcome & { code?: string }).code ?? outcome.kind;
          tally[kind] = (tally[kind] ?? 0) + 1;
        }
      }
      await writer.finish();
    });
    return tally;
  }

  it('accepts a first load, then counts every row of an identical resubmission as a duplicate', async () => {
    expect(await submit('s1', candidates('create', 'v1'))).toEqual({ accepted: ROWS });
    expect(await submit('s2', candidates('create', 'v1'))).toEqual({ duplicate: ROWS });
  });

  it('refuses changed creates, applies corrections and cancellations, and keeps the chain whole', async () => {
    expect(await submit('s3', candidates('create', 'v2', 0, 100))).toEqual({ RECORD_EXISTS: 100 });
    expect(await submit('s4', [...candidates('correct', 'v2'), ...candidates('cancel', 'v2', 0, 10)])).toEqual({ corrected: ROWS, cancelled: 10 });
    expect(await submit('s5', candidates('correct', 'v3', 0, 20))).toEqual({ RECORD_CANCELLED: 10, corrected: 10 });
    expect(await submit('s6', candidates('create', 'v2', 0, 10))).toEqual({ accepted: 10 });
    const states = await t.ctx.db.kysely.selectFrom('record_state').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(states.n)).toBe(ROWS);
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
  });

  it('keeps each record state when first records and later entries of the same ids are written together', async () => {
    const entry = (action: LedgerCandidate['action'], i: number, version: string) =>
      toLedgerCandidate(i + 2, 'mixed_type', action, { record_id: `M${i}`, note: version }, null, null);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    const rows = [
      ...range(0, 50).map((i) => entry('create', i, 'v1')),
      ...range(0, 10).map((i) => entry('correct', i, 'v2')),
      ...range(10, 20).map((i) => entry('cancel', i, 'v2')),
      ...range(10, 15).map((i) => entry('create', i, 'v3')),
      entry('create', 20, 'v1'),
      entry('create', 21, 'v2'),
    ];
    expect(await submit('m1', rows)).toEqual({ accepted: 55, corrected: 10, cancelled: 10, duplicate: 1, RECORD_EXISTS: 1 });
    // The state each record should have: its last entry's, a cancellation keeping the hash it cancelled.
    const expected = new Map<string, { latest_seq: number; payload_hash: string; status: string }>();
    const entries = await t.ctx.db.kysely.selectFrom('ledger').select(['seq', 'record_id', 'action', 'payload_hash']).where('submission_id', '=', 'm1').orderBy('seq').execute();
    for (const e of entries) {
      const before = expected.get(e.record_id);
      const cancel = e.action === 'cancel';
      expected.set(e.record_id, { latest_seq: Number(e.seq), payload_hash: cancel ? before!.payload_hash : e.payload_hash, status: cancel ? 'cancelled' : 'active' });
    }
    const states = await t.ctx.db.kysely.selectFrom('record_state').select(['record_id', 'latest_seq', 'payload_hash', 'status']).where('type', '=', 'mixed_type').execute();
    expect(new Map(states.map((st) => [st.record_id, { latest_seq: Number(st.latest_seq), payload_hash: st.payload_hash, status: st.status }]))).toEqual(expected);
    expect(expected.get('M15')?.status).toBe('cancelled');
    // Sent again as they now stand, every record is a duplicate.
    const again = [...range(0, 10).map((i) => entry('correct', i, 'v2')), ...range(10, 15).map((i) => entry('create', i, 'v3')), ...range(15, 20).map((i) => entry('cancel', i, 'v1'))];
    expect(await submit('m2', again)).toEqual({ duplicate: 20 });
  });

  it('stores records whose COPY text came encoded as bytes exactly as given, escapes included', async () => {
    const list = Array.from({ length: 300 }, (_, i) =>
      toLedgerCandidate(i + 2, 'hukou_register', 'create', { record_id: `C${i}\\${i % 3 === 0 ? '\t' : ''}`, name: `欧阳𠀀\t${i}`, note: 'a\\b\nc\r"中"' }, i % 2 === 0 ? null : `S\t${i}`, i % 5 === 0 ? null : '2025-01-01'),
    );
    const tails = list.map((c) => Buffer.from(ledgerCopyTail(c)));
    const copyEnds: number[] = [];
    tails.reduce((end, tail) => (copyEnds.push(end + tail.length), end + tail.length), 0);
    // The writer copies the bytes on PostgreSQL; SQLite binds the payloads.
    const columns = { ...candidateColumns(list), copyText: Buffer.concat(tails), copyEnds };
    if (dialect === 'postgres') columns.payloads = [];
    await t.ctx.db.kysely.transaction().execute(async (trx) => {
      const writer = await LedgerWriter.open(trx, 'c1', 'PS-005', t.ctx.db);
      expect((await writer.applyColumns('hukou_register', columns)).every((outcome) => outcome.kind === 'accepted')).toBe(true);
      await writer.finish();
    });
    const rows = await t.ctx.db.kysely
      .selectFrom('ledger')
      .select(['type', 'record_id', 'action', 'payload', 'payload_hash', 'subject', 'event_date'])
      .where('submission_id', '=', 'c1')
      .orderBy('seq')
      .execute();
    expect(rows).toEqual(
      list.map((c) => ({ type: c.type, record_id: c.recordId, action: c.action, payload: c.payloadJson, payload_hash: c.payloadHash, subject: c.subject, event_date: c.eventDate })),
    );
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
  });
});
