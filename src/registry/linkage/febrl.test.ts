import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePairs } from './evaluation/evaluate-pairs.js';
import { febrlDirectory, febrlEntities, hasFebrlData } from './evaluation/febrl-files.js';
import { readLinkRecords } from './read-link-records.js';
import { dedupeRecords } from './run-linkage.js';

describe.skipIf(!hasFebrlData())('deduplication of FEBRL 1 without labels', () => {
  it('finds the duplicate pairs with an F1 of at least 0.98', async () => {
    const { records } = await readLinkRecords(path.join(febrlDirectory(), 'dataset1.csv'), { id: 'rec_id' });
    expect(records).toHaveLength(1000);
    const result = dedupeRecords(records);
    const quality = evaluatePairs(
      result.pairs.filter((p) => p.decision === 'match'),
      febrlEntities(records),
    );
    expect(quality.truePairs).toBe(500);
    expect(quality.f1).toBeGreaterThanOrEqual(0.98);
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
  });
});
