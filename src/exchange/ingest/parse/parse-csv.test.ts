import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createTabularWriter, type Column, type TabularFormat } from '../../../platform/tabular/index.js';
import { parseSubmission } from './parse-submission.js';
import type { ParsedSubmission, SourceRow } from './parse-types.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const moveIn = getEventType('hukou_move_in')!;
const moveOut = getEventType('hukou_move_out')!;

async function parseBytes(
  bytes: Uint8Array | string,
  type = moveOut,
): Promise<{ parsed: ParsedSubmission; rows: SourceRow[] }> {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  const parsed = await parseSubmission(path, { eventType: type });
  const rows: SourceRow[] = [];
  for await (const row of parsed.rows) rows.push(row);
  return { parsed, rows };
}

const COLUMNS: Column[] = [
  { key: 'record_id', header: '记录编号' },
  { key: 'id_number', header: '公民身份号码', kind: 'text' },
  { key: 'name', header: '姓名' },
  { key: 'moved_on', header: '迁入日期', kind: 'date' },
  { key: 'address', header: '户籍地址' },
];
const ROWS = [
  ['R1', '440606199001011234', '张三', '2024-01-05', '广东省佛山市顺德区大良街道"金榜"社区, 1号'],
  ['R2', '44060619900101123X', '欧阳𠀀', '2024-01-06', '第一行\r\n第二行'],
  ['R3', '000123', "=cmd|' /C calc'!A0", '2024-01-07', ''],
];

async function writeFixture(format: TabularFormat, options: { excelTextGuard?: boolean } = {}): Promise<string> {
  const path = join(dir, `w${files++}.csv`);
  const writer = createTabularWriter(format, path, COLUMNS, options);
  for (const row of ROWS) await writer.writeRow(row);
  await writer.close();
  return path;
}

