import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPopx } from '../../test/cli.js';
import type { LinkRecord } from '../registry/linkage/index.js';
import { generateChineseRecords } from '../registry/linkage/synthetic/chinese-records.js';

const COLUMNS = [
  'record_id',
  'name',
  'sex',
  'birth_date',
  'id_number',
  'division',
  'address',
  'mother_id_number',
] as const;

function toCsv(records: readonly LinkRecord[]): string {
  const cell = (value: string | undefined) =>
    value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const rows = records.map((r) =>
    [r.id, r.name, r.sex, r.birthDate, r.idNumber, r.division, r.address, r.motherIdNumber].map(cell).join(','),
  );
  return `${COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}

function readPairs(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('popx dedupe and popx link', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-linkage-cli-'));
  const { records, entities } = generateChineseRecords({ persons: 300, seed: 5 });
  const file = path.join(dir, 'persons.csv');
  const left = path.join(dir, 'a.csv');
  const right = path.join(dir, 'b.csv');

  beforeAll(() => {
    fs.writeFileSync(file, toCsv(records));
    fs.writeFileSync(left, toCsv(records.filter((r) => r.id.endsWith('-0'))));
    fs.writeFileSync(right, toCsv(records.filter((r) => r.id.endsWith('-1'))));
    fs.writeFileSync(path.join(dir, 'broken.csv'), 'record_id,name\n"unclosed,张伟\n');
  });

  it('writes PAIRS.csv with id_a,id_b,score and a summary in both languages', async () => {
    const out = path.join(dir, 'pairs.csv');
    const result = await runPopx(
      ['dedupe', file, '--id', 'record_id', '--out', out, '--model-out', path.join(dir, 'model.json')],
      {},
    );
    expect(result.stderr).toMatch(/records 条记录.*matches 匹配/);
    expect(result.code).toBe(0);
    const [header, ...rows] = readPairs(out);
    expect(header).toEqual(['id_a', 'id_b', 'score']);
    expect(rows.length).toBeGreaterThan(100);
    const right = rows.filter(([a, b]) => entities.get(a!) === entities.get(b!)).length;
    expect(right / rows.length).toBeGreaterThan(0.95);
    expect(rows.every(([, , score]) => Number(score) >= 0.9 && Number(score) <= 1)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')).version).toBe(1);
  });

  it('links two files, id_a from the first and id_b from the second, printing to stdout without --out', async () => {
    const result = await runPopx(['link', left, right, '--id', 'record_id', '--threshold', '0.95'], {});
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('id_a,id_b,score');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.slice(1).every((line) => /^r\d+-0,r\d+-1,\d\.\d{4}$/.test(line))).toBe(true);
  });

  it('explains a missing file in English and Chinese and exits 2', async () => {
    const result = await runPopx(['dedupe', path.join(dir, 'nope.csv'), '--id', 'record_id'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
    expect(result.stderr).toMatch(/无法读取/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a file that is not CSV, an unknown id column, a bad --map and a bad threshold', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['dedupe', path.join(dir, 'broken.csv'), '--id', 'record_id'], /不是可读取的 CSV/],
      [['dedupe', file, '--id', 'rec_id'], /表头中没有记录编号列/],
      [['dedupe', file, '--id', 'record_id', '--map', 'name'], /--map 的格式/],
      [['link', left, right, '--id', 'record_id', '--threshold', '1.5'], /0 到 1 之间/],
    ];
    for (const [args, message] of cases) {
      const result = await runPopx(args, {});
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('exits 2 when --id is missing', async () => {
    const result = await runPopx(['dedupe', file], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--id/);
  });
});
