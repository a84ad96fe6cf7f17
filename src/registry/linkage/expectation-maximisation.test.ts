import { describe, expect, it } from 'vitest';
import { runExpectationMaximisation } from './expectation-maximisation.js';

/** Expected pattern counts of a known mixture: 3 comparisons with 3 levels each. */
function mixture(share: number, m: number[][], u: number[][], pairs: number): Map<number, number> {
  const patterns = new Map<number, number>();
  for (let a = 0; a < 3; a += 1) {
    for (let b = 0; b < 3; b += 1) {
      for (let c = 0; c < 3; c += 1) {
        const levels = [a, b, c];
        const pm = levels.reduce((p, l, k) => p * m[k]![l]!, share);
        const pu = levels.reduce((p, l, k) => p * u[k]![l]!, 1 - share);
        const code = (c + 1) * 64 + (b + 1) * 8 + (a + 1);
        patterns.set(code, Math.round(pairs * (pm + pu)));
      }
    }
  }
  return patterns;
}

describe('runExpectationMaximisation', () => {
  const trueM = [
    [0.9, 0.08, 0.02],
    [0.8, 0.15, 0.05],
    [0.95, 0.03, 0.02],
  ];
  const u = [
    [0.01, 0.05, 0.94],
    [0.02, 0.1, 0.88],
    [0.005, 0.01, 0.985],
  ];

  it('recovers the m probabilities and the match share of a known mixture from a poor start', () => {
    const result = runExpectationMaximisation({
      patterns: mixture(0.2, trueM, u, 1_000_000),
      levelCounts: [3, 3, 3],
      u,
      m: [
        [0.5, 0.3, 0.2],
        [0.5, 0.3, 0.2],
        [0.5, 0.3, 0.2],
      ],
      matchShare: 0.5,
      use: [true, true, true],
      estimate: [true, true, true],
    });
    expect(result.converged).toBe(true);
    expect(result.matchShare).toBeCloseTo(0.2, 3);
    result.m.forEach((row, k) => row.forEach((value, l) => expect(value).toBeCloseTo(trueM[k]![l]!, 2)));
  });

  it('keeps the m of a comparison it is told not to estimate', () => {
    const fixed = [0.6, 0.3, 0.1];
    const result = runExpectationMaximisation({
      patterns: mixture(0.1, trueM, u, 100_000),
      levelCounts: [3, 3, 3],
      u,
      m: [fixed, [0.5, 0.3, 0.2], [0.5, 0.3, 0.2]],
      matchShare: 0.5,
      use: [false, true, true],
      estimate: [false, true, true],
    });
    expect(result.m[0]).toEqual(fixed);
    expect(result.matchShare).toBeCloseTo(0.1, 2);
  });
});