describe('parseSubmission on CSV', () => {
  it.each([
    ['csv_utf8', 'utf-8'],
    ['csv_utf8_bom', 'utf-8'],
    ['csv_gbk', 'gb18030'],
  ] as const)('reads %s written by the platform writer back to the same values', async (format, encoding) => {
    const path = await writeFixture(format, { excelTextGuard: true });
    expect(readFileSync(path).includes('"=""000123"""')).toBe(true);
    const parsed = await parseSubmission(path, { eventType: moveIn });
    const rows: SourceRow[] = [];
    for await (const row of parsed.rows) rows.push(row);
    expect(parsed.format).toBe('csv');
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.columns.map((column) => column.key)).toEqual([
      'record_id',
      'id_number',
      'name',
      'moved_on',
      'address',
    ]);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.values).toEqual({
      record_id: 'R1',
      id_number: '440606199001011234',
      name: '张三',
      moved_on: '2024-01-05',
      address: '广东省佛山市顺德区大良街道"金榜"社区, 1号',
    });
    expect(rows[1]!.values.address).toBe('第一行\r\n第二行');
    expect(rows[1]!.values.name).toBe('欧阳𠀀');
    expect(rows[2]!.values.id_number).toBe('000123');
    expect(rows[2]!.cells[1]).toBe('000123');
    expect(rows[2]!.values.name).toBe("=cmd|' /C calc'!A0");
    expect(rows[2]!.values).not.toHaveProperty('address');
  });

  it('reads GBK without a BOM, LF line ends, a title row and numbers rows as the spreadsheet does', async () => {
    const text =
      '佛山市顺德区户口迁出登记表\n记录编号,公民身份号码,迁出日期,迁移原因\nA1,440606199001011234,2024-01-05,工作\n';
    const { parsed, rows } = await parseBytes(iconv.encode(text, 'gbk'));
    expect(parsed.encoding).toBe('gb18030');
    expect(parsed.missingRequiredColumns).toEqual([]);
    expect(rows).toEqual([
      {
        row: 3,
        values: { record_id: 'A1', id_number: '440606199001011234', moved_on: '2024-01-05', reason: '工作' },
        cells: ['A1', '440606199001011234', '2024-01-05', '工作'],
      },
    ]);
  });

  it('skips empty lines but counts them, and counts a quoted multi-line cell as one row', async () => {
    const text =
      '\ufeff记录编号,公民身份号码,迁出日期\r\n\r\nA1,"4406\n06",2024-01-05\r\n,,\r\nA2,x,"a ""quoted"" b"\n';
    const { rows } = await parseBytes(text);
    expect(rows.map((row) => [row.row, row.values])).toEqual([
      [3, { record_id: 'A1', id_number: '4406\n06', moved_on: '2024-01-05' }],
      [5, { record_id: 'A2', id_number: 'x', moved_on: 'a "quoted" b' }],
    ]);
  });

  it('reads a tab-separated file, also under a title line, and old Mac CR line ends', async () => {
    const { rows } = await parseBytes('record_id\tid_number\tmoved_on\rA1\t440606199001011234\t2024-01-05\r');
    expect(rows[0]!.values).toEqual({ record_id: 'A1', id_number: '440606199001011234', moved_on: '2024-01-05' });
    const titled = await parseBytes('迁出登记表\n记录编号\t公民身份号码\nA1\t440606199001011234\n');
    expect(titled.rows).toEqual([
      { row: 3, values: { record_id: 'A1', id_number: '440606199001011234' }, cells: ['A1', '440606199001011234'] },
    ]);
  });

  it('takes a short row as empty cells and a row with values past the headers as a problem', async () => {
    const { rows } = await parseBytes(
      '记录编号,公民身份号码,迁出日期,\nA1,4406\nA2,佛山市,顺德区,大良,2024-01-05\nA3,x,y,,,\n',
    );
    expect(rows[0]).toEqual({ row: 2, values: { record_id: 'A1', id_number: '4406' }, cells: ['A1', '4406'] });
    expect(rows[1]).toMatchObject({ row: 3, values: {}, problem: { code: 'EXTRA_CELLS' } });
    expect(rows[1]!.cells).toHaveLength(5);
    expect(rows[2]!.problem).toBeUndefined();
  });

  it('keeps control characters but removes NUL, and makes a cell over 10,000 characters a row problem', async () => {
    const { rows } = await parseBytes(`record_id,id_number\nA\u0000\u0001B,1\nA2,${'x'.repeat(10_001)}\nA3,3\n`);
    expect(rows[0]!.values.record_id).toBe('A\u0001B');
    expect(rows[1]).toMatchObject({ row: 3, values: {}, problem: { code: 'ROW_TOO_LARGE', details: { column: 2 } } });
    expect(rows[1]!.cells[1]).toHaveLength(10_000);
    expect(rows[2]!.values).toEqual({ record_id: 'A3', id_number: '3' });
  });

  it('ends with an UNCLOSED_QUOTE row problem when a quote never closes', async () => {
    const { rows } = await parseBytes('record_id,id_number\nA1,1\nA2,"unclosed\nA3,3\n');
    expect(rows[0]!.values).toEqual({ record_id: 'A1', id_number: '1' });
    expect(rows[1]).toMatchObject({ row: 3, values: {}, problem: { code: 'UNCLOSED_QUOTE' } });
    expect(rows).toHaveLength(2);
  });

  it('keeps every row read before a quote that never closes, also when they were quoted', async () => {
    for (const count of [3, 300]) {
      const lines = Array.from({ length: count }, (_, i) => `A${i},"${i}"`).join('\n');
      const { rows } = await parseBytes(`record_id,id_number\n${lines}\nB,"unclosed\n`);
      expect(rows).toHaveLength(count + 1);
      expect(rows[count - 1]!.values).toEqual({ record_id: `A${count - 1}`, id_number: `${count - 1}` });
      expect(rows[count]).toMatchObject({ row: count + 2, problem: { code: 'UNCLOSED_QUOTE', details: { line: count + 2 } } });
    }
  });

  it('unwraps Excel text guards, quoted or not, into the text Excel shows', async () => {
    const { rows } = await parseBytes('record_id,id_number,moved_on\nA1, ="440606199001011234" ,"=""0012"""\n');
    expect(rows[0]!.values).toEqual({ record_id: 'A1', id_number: '440606199001011234', moved_on: '0012' });
    expect(rows[0]!.cells).toEqual(['A1', '440606199001011234', '0012']);
  });

  it('keeps quotes inside an unquoted cell as text', async () => {
    const { rows } = await parseBytes('record_id,id_number\nA"1,12"3\n');
    expect(rows[0]!.values).toEqual({ record_id: 'A"1', id_number: '12"3' });
  });

  it('refuses a file without any header naming a field, and an empty one', async () => {
    await expect(parseBytes('1,2,3\n4,5,6\n')).rejects.toMatchObject({ name: 'ParseError', code: 'NO_HEADER' });
    await expect(parseBytes('\n\n,,\n')).rejects.toMatchObject({ name: 'ParseError', code: 'EMPTY_FILE' });
  });

  it('gives a header-only file no rows', async () => {
    const { parsed, rows } = await parseBytes('record_id,id_number,moved_on\r\n');
    expect(parsed.missingRequiredColumns).toEqual([]);
    expect(rows).toEqual([]);
  });
});
