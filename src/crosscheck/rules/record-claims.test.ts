import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimSource, scanField, UNSCANNED } from './record-claims.js';

/** Keys that end or begin like one another (name, mother_name, name_x), as a payload's fields do. */
const key = fc.constantFrom('name', 'mother_name', 'name_x', 'sex', 'child_sex', 'birth_date', 'a', 'na', 'me', 'marital_status');
const text = fc.oneof(fc.string(), fc.constantFrom('', '王芳', '"name":"x"', 'a,b}c', ':', '{', '[1]', 'x\\y', '"'), fc.string({ unit: 'grapheme' }));
const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(0.1), fc.constant(1e21), fc.constant(-0));

describe('scanField', () => {
  it('reads a field of a flat payload as JSON.parse does, or says it cannot', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), key, (payload, name) => {
        const raw = JSON.stringify(payload);
        const scanned = scanField(raw, name);
        const parsed = (JSON.parse(raw) as Record<string, unknown>)[name];
        if (scanned === UNSCANNED) expect(raw.includes('\\') || raw.slice(1).includes('{') || raw.includes('[')).toBe(true);
        else expect(scanned).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the ledger’s canonical payloads and leaves nested or escaped ones to JSON.parse', () => {
    const raw = '{"birth_date":"2024-01-02","birth_order":1,"child_name":"陈世雅","child_sex":"2","mother_name":"张丹月","weight":-2.5e3}';
    expect(scanField(raw, 'child_name')).toBe('陈世雅');
    expect(scanField(raw, 'birth_order')).toBe(1);
    expect(scanField(raw, 'weight')).toBe(-2500);
    expect(scanField(raw, 'name')).toBeUndefined();
    expect(scanField(raw, 'mother_name')).toBe('张丹月');
    expect(scanField('{"a":{"name":"x"}}', 'name')).toBe(UNSCANNED);
    expect(scanField('{"name":"a\\"b"}', 'name')).toBe(UNSCANNED);
    expect(scanField('{"name":true,"x":null}', 'name')).toBe(true);
    expect(scanField('{"name":true,"x":null}', 'x')).toBeNull();
  });
});

describe('claimSource', () => {
  it('gives the field or constant of the first role of a type, as the registry effects list them', () => {
    expect(claimSource('birth', 'child', 'sex')).toBe('child_sex');
    expect(claimSource('birth', 'mother', 'sex')).toBe('=2');
    expect(claimSource('hukou_register', 'subject', 'name')).toBe('name');
    expect(claimSource('vaccination', 'nobody', 'name')).toBeUndefined();
  });
});
