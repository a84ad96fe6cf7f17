import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { flatCanonicalJson } from './ledger-writer.js';

describe('flatCanonicalJson', () => {
  // Any UTF-16 unit, lone surrogates included: those must come out escaped as JSON.stringify does.
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
  const values = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

  it('writes what the ledger always wrote: JSON.stringify with the sorted keys as replacer', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), values), (record) => {
        expect(flatCanonicalJson(record)).toBe(JSON.stringify(record, Object.keys(record).sort()));
      }),
    );
  });

  it('writes what canonicalJson writes for records keyed like catalog fields', () => {
    const fieldKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);
    fc.assert(
      fc.property(fc.dictionary(fieldKey, values), (record) => {
        expect(flatCanonicalJson(record)).toBe(canonicalJson(record));
      }),
    );
  });

  it('sorts keys and escapes quotes, control characters and non-BMP text', () => {
    expect(flatCanonicalJson({ b: 'x"\n\u0001', a: 1, 名: '𠮷' })).toBe('{"a":1,"b":"x\\"\\n\\u0001","名":"𠮷"}');
  });
});
