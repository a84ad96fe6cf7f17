import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterPairs, countClusters } from './cluster-pairs.js';
import { mapRow, resolveFieldMapping } from './field-mapping.js';
import { LinkageInputError } from './linkage-input-error.js';
import { readLinkRecords } from './read-link-records.js';

const FEBRL_HEADER = [
  'rec_id',
  'given_name',
  'surname',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'date_of_birth',
  'soc_sec_id',
];

describe('resolveFieldMapping', () => {
  it('recognises the FEBRL columns', () => {
    const mapping = resolveFieldMapping(FEBRL_HEADER, 'rec_id');
    expect(mapping.fields).toEqual({
      id: 'rec_id',
      givenName: 'given_name',
      surname: 'surname',
      birthDate: 'date_of_birth',
      idNumber: 'soc_sec_id',
      address: 'address_1',
      postcode: 'postcode',
    });
    expect(mapping.extra).toEqual({
      street_number: 'street_number',
      address_2: 'address_2',
      suburb: 'suburb',
      state: 'state',
    });
  });

  it('recognises catalog keys and Chinese labels, and takes --map overrides', () => {
    const mapping = resolveFieldMapping(
      ['record_id', '姓名', 'sex', 'birth_date', 'id_number', 'child_name', 'mother_id_number'],
      'record_id',
      {
        name: 'child_name',
        village: 'sex',
      },
    );
    expect(mapping.fields.name).toBe('child_name');
    expect(mapping.fields.birthDate).toBe('birth_date');
    expect(mapping.fields.motherIdNumber).toBe('mother_id_number');
    expect(mapping.extra).toEqual({ village: 'sex' });
  });

  it('refuses a missing id column or a mapped column that is not there, in both languages', () => {
    expect(() => resolveFieldMapping(FEBRL_HEADER, 'record_id')).toThrow(LinkageInputError);
    const error = captureError(() => resolveFieldMapping(FEBRL_HEADER, 'rec_id', { name: 'nom' }));
    expect(error.message).toMatch(/no column "nom"/);
    expect(error.messageZh).toMatch(/表头中没有/);
  });

  it('maps a row, leaving empty cells out', () => {
    const mapping = resolveFieldMapping(FEBRL_HEADER, 'rec_id');
    const row = Object.fromEntries(FEBRL_HEADER.map((h) => [h, '']));
    Object.assign(row, { rec_id: 'rec-1-org', surname: 'smith', state: 'nsw' });
    expect(mapRow(row, mapping)).toEqual({ id: 'rec-1-org', surname: 'smith', extra: { state: 'nsw' } });
  });
});

function captureError(run: () => unknown): LinkageInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof LinkageInputError) return error;
    throw error;
  }
  throw new Error('expected a LinkageInputError');
}

describe('readLinkRecords', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-link-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads a CSV with a BOM and spaces after the commas', async () => {
    const file = write('a.csv', '\uFEFFrec_id, given_name, surname, date_of_birth\nrec-1-org, anna, lee, 19900307\n');
    const { records } = await readLinkRecords(file, { id: 'rec_id' });
    expect(records).toEqual([{ id: 'rec-1-org', givenName: 'anna', surname: 'lee', birthDate: '19900307' }]);
  });

  it('refuses a repeated id and a file that is missing', async () => {
    const file = write('b.csv', 'id,name\n1,张伟\n1,李静\n');
    await expect(readLinkRecords(file, { id: 'id' })).rejects.toThrow(/appears twice/);
    await expect(readLinkRecords(path.join(dir, 'none.csv'), { id: 'id' })).rejects.toThrow(/no such file/);
  });
});

describe('clusterPairs', () => {
  it('joins chains of matching pairs into one cluster', () => {
    expect(
      clusterPairs([
        { a: 'a', b: 'b' },
        { a: 'c', b: 'b' },
        { a: 'x', b: 'y' },
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
  });
});

describe('countClusters', () => {
  it('counts the clusters clusterPairs finds', () => {
    const pairs: Array<[number, number]> = [
      [0, 1],
      [2, 1],
      [5, 6],
      [3, 4],
      [4, 6],
      [8, 9],
      [9, 8],
    ];
    const named = pairs.map(([a, b]) => ({ a: `r${a}`, b: `r${b}` }));
    expect(countClusters(pairs, 10)).toBe(clusterPairs(named).length);
    expect(countClusters(pairs, 10)).toBe(3);
  });
});
