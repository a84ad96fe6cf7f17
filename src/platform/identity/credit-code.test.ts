import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, creditCheckChar, validateCreditCode } from './credit-code.js';

const symbol = fc.constantFrom(...CREDIT_CODE_CHARSET);
const validBody = fc
  .tuple(
    fc.array(symbol, { minLength: 2, maxLength: 2 }),
    fc.stringMatching(/^\d{6}$/),
    fc.array(symbol, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, county, tail]) => head.join('') + county + tail.join(''));

describe('creditCheckChar', () => {
  it('computes the check character of the example quoted from GB 32100', () => {
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of zero to the character 0', () => {
    // 17 zeros: Σ = 0, 31 − 0 = 31 → 0
    expect(creditCheckChar('00000000000000000')).toBe('0');
  });

  it('makes the weighted sum of the whole code, the check character weighted 1, divisible by 31', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const code = body + creditCheckChar(body);
        let sum = 0;
        for (let i = 0; i < 18; i += 1) sum += CREDIT_CODE_CHARSET.indexOf(code[i]!) * (i === 17 ? 1 : 3 ** i % 31);
        expect(sum % 31).toBe(0);
      }),
    );
  });

  it('refuses a body with a character outside the charset or of the wrong length', () => {
    expect(() => creditCheckChar('91350100M000100I4')).toThrow(RangeError);
    expect(() => creditCheckChar('91350100M000100Y')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it('accepts a valid code and returns it normalised', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
    });
  });

  it('rejects a code whose check character is wrong', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'CREDIT_CHECK' });
  });

  it('rejects letters the standard leaves out, wrong lengths and letters in the county code', () => {
    for (const raw of [
      '91350100M000100Y4Z',
      '91350100M000100I43',
      '91350100M000100Y4',
      '',
      '9135010OM000100Y43',
      '913501A0M000100Y43',
    ]) {
      expect(validateCreditCode(raw), raw).toEqual({ ok: false, problem: 'CREDIT_FORMAT' });
    }
  });

  it('accepts every well-formed code', () => {
    fc.assert(fc.property(validBody, (body) => validateCreditCode(body + creditCheckChar(body)).ok));
  });

  it('rejects every single mistyped character', () => {
    fc.assert(
      fc.property(validBody, fc.nat(17), symbol, (body, at, ch) => {
        const code = body + creditCheckChar(body);
        fc.pre(code[at] !== ch);
        expect(validateCreditCode(code.slice(0, at) + ch + code.slice(at + 1)).ok).toBe(false);
      }),
    );
  });

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validBody, fc.nat(16), (body, at) => {
        const code = body + creditCheckChar(body);
        fc.pre(code[at] !== code[at + 1]);
        expect(validateCreditCode(code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2)).ok).toBe(false);
      }),
    );
  });
});
