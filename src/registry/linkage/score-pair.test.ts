import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking-keys.js';
import type { LinkRecord } from './link-record.js';
import type { LinkageModel } from './linkage-model.js';
import { classify, scorePair } from './score-pair.js';
import { generateChineseRecords } from './synthetic/chinese-records.js';
import { trainModel } from './train-model.js';

let model: LinkageModel;
let records: LinkRecord[];

beforeAll(() => {
  records = generateChineseRecords({ persons: 600, seed: 11 }).records;
  // Forty more people called 王伟, born on different days: the name is common here.
  for (let i = 0; i < 40; i += 1)
    records.push({ id: `wang-${i}`, name: '王伟', birthDate: `19${50 + i}-0${1 + (i % 9)}-1${i % 10}` });
  model = trainModel({ records }, { maxUPairs: 200_000 });
});

const text = fc.string({ unit: 'binary', maxLength: 20 });
const record = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }),
    name: fc.oneof(text, fc.constantFrom('张伟', '章伟', '單國強', 'zhang wei', '王□', '买买提·艾力')),
    sex: fc.oneof(text, fc.constantFrom('1', '2', '男', '女')),
    birthDate: fc.oneof(text, fc.constantFrom('1990-03-07', '19900703', '1990年3月8日')),
    idNumber: fc.oneof(text, fc.constantFrom('11010519491231002X', '110105491231002', '11010519491231003X')),
    division: fc.oneof(text, fc.constantFrom('440606001001', '440606001')),
    address: text,
    motherIdNumber: fc.oneof(text, fc.constantFrom('440606198807120022')),
    postcode: text,
  },
  { requiredKeys: ['id'] },
);

describe('scorePair', () => {
  it('weighs a shared rare name more than a shared 王伟', () => {
    const common = scorePair(
      model,
      { id: 'a', name: '王伟', birthDate: '1990-03-07' },
      { id: 'b', name: '王伟', birthDate: '1990-03-07' },
    );
    const rare = scorePair(
      model,
      { id: 'c', name: '欧阳犇', birthDate: '1990-03-07' },
      { id: 'd', name: '欧阳犇', birthDate: '1990-03-07' },
    );
    const nameWeight = (score: typeof common) => score.evidence.find((e) => e.comparison === 'name')!.weight;
    expect(nameWeight(rare)).toBeGreaterThan(nameWeight(common) + 2);
    expect(rare.weight).toBeGreaterThan(common.weight);
  });

  it('explains each comparison in Chinese and English and adds the weights up with the prior', () => {
    const score = scorePair(
      model,
      { id: 'a', name: '張偉', birthDate: '1990-03-07' },
      { id: 'b', name: '章伟', birthDate: '1990-07-03' },
    );
    const name = score.evidence.find((e) => e.comparison === 'name')!;
    expect(name.level).toBe('same_sound');
    expect(name.label_zh).toContain('拼音相同');
    expect(score.evidence.find((e) => e.comparison === 'birth_date')!.label_en).toContain('day and month swapped');
    const prior = Math.log2(model.lambda / (1 - model.lambda));
    expect(score.weight).toBeCloseTo(prior + score.evidence.reduce((s, e) => s + e.weight, 0), 9);
    expect(score.probability).toBeCloseTo(1 / (1 + 2 ** -score.weight), 12);
  });

  it('matches two records of one person with an ID typo, a homophone and a swapped date', () => {
    const a = {
      id: 'a',
      name: '张伟',
      sex: '1',
      birthDate: '1990-03-07',
      idNumber: '44060619900307001X',
      division: '440606001001',
    };
    const b = {
      id: 'b',
      name: '章伟',
      sex: '男',
      birthDate: '1990-07-03',
      idNumber: '44060619900307010X',
      division: '440606001001',
    };
    expect(classify(scorePair(model, a, b), model.thresholds)).toBe('match');
    const stranger = { id: 'c', name: '李静', sex: '2', birthDate: '1971-11-30', division: '440606002003' };
    expect(classify(scorePair(model, a, stranger), model.thresholds)).toBe('non-match');
  });

  it('is symmetric in its two records', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const ab = scorePair(model, a, b);
        const ba = scorePair(model, b, a);
        expect(ba.weight).toBeCloseTo(ab.weight, 9);
        expect(ba.evidence.map((e) => e.level)).toEqual(ab.evidence.map((e) => e.level));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode and always gives a probability', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const score = scorePair(model, a, b);
        expect(score.probability).toBeGreaterThanOrEqual(0);
        expect(score.probability).toBeLessThanOrEqual(1);
        expect(Number.isFinite(score.weight)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('blockingKeys', () => {
  it('gives the same keys for the same record, whatever object holds it', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(blockingKeys({ ...r })).toEqual(blockingKeys({ ...r }));
      }),
      { numRuns: 300 },
    );
  });

  it('puts homophones, traditional characters and pinyin spellings in a shared block', () => {
    const keys = (name: string) => new Set(blockingKeys({ id: name, name, birthDate: '1990-03-07' }));
    const shared = (a: string, b: string) => [...keys(a)].some((k) => keys(b).has(k));
    expect(shared('张伟', '章偉')).toBe(true);
    expect(shared('单国强', 'shan guoqiang')).toBe(true);
    expect(shared('张伟', '李静')).toBe(false);
  });

  it('keeps a record with one wrong ID digit in a block with the right one', () => {
    const a = blockingKeys({ id: 'a', idNumber: '11010519491231002X' });
    const shared = (id: string) => blockingKeys({ id: 'b', idNumber: id }).filter((k) => a.includes(k)).length;
    expect(shared('11010519491831002X')).toBe(1);
    expect(shared('11010591491231002X')).toBe(1);
    expect(shared('44060619900307001X')).toBe(0);
  });
});
