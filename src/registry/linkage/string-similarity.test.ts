import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaroWinkler, jaroWinklerUpperBound } from './string-similarity.js';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('is symmetric and stays within 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const value = jaroWinkler(a, b);
        expect(value).toBe(jaroWinkler(b, a));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('jaroWinklerUpperBound', () => {
  it('never falls below Jaro–Winkler, on Latin and Han strings alike', () => {
    const text = fc.oneof(fc.stringMatching(/^[a-e ]{0,14}$/), fc.string({ unit: fc.constantFrom(...'王伟张李芳丽敏静秀英') }), fc.string());
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(jaroWinklerUpperBound(a, b)).toBeGreaterThanOrEqual(jaroWinkler(a, b));
        expect(jaroWinklerUpperBound(a, b)).toBe(jaroWinklerUpperBound(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact when the shared characters match in order, and low for strings sharing little', () => {
    expect(jaroWinklerUpperBound('michaela', 'michael')).toBe(jaroWinkler('michaela', 'michael'));
    expect(jaroWinklerUpperBound('same', 'same')).toBe(1);
    expect(jaroWinklerUpperBound('abc', '')).toBe(0);
    expect(jaroWinklerUpperBound('stanley street', 'pinkerton circuit')).toBeLessThan(0.8);
  });
});

describe('damerauLevenshtein', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(damerauLevenshtein('1234', '1243')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });

  it('finds a shifted number two edits away although every position differs', () => {
    expect(damerauLevenshtein('123456789', '234567891', 2)).toBe(2);
  });

  it('stops early at the limit without ever under-reporting', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-c]{0,12}$/),
        fc.stringMatching(/^[0-9a-c]{0,12}$/),
        fc.integer({ min: 0, max: 3 }),
        (a, b, limit) => {
          const full = damerauLevenshtein(a, b);
          const bounded = damerauLevenshtein(a, b, limit);
          expect(bounded).toBe(full <= limit ? full : limit + 1);
          expect(full).toBe(damerauLevenshtein(b, a));
        },
      ),
    );
  });
});
