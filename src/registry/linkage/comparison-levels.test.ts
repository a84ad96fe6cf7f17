import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  compareDivisions,
  compareHouseholds,
  compareIds,
  compareNames,
  compareTexts,
  LEVELS,
} from './comparison-levels.js';
import { prepareRecord } from './prepare-record.js';

const name = (text: string) => prepareRecord({ id: text, name: text }).fullName!;
const nameLevel = (a: string, b: string) => LEVELS.name[compareNames(name(a), name(b))]!.key;
const dateLevel = (a: string, b: string) => LEVELS.date[compareDates(a, b)]!.key;
const idLevel = (a: string, b: string) => LEVELS.id[compareIds(a, b)]!.key;

describe('name comparison', () => {
  it('treats homophones written with different characters as the same sound', () => {
    expect(nameLevel('张伟', '章伟')).toBe('same_sound');
    expect(nameLevel('李娜', '李纳')).toBe('same_sound');
  });

  it('treats traditional and simplified characters as the same characters', () => {
    expect(nameLevel('單國強', '单国强')).toBe('exact');
    expect(nameLevel('張偉', '张伟')).toBe('exact');
  });

  it('reads polyphonic surnames as surnames and accepts their everyday reading in pinyin', () => {
    expect(name('单国强').sound).toBe('shanguoqiang');
    expect(name('曾乐乐').sound).toBe('zenglele');
    expect(name('解宝').sound).toBe('xiebao');
    expect(name('仇立').sound).toBe('qiuli');
    expect(name('区长明').sound).toBe('ouchangming');
    expect(name('朴正熙').sound).toBe('piaozhengxi');
    expect(nameLevel('单国强', 'shan guoqiang')).toBe('same_sound');
    expect(nameLevel('单国强', 'Dan Guoqiang')).toBe('same_sound');
    expect(nameLevel('善国强', '单国强')).toBe('same_sound');
  });

  it('matches southern fuzzy sounds only at the fuzzy level', () => {
    expect(nameLevel('陈明', '程明')).toBe('fuzzy_sound');
    expect(nameLevel('张兰', '张南')).toBe('fuzzy_sound');
  });

  it('lets a placeholder for an untypable character stand for any character', () => {
    expect(nameLevel('王□', '王犇')).toBe('same_sound');
    expect(nameLevel('王?', '王犇')).toBe('same_sound');
  });

  it('normalises the separator dot of minority names and full-width letters', () => {
    expect(nameLevel('买买提·艾力', '买买提•艾力')).toBe('exact');
    expect(nameLevel('ＪＯＨＮ', 'john')).toBe('exact');
  });

  it('uses Jaro–Winkler on Latin-script names and calls different names different', () => {
    expect(nameLevel('catherine', 'katherine')).toBe('jw_92');
    expect(nameLevel('smith', 'smyth')).toBe('jw_80');
    expect(nameLevel('jonathon', 'jonathan')).toBe('jw_92');
    expect(nameLevel('elk i', 'elki')).toBe('same_sound');
    expect(nameLevel('张伟', '李静')).toBe('other');
  });

  it('compares only the given names of two people with the same surname', () => {
    expect(nameLevel('王子涵', '王建国')).toBe('other');
  });
});

describe('birth date comparison', () => {
  it('recognises day and month swapped', () => {
    expect(dateLevel('1990-03-07', '1990-07-03')).toBe('day_month_swapped');
  });

  it('recognises one wrong digit and two swapped digits', () => {
    expect(dateLevel('1990-03-07', '1990-03-08')).toBe('one_digit');
    expect(dateLevel('1990-03-07', '1909-03-07')).toBe('one_digit');
    expect(dateLevel('1985-12-21', '1985-12-12')).toBe('one_digit');
  });

  it('separates dates within a year from anything further apart', () => {
    expect(dateLevel('1990-03-07', '1990-11-20')).toBe('within_year');
    expect(dateLevel('1990-03-07', '1975-11-20')).toBe('other');
    expect(dateLevel('1990-03-07', '1990-03-07')).toBe('exact');
  });
});

describe('ID number comparison', () => {
  it('finds numbers one digit or one adjacent swap apart', () => {
    expect(idLevel('11010519491231002X', '11010519491231002X')).toBe('exact');
    expect(idLevel('11010519491231002X', '11010519491231003X')).toBe('one_digit');
    expect(idLevel('11010519491231002X', '11010591491231002X')).toBe('one_digit');
    expect(idLevel('11010519491231002X', '11010519491232102X')).toBe('two_edits');
    expect(idLevel('11010519491231002X', '440606198807120012')).toBe('other');
  });

  it('calls two different numbers that both carry a valid check digit different valid numbers, however close', () => {
    // Neighbours born the same day in the same county differ only in the order code and check digit.
    expect(idLevel('11010519491231002X', '110105194912310038')).toBe('different_valid');
    expect(idLevel('110105194912310011', '110105194912310003')).toBe('different_valid');
  });

  it('converts a 15-digit legacy number before comparing', () => {
    const a = prepareRecord({ id: 'a', idNumber: '110105491231002' });
    expect(a.idNumber).toBe('11010519491231002X');
    expect(a.birthDate).toBe('1949-12-31');
    expect(a.sex).toBe('2');
  });
});

describe('division and household comparison', () => {
  it('grades divisions by village, town and county', () => {
    expect(LEVELS.division[compareDivisions('440606001001', '440606001001')]!.key).toBe('exact');
    expect(LEVELS.division[compareDivisions('440606001001', '440606001002')]!.key).toBe('same_town');
    expect(LEVELS.division[compareDivisions('440606001001', '440606002001')]!.key).toBe('same_county');
  });

  it('lets different mothers outrank a shared address', () => {
    const household = (a: object, b: object) =>
      LEVELS.household[compareHouseholds(prepareRecord({ id: 'a', ...a }), prepareRecord({ id: 'b', ...b }))]?.key;
    const address = '大良街道新桂路12号';
    expect(
      household({ address, motherIdNumber: '440606198807120022' }, { address, motherIdNumber: '440606197001010023' }),
    ).toBe('different_mother');
    expect(
      household(
        { address, motherIdNumber: '440606198807120022' },
        { address: '别处', motherIdNumber: '440606198807120022' },
      ),
    ).toBe('same_mother');
    expect(household({ address }, { address: '大良街道新桂路 12 號' })).toBe('same_address');
    expect(household({ division: '440606001001' }, { division: '440606001007' })).toBe('same_town');
    expect(household({}, { address })).toBeUndefined();
  });

  it('grades addresses the way the address comparison does: same, very similar, else the division', () => {
    const household = (a: string, b: string) =>
      compareHouseholds(
        prepareRecord({ id: 'a', address: a, division: '440606001001' }),
        prepareRecord({ id: 'b', address: b, division: '440606009009' }),
      );
    const address = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'大良街道新桂路建设路12号356') }),
      fc.stringMatching(/^[a-d 1-3]{1,12}$/),
    );
    fc.assert(
      fc.property(address, address, (a, b) => {
        const pa = prepareRecord({ id: 'a', address: a }).address;
        const pb = prepareRecord({ id: 'b', address: b }).address;
        if (pa === undefined || pb === undefined) return;
        const text = compareTexts(pa, pb);
        // The two divisions share only the county, which the household comparison calls other.
        expect(LEVELS.household[household(a, b)]!.key).toBe(
          text === 0 ? 'same_address' : text === 1 ? 'similar_address' : 'other',
        );
      }),
      { numRuns: 1000 },
    );
  });
});
