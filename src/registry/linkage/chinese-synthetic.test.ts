import { describe, expect, it } from 'vitest';
import { clusterPairs } from './cluster-pairs.js';
import { evaluatePairs } from './evaluation/evaluate-pairs.js';
import { dedupeRecords, linkRecords } from './run-linkage.js';
import { generateChineseRecords } from './synthetic/chinese-records.js';

describe('linkage of synthetic Chinese person records', () => {
  const { records, entities } = generateChineseRecords({ persons: 1500, seed: 3 });

  it('generates the same records from the same seed', () => {
    expect(generateChineseRecords({ persons: 50, seed: 9 })).toEqual(generateChineseRecords({ persons: 50, seed: 9 }));
  });

  it('finds duplicates across homophones, traditional characters, pinyin, swapped dates and ID errors', () => {
    const result = dedupeRecords(records, { maxUPairs: 300_000 });
    const quality = evaluatePairs(
      result.pairs.filter((p) => p.decision === 'match'),
      entities,
    );
    expect(quality.recall).toBeGreaterThanOrEqual(0.97);
    expect(quality.precision).toBeGreaterThanOrEqual(0.97);
    const clusters = clusterPairs(result.pairs.filter((p) => p.decision === 'match'));
    expect(clusters.every((c) => c.length >= 2)).toBe(true);
  });

  it('links two files of the same people by the same rules', () => {
    const left = records.filter((r) => r.id.endsWith('-0'));
    const right = records.filter((r) => r.id.endsWith('-1'));
    const result = linkRecords(left, right, { maxUPairs: 300_000 });
    const matched = result.pairs.filter((p) => p.decision === 'match');
    const quality = evaluatePairs(
      matched,
      new Map(left.map((r) => [r.id, entities.get(r.id)!])),
      new Map(right.map((r) => [r.id, entities.get(r.id)!])),
    );
    expect(quality.truePairs).toBe(right.length);
    expect(quality.f1).toBeGreaterThanOrEqual(0.97);
    expect(matched.every((p) => p.a.endsWith('-0') && p.b.endsWith('-1'))).toBe(true);
  });
});
