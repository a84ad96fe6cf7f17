import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneEditApart, isOneTranspositionApart } from './one-edit-apart.js';

const idLike = fc.stringMatching(/^[0-9X]{2,18}$/);

describe('isOneEditApart', () => {
  it('is true for exactly one substituted character', () => {
    expect(isOneEditApart('11010519491231002X', '11010519491231003X')).toBe(true);
    expect(isOneEditApart('11010519491231002X', '110105194912310020')).toBe(true);
  });

  it('is false for identical strings, two substitutions, a transposition or different lengths', () => {
    expect(isOneEditApart('123456', '123456')).toBe(false);
    expect(isOneEditApart('123456', '133457')).toBe(false);
    expect(isOneEditApart('123456', '132456')).toBe(false);
    expect(isOneEditApart('123456', '12345')).toBe(false);
  });

  it('holds for any one substitution and is symmetric', () => {
    fc.assert(
      fc.property(idLike, fc.nat(), fc.constantFrom(...'0123456789X'), (s, n, ch) => {
        const at = n % s.length;
        fc.pre(s[at] !== ch);
        const t = s.slice(0, at) + ch + s.slice(at + 1);
        expect(isOneEditApart(s, t)).toBe(true);
        expect(isOneEditApart(t, s)).toBe(true);
      }),
    );
  });
});

describe('isOneTranspositionApart', () => {
  it('is true for one swap of adjacent different characters', () => {
    expect(isOneTranspositionApart('11010519491231002X', '11010519491213002X')).toBe(true);
    expect(isOneTranspositionApart('11010519491231002X', '1101051949123100X2')).toBe(true);
    expect(isOneTranspositionApart('21', '12')).toBe(true);
  });

  it('is false for identical strings, a substitution, a distant swap or two swaps', () => {
    expect(isOneTranspositionApart('123456', '123456')).toBe(false);
    expect(isOneTranspositionApart('123456', '123457')).toBe(false);
    expect(isOneTranspositionApart('123456', '153426')).toBe(false);
    expect(isOneTranspositionApart('123456', '214356')).toBe(false);
    expect(isOneTranspositionApart('123456', '12345')).toBe(false);
    expect(isOneTranspositionApart('1', '1')).toBe(false);
  });

  it('holds for any adjacent swap and is symmetric, and such a pair is never one substitution apart', () => {
    fc.assert(
      fc.property(idLike, fc.nat(), (s, n) => {
        const at = n % (s.length - 1);
        fc.pre(s[at] !== s[at + 1]);
        const t = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
        expect(isOneTranspositionApart(s, t)).toBe(true);
        expect(isOneTranspositionApart(t, s)).toBe(true);
        expect(isOneEditApart(s, t)).toBe(false);
      }),
    );
  });
});
