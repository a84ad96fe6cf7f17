import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idBirthDate, idCheckChar, idSex, normaliseIdNumber, parseIdNumber } from './id-number.js';

const TODAY = { today: '2026-11-30' };

/** Arbitrary valid 17-digit bodies: a real province, a birth date in range, any order number. */
const validBody = fc
  .record({
    province: fc.constantFrom('11', '15', '32', '44', '65', '71', '81', '83'),
    rest: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({
      min: new Date('1850-01-01T00:00:00Z'),
      max: new Date('2026-11-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    order: fc.stringMatching(/^\d{3}$/),
  })
  .map(
    ({ province, rest, birth, order }) =>
      `${province}${rest}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${order}`,
  );

describe('normaliseIdNumber', () => {
  it('trims, removes inner spaces, turns full-width characters half-width and upper-cases x', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('\u3000110105\u00A019491231002X\t')).toBe('11010519491231002X');
  });

  it('drops the apostrophe Excel users type to keep a number as text', () => {
    expect(normaliseIdNumber("'440524188001010014")).toBe('440524188001010014');
  });

  it('drops every leading apostrophe, so normalising twice changes nothing', () => {
    expect(normaliseIdNumber("''")).toBe('');
    expect(normaliseIdNumber("' '440524188001010014")).toBe('440524188001010014');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (raw) => normaliseIdNumber(normaliseIdNumber(raw)) === normaliseIdNumber(raw)));
  });
});

