import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTabularWriter, type CellValue, type Column, type TabularFormat } from './tabular-writer.js';
import { writeRows } from './write-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formats: TabularFormat[] = ['csv_utf8', 'csv_utf8_bom', 'csv_gbk', 'ndjson', 'xlsx'];
const columns: Column[] = [
  { key: 'id', header: '身份证号', kind: 'text' },
  { key: 'name', header: '姓名' },
  { key: 'age', header: '年龄', kind: 'integer' },
  { key: 'born', header: '出生日期', kind: 'date' },
];

function* districtRows(count: number): Generator<CellValue[]> {
  for (let i = 0; i < count; i++) {
    yield [
      `1101011990${String(i).padStart(8, '0')}`,
      `张${i % 97}喆, "堃"`,
      i % 100,
      `19${String(50 + (i % 50))}-01-0${1 + (i % 9)}`,
    ];
  }
}

async function writeFile(format: TabularFormat, name: string, count: number): Promise<Buffer> {
  const file = join(dir, name);
  const writer = createTabularWriter(format, file, columns, { sheetName: '人口' });
  expect(await writeRows(writer, districtRows(count))).toBe(count);
  await writer.close();
  return readFileSync(file);
}

describe('createTabularWriter', () => {
  it.each(formats)('writes the same bytes for the same rows, a year later too (%s)', async (format) => {
    const first = await writeFile(format, `${format}-1`, 30_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 366 * 86_400_000);
    const second = await writeFile(format, `${format}-2`, 30_000).finally(() => vi.useRealTimers());
    expect(first.length).toBeGreaterThan(30_000);
    expect(first.equals(second)).toBe(true);
  });

  it.each(formats)('rejects a row with more values than columns (%s)', async (format) => {
    const writer = createTabularWriter(format, join(dir, `wide-${format}`), columns);
    expect(() => writer.writeRow(['1', '2', 3, '2000-01-01', 'extra'])).toThrow(RangeError);
    await writer.close();
  });

  it.each(formats)('reports a file it cannot write when closing (%s)', async (format) => {
    const writer = createTabularWriter(format, join(dir, 'missing', `x.${format}`), columns);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });

  it('writes rows from an async source, waiting when the file is behind', async () => {
    async function* rows(): AsyncGenerator<CellValue[]> {
      yield* districtRows(3);
    }
    const file = join(dir, 'async.csv');
    const writer = createTabularWriter('csv_utf8', file, columns);
    expect(await writeRows(writer, rows())).toBe(3);
    await writer.close();
    expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(5);
  });
});
