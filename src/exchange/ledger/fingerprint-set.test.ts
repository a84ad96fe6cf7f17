import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from './fingerprint-set.js';

describe('FingerprintSet', () => {
  it('answers yes for every string added, across growth', () => {
    const set = new FingerprintSet();
    for (let i = 0; i < 300_000; i += 1) set.add(`hukou_register\u0000R${i}`);
    for (let i = 0; i < 300_000; i += 1) expect(set.has(`hukou_register\u0000R${i}`)).toBe(true);
    expect(set.size).toBeGreaterThan(299_980);
  });

  it('rarely answers yes for strings never added', () => {
    const set = new FingerprintSet();
    for (let i = 0; i < 200_000; i += 1) set.add(`R${i}`);
    let falseYes = 0;
    for (let i = 0; i < 200_000; i += 1) if (set.has(`S${i}`)) falseYes += 1;
    expect(falseYes).toBeLessThan(50);
  });

  it('never forgets a value, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 200 }), (values) => {
        const set = new FingerprintSet();
        for (const v of values) set.add(v);
        return values.every((v) => set.has(v));
      }),
    );
  });
});
