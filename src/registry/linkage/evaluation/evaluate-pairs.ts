export interface PairwiseQuality {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise precision, recall and F1 of predicted pairs against the truth, given each record's
 * entity. Dedupe: every pair inside an entity is a true pair. Link (`rightEntities` given): every
 * left–right pair of one entity. True pairs never proposed count as false negatives.
 */
export function evaluatePairs(
  predicted: Iterable<{ a: string; b: string }>,
  leftEntities: ReadonlyMap<string, string>,
  rightEntities?: ReadonlyMap<string, string>,
): PairwiseQuality {
  const truePairs = countTruePairs(leftEntities, rightEntities);
  const seen = new Set<string>();
  let tp = 0;
  let fp = 0;
  for (const { a, b } of predicted) {
    const key = rightEntities || a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ea = leftEntities.get(a);
    const eb = (rightEntities ?? leftEntities).get(b);
    if (ea !== undefined && ea === eb) tp += 1;
    else fp += 1;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    truePairs,
    predictedPairs: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: truePairs - tp,
    precision,
    recall,
    f1,
  };
}

function countTruePairs(left: ReadonlyMap<string, string>, right?: ReadonlyMap<string, string>): number {
  const tally = (map: ReadonlyMap<string, string>) => {
    const counts = new Map<string, number>();
    for (const entity of map.values()) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    return counts;
  };
  const leftCounts = tally(left);
  if (!right) return [...leftCounts.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const rightCounts = tally(right);
  let total = 0;
  for (const [entity, n] of leftCounts) total += n * (rightCounts.get(entity) ?? 0);
  return total;
}
