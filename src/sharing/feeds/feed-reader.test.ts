import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { agreementReadableBy } from '../agreements/agreements.service.js';
import { isInOrder, selectFeedPageText } from './feed-page.queries.js';
import { FeedReader, feedLines, type FeedItem } from './feed-reader.js';

const MOTHER = '44060619920315002' + idCheckChar('44060619920315002');

/** A feed item as JavaScript would serialise it from the ledger row. */
function expectedLine(row: { seq: number; type: string; action: string; record_id: string; refs_seq: number | null; org_code: string; event_date: string | null; committed_at: string; payload: string }): string {
  const item: FeedItem = {
    seq: Number(row.seq),
    type: row.type,
    action: row.action,
    recordId: row.record_id,
    refsSeq: row.refs_seq === null ? null : Number(row.refs_seq),
    orgCode: row.org_code,
    eventDate: row.event_date,
    committedAt: row.committed_at,
    fields: JSON.parse(row.payload) as Record<string, unknown>,
  };
  return JSON.stringify(item);
}

describe.each(DIALECTS)('a district-wide feed serialised by the database on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
    const births: Record<string, string | number>[] = [
      { record_id: 'B1', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明' },
      { record_id: 'B"2\\x', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-08-02', child_name: '王芳' },
      { record_id: 'B3', mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-09-01', child_name: '张伟', birth_weight_g: 3150 },
    ];
    expect((await submitRows(t.ctx, 'HOSP-01', 'birth', births)).accepted).toBe(3);
    await submitRows(t.ctx, 'PS-005', 'hukou_move_out', [{ record_id: 'M1', id_number: MOTHER, moved_on: '2025-01-01', to_division: '110101000000' }]);
    expect((await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: 'B1', action: 'cancel' }])).rejected).toBe(0);
  });
  afterAll(() => t.close());

  it('gives exactly the lines JavaScript would write, escapes and references included, in sequence order', async () => {
    const reader = new FeedReader(t.ctx.db.kysely, await agreementReadableBy(t.ctx, 'POLICE', 'AG-POLICE-BIRTHS'));
    const page = await reader.page(0, 100);
    const rows = await t.ctx.db.kysely.selectFrom('ledger').selectAll().where('type', '=', 'birth').orderBy('seq').execute();
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)!.refs_seq).not.toBeNull();
    expect(page.count).toBe(4);
    expect(feedLines(page)).toEqual(rows.map(expectedLine));
    expect(page.ndjson.toString('utf8').endsWith('\n')).toBe(true);
    expect(page.next).toBe(page.watermark);
  });

  it('walks the feed in short pages without skipping or repeating an event, and stops at the watermark', async () => {
    const reader = new FeedReader(t.ctx.db.kysely, await agreementReadableBy(t.ctx, 'POLICE', 'AG-POLICE-BIRTHS'));
    const seen: number[] = [];
    let after = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = await reader.page(after, 3);
      seen.push(...feedLines(page).map((line) => (JSON.parse(line) as FeedItem).seq));
      if (page.count === 3) expect(page.next).toBe(seen.at(-1));
      after = page.next;
      if (page.next >= page.watermark) break;
    }
    const births = await t.ctx.db.kysely.selectFrom('ledger').select('seq').where('type', '=', 'birth').orderBy('seq').execute();
    expect(seen).toEqual(births.map((row) => Number(row.seq)));
    const end = await reader.page(after, 3);
    expect(end.count).toBe(0);
    expect(end.next).toBe(after);
  });

  it('keeps to a download’s event dates', async () => {
    const reader = new FeedReader(t.ctx.db.kysely, await agreementReadableBy(t.ctx, 'POLICE', 'AG-POLICE-BIRTHS'), { type: 'birth', eventFrom: '2025-08-01', eventTo: '2025-08-31' });
    const page = await reader.page(0, 100);
    expect(feedLines(page).map((line) => (JSON.parse(line) as FeedItem).recordId)).toEqual(['B"2\\x']);
  });

  it('joins a page the same with an explicit order, and tells a page out of order', async () => {
    const head = Number((await t.ctx.db.kysely.selectFrom('ledger').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq);
    const range = { after: 0, watermark: head, types: ['birth'], limit: 100 };
    const fast = await selectFeedPageText(t.ctx.db.kysely, range);
    const ordered = await selectFeedPageText(t.ctx.db.kysely, { ...range, ordered: true });
    expect(ordered.ndjson.toString()).toBe(fast.ndjson.toString());
    const lines = fast.ndjson.toString().trimEnd().split('\n');
    const seqs = lines.map((line) => (JSON.parse(line) as FeedItem).seq);
    const page = { ndjson: fast.ndjson, first: Math.min(...seqs), last: Math.max(...seqs) };
    expect(isInOrder(page)).toBe(true);
    expect(isInOrder({ ...page, ndjson: Buffer.from([...lines].reverse().join('\n') + '\n') })).toBe(false);
  });
});
