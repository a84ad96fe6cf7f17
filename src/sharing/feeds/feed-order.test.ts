import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { agreementReadableBy } from '../agreements/agreements.service.js';
import { FeedReader, feedLines, parseFeedItem } from './feed-reader.js';

const MOTHER = '44060619920315002' + idCheckChar('44060619920315002');
const WRITERS = 4;
const SUBMISSIONS_PER_WRITER = 6;
const ROWS_PER_SUBMISSION = 40;
const READERS = 3;

describe.each(DIALECTS)('feed order under concurrent writers on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
  });
  afterAll(() => t.close());

  it('gives every reader every event exactly once, in sequence order, even when commits overlap', async () => {
    const readable = await agreementReadableBy(t.ctx, 'POLICE', 'AG-POLICE-BIRTHS');
    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let s = 0; s < SUBMISSIONS_PER_WRITER; s++) {
        const rows = Array.from({ length: ROWS_PER_SUBMISSION }, (_, r) => ({ record_id: `W${w}-S${s}-R${r}`, mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: '李明' }));
        // Hukou entries interleave with the births: the births' feed must skip them, not stall.
        await Promise.all([submitRows(t.ctx, 'HOSP-01', 'birth', rows), submitRows(t.ctx, 'PS-005', 'hukou_move_out', [{ record_id: `M${w}-${s}`, id_number: MOTHER, moved_on: '2025-01-01', to_division: '110101000000' }])]);
      }
    });
    const readers = Array.from({ length: READERS }, async (_, r) => {
      const reader = new FeedReader(t.ctx.db.kysely, readable);
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const stillWriting = writing;
        const page = await reader.page(after, 7 + r * 13);
        seen.push(...feedLines(page).map((item) => parseFeedItem(item).seq));
        after = page.next;
        if (!stillWriting && page.next >= page.watermark) return seen;
        if (page.count === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await Promise.all(writers);
    writing = false;
    const results = await Promise.all(readers);
    const expected = (await t.ctx.db.kysely.selectFrom('ledger').select('seq').where('type', '=', 'birth').orderBy('seq').execute()).map((row) => Number(row.seq));
    expect(expected).toHaveLength(WRITERS * SUBMISSIONS_PER_WRITER * ROWS_PER_SUBMISSION);
    for (const seen of results) expect(seen).toEqual(expected);
  }, 120_000);
});
