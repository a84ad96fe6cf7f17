import { describe, expect, it } from 'vitest';
import { blockingKeyHashes, blockingKeys, preparedBlockingKeys } from './blocking-keys.js';
import { hashString } from './key-hash.js';
import { prepareRecord } from './prepare-record.js';
import { generateChineseRecords } from './synthetic/chinese-records.js';

describe('blocking keys', () => {
  const latin = {
    id: 'rec-1',
    givenName: 'catherine',
    surname: 'smith',
    birthDate: '19900307',
    postcode: '2612',
    idNumber: '5493812',
  };

  it('blocks a day/month swap, a homophone and one ID typo with the original', () => {
    const original = { id: 'a', name: '张伟', birthDate: '1990-03-07', idNumber: '11010519900307002X' };
    const shared = (other: Parameters<typeof blockingKeys>[0]) =>
      blockingKeys(original).filter((k) => blockingKeys(other).includes(k));
    expect(shared({ ...original, id: 'b', birthDate: '1990-07-03', idNumber: undefined })).not.toEqual([]);
    expect(shared({ ...original, id: 'c', name: '章玮', idNumber: undefined, birthDate: '1991-01-01' })).toEqual([]);
    expect(shared({ ...original, id: 'd', name: '章伟', idNumber: undefined })).toContain('n|zhangwei|1990');
    expect(shared({ id: 'e', name: '李静', idNumber: '11010519900307092X' })).toHaveLength(1);
  });

  it('hashes the keys without making them, to the same numbers as hashing the strings', () => {
    const { records } = generateChineseRecords({ persons: 300, seed: 11 });
    for (const record of [latin, ...records]) {
      const prepared = prepareRecord(record);
      const out: number[] = [];
      blockingKeyHashes(prepared, out);
      expect(out).toEqual([...new Set(preparedBlockingKeys(prepared).map(hashString))]);
    }
  });
});