describe('idCheckChar', () => {
  it('computes the check characters of the standard examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(idCheckChar('34052419800101001')).toBe('X');
  });

  it('agrees with the ISO 7064 MOD 11-2 definition: the full number weighted by 2^(n−1) sums to 1 mod 11', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        const id = body + idCheckChar(body);
        let sum = 0;
        for (let i = 0; i < 18; i += 1) sum += (id[i] === 'X' ? 10 : Number(id[i])) * (2 ** (17 - i) % 11);
        expect(sum % 11).toBe(1);
      }),
    );
  });

  it('refuses a body that is not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('accepts the standard example and reads birth date, sex and address code from it', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
      addressCode: '110105',
      converted15: false,
    });
  });

  it('accepts a person born in 1880 and a male whose order number is odd', () => {
    expect(parseIdNumber('440524188001010014', TODAY)).toMatchObject({ ok: true, birthDate: '1880-01-01', sex: '1' });
    expect(parseIdNumber('34052419800101001X', TODAY)).toMatchObject({ ok: true, birthDate: '1980-01-01', sex: '1' });
  });

  it('accepts a lower-case x, full-width digits and spaces', () => {
    expect(parseIdNumber(' 11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(parseIdNumber('３４０５２４１９８００１０１００１ｘ', TODAY)).toMatchObject({
      ok: true,
      idNumber: '34052419800101001X',
    });
  });

  it('converts a 15-digit legacy number to 18 digits with a computed check character', () => {
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
      addressCode: '110105',
      converted15: true,
    });
  });

  it('rejects a number whose check character is wrong and names the expected one', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'ID_CHECK_DIGIT', expected: 'X' });
    expect(parseIdNumber('44052418800101001X', TODAY)).toEqual({ ok: false, problem: 'ID_CHECK_DIGIT', expected: '4' });
  });

  it('recognises an ID number that Excel turned into scientific notation', () => {
    for (const raw of ['3.20102E+17', '4.40606E+17', '4.40606e+17', '4E17', ' 4.40606199E+17 ']) {
      expect(parseIdNumber(raw, TODAY), raw).toEqual({ ok: false, problem: 'ID_SCIENTIFIC_NOTATION' });
    }
  });

  it('does not mistake an 18-digit number ending in 000 for scientific notation', () => {
    const result = parseIdNumber('440606199001011000', TODAY);
    expect(result.ok ? 'ok' : result.problem).not.toBe('ID_SCIENTIFIC_NOTATION');
  });

  it('rejects strings of the wrong length or shape', () => {
    for (const raw of [
      '',
      '12345',
      '4406061990010110',
      '11010519491231002Y',
      '1101051949123100XX',
      '11010519491231002X1',
      '11010549123100X',
    ]) {
      expect(parseIdNumber(raw, TODAY), raw).toEqual({ ok: false, problem: 'ID_FORMAT' });
    }
  });

  it('rejects a number whose first two digits are not a province', () => {
    for (const prefix of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '38',
      '40',
      '47',
      '49',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '84',
      '99',
    ]) {
      const body = `${prefix}010519491231002`;
      expect(parseIdNumber(body + idCheckChar(body), TODAY), prefix).toEqual({ ok: false, problem: 'ID_PROVINCE' });
    }
  });

  it('accepts Hong Kong, Macau and Taiwan residence-permit prefixes 81, 82 and 83', () => {
    for (const prefix of ['81', '82', '83', '71']) {
      const body = `${prefix}000019900101002`;
      expect(parseIdNumber(body + idCheckChar(body), TODAY).ok, prefix).toBe(true);
    }
  });

  it('rejects a birth date that is not a real date, before 1850 or after today', () => {
    const withBirth = (yyyymmdd: string) => {
      const body = `110105${yyyymmdd}002`;
      return body + idCheckChar(body);
    };
    for (const date of ['19491331', '19490230', '20230229', '18491231', '20261201']) {
      expect(parseIdNumber(withBirth(date), TODAY), date).toEqual({ ok: false, problem: 'ID_BIRTH_DATE' });
    }
    expect(parseIdNumber(withBirth('20240229'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withBirth('18500101'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withBirth('20261130'), TODAY).ok).toBe(true);
  });

  it('reports an impossible birth date before a check-character mismatch', () => {
    expect(parseIdNumber('110105194913310021', TODAY)).toEqual({ ok: false, problem: 'ID_BIRTH_DATE' });
  });

  it('rejects a legacy number whose birth date is not real', () => {
    expect(parseIdNumber('110105491331002', TODAY)).toEqual({ ok: false, problem: 'ID_BIRTH_DATE' });
  });

  it('accepts every well-formed number and returns what it encodes', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const result = parseIdNumber(body + idCheckChar(body), TODAY);
        expect(result).toMatchObject({ ok: true, addressCode: body.slice(0, 6), converted15: false });
        if (result.ok) {
          expect(result.birthDate.replace(/-/g, '')).toBe(body.slice(6, 14));
          expect(result.sex).toBe(Number(body[16]) % 2 === 1 ? '1' : '2');
        }
      }),
    );
  });

  it('rejects every single mistyped character of a valid number', () => {
    fc.assert(
      fc.property(validBody, fc.nat(17), fc.constantFrom(...'0123456789X'), (body, at, ch) => {
        const id = body + idCheckChar(body);
        fc.pre(id[at] !== ch);
        const typo = id.slice(0, at) + ch + id.slice(at + 1);
        expect(parseIdNumber(typo, TODAY).ok).toBe(false);
      }),
    );
  });

  it('rejects every swap of two adjacent different characters of a valid number', () => {
    fc.assert(
      fc.property(validBody, fc.nat(16), (body, at) => {
        const id = body + idCheckChar(body);
        fc.pre(id[at] !== id[at + 1]);
        const swapped = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
        expect(parseIdNumber(swapped, TODAY).ok).toBe(false);
      }),
    );
  });

  it('converts every valid legacy number to the 18-digit number with 19 inserted', () => {
    const legacyBody = validBody
      .filter((body) => body.slice(6, 8) === '19')
      .map((body) => body.slice(0, 6) + body.slice(8));
    fc.assert(
      fc.property(legacyBody, (legacy) => {
        const body = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
        expect(parseIdNumber(legacy, TODAY)).toMatchObject({
          ok: true,
          idNumber: body + idCheckChar(body),
          converted15: true,
        });
      }),
    );
  });
});

describe('idSex and idBirthDate', () => {
  it('read the sex and birth date of 18-digit, 17-digit and 15-digit numbers', () => {
    expect([idSex('11010519491231002X'), idBirthDate('11010519491231002X')]).toEqual(['2', '1949-12-31']);
    expect([idSex('44052418800101001'), idBirthDate('44052418800101001')]).toEqual(['1', '1880-01-01']);
    expect([idSex('110105491231003'), idBirthDate('110105491231003')]).toEqual(['1', '1949-12-31']);
  });

  it('return undefined for something that is not an ID number or encodes no real date', () => {
    expect(idSex('4.40606E+17')).toBeUndefined();
    expect(idBirthDate('12345')).toBeUndefined();
    expect(idBirthDate('110105194902300021')).toBeUndefined();
  });
});
