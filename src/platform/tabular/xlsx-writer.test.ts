import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue, Column } from './tabular-writer.js';
import { CHOICES_SHEET_NAME, createXlsxWriter, type XlsxWriterOptions } from './xlsx-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

const columns: Column[] = [
  { key: 'id', header: '身份证号', kind: 'text', width: 20 },
  { key: 'name', header: '姓名' },
  { key: 'sex', header: '性别', choices: ['男', '女'] },
  { key: 'age', header: '年龄', kind: 'integer' },
  { key: 'born', header: '出生日期', kind: 'date' },
];

async function writeXlsx(
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  options: Partial<XlsxWriterOptions> = {},
): Promise<ExcelJS.Workbook> {
  const file = join(dir, `out-${fileCount++}.xlsx`);
  const writer = createXlsxWriter(file, { sheets: [{ name: '人口', columns }], ...options });
  for (const values of rows) await writer.writeRow(values);
  await writer.close();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** What Excel does with `_xHHHH_` in cell text, which exceljs leaves as is in inline strings. */
function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Keeps what XML 1.0 can carry: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and beyond U+FFFF. */
function xmlCharsOnly(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const allowed =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp > 0xffff;
    if (allowed) out += char;
  }
  return out;
}

describe('createXlsxWriter', () => {
  it('opens with the Chinese headers bold in a frozen first row', async () => {
    const workbook = await writeXlsx([['110101199001011234', '张喆', '男', 34, '1990-01-01']]);
    const sheet = workbook.getWorksheet('人口')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '身份证号', '姓名', '性别', '年龄', '出生日期']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.getColumn(1).width).toBe(20);
  });

  it('keeps an 18-digit ID as text and writes integers as numbers', async () => {
    const workbook = await writeXlsx([
      ['110101199001011234', '王堃', '女', 7, ''],
      [110101199001011, '𠮷', null, '12', undefined],
      ['000123', 'x', '', '0123', null],
    ]);
    const sheet = workbook.getWorksheet('人口')!;
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').value).toBe('110101199001011234');
    expect(sheet.getCell('A2').numFmt).toBe('@');
    expect(sheet.getCell('A3').value).toBe('110101199001011');
    expect(sheet.getCell('A4').value).toBe('000123');
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D2').value).toBe(7);
    expect(sheet.getCell('D3').value).toBe(12);
    // A leading zero is not an integer's spelling: it stays text rather than losing the zero.
    expect(sheet.getCell('D4').value).toBe('0123');
    expect(sheet.getCell('B3').value).toBe('𠮷');
    expect(sheet.getCell('C3').value).toBeNull();
  });

  it('writes dates as YYYY-MM-DD text by default and as Excel dates when asked', async () => {
    const asText = await writeXlsx([['1', 'a', '男', 1, '1990-01-31']]);
    expect(asText.worksheets[0]!.getCell('E2').value).toBe('1990-01-31');
    const asSerial = await writeXlsx(
      [
        ['1', 'a', '男', 1, '1990-01-31'],
        ['1', 'a', '男', 1, '不详'],
      ],
      { dateCells: 'serial' },
    );
    const cell = asSerial.worksheets[0]!.getCell('E2');
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    expect(cell.value).toEqual(new Date(Date.UTC(1990, 0, 31)));
    expect(asSerial.worksheets[0]!.getCell('E3').value).toBe('不详');
  });

  it('adds an instructions sheet and dropdowns, long lists kept in a hidden sheet', async () => {
    const villages = Array.from({ length: 40 }, (_, i) => `第${i + 1}村民委员会（含"新村"）`);
    const workbook = await writeXlsx([], {
      sheets: [
        { name: '人口', columns: [...columns, { key: 'village', header: '村居', choices: villages }] },
        {
          name: '填写说明',
          columns: [
            { key: 'item', header: '项目' },
            { key: 'note', header: '说明' },
          ],
          rows: [['身份证号', '18位，末位可为X']],
        },
      ],
    });
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['人口', 'visible'],
      ['填写说明', 'visible'],
      [CHOICES_SHEET_NAME, 'hidden'],
    ]);
    expect(workbook.getWorksheet('填写说明')!.getRow(2).values).toEqual([undefined, '身份证号', '18位，末位可为X']);
    const validations = (
      workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    expect(validations.C2?.formulae).toEqual(['"男,女"']);
    expect(validations.F2?.formulae).toEqual([`'${CHOICES_SHEET_NAME}'!$A$1:$A$40`]);
    const hidden = workbook.getWorksheet(CHOICES_SHEET_NAME)!;
    expect(hidden.getCell('A40').value).toBe(villages[39]);
  });

  it('never writes an unreadable file, whatever the strings, and keeps all that XML can carry', async () => {
    const awkward = fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      '\r',
      '\n',
      '\t',
      '\u0000',
      '\u000b',
      '\uFFFE',
      '\uD800',
      '\uDC00',
      '😀',
      '𠮷',
      '_x0041_',
      ']]>',
      ' ',
    );
    const text = fc
      .array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }), async (pairs) => {
        const workbook = await writeXlsx(pairs.map(([id, name]) => [id, name]));
        const sheet = workbook.worksheets[0]!;
        pairs.forEach(([id, name], i) => {
          const read = (ref: string): string => decodeExcelEscapes(String(sheet.getCell(ref).value ?? ''));
          expect(read(`A${i + 2}`)).toBe(xmlCharsOnly(id));
          expect(read(`B${i + 2}`)).toBe(xmlCharsOnly(name));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('rejects sheet names and cells Excel would refuse', async () => {
    const file = join(dir, 'bad.xlsx');
    for (const name of ['', 'a'.repeat(32), 'a/b', 'x[1]', "'q", 'History', CHOICES_SHEET_NAME]) {
      expect(() => createXlsxWriter(file, { sheets: [{ name, columns }] })).toThrow(RangeError);
    }
    expect(() =>
      createXlsxWriter(file, {
        sheets: [
          { name: 'A', columns },
          { name: 'a', columns },
        ],
      }),
    ).toThrow(/taken/);
    const writer = createXlsxWriter(file, { sheets: [{ name: '三十一个字符以内的中文工作表名称可以', columns }] });
    expect(() => writer.writeRow(['x'.repeat(32_768)])).toThrow(/32,767|32767/);
    await writer.close();
  });

  it('streams 200,000 rows that exceljs reads back in order', async () => {
    const file = join(dir, 'big.xlsx');
    const writer = createXlsxWriter(file, { sheets: [{ name: 'Sheet1', columns }] });
    for (let i = 0; i < 200_000; i++) {
      const wait = writer.writeRow([
        `1101011990${String(i).padStart(8, '0')}`,
        `张${i}`,
        i % 2 ? '男' : '女',
        i,
        '2000-01-01',
      ]);
      if (wait) await wait;
    }
    await writer.close();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    let count = 0;
    let last: unknown;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        count++;
        last = row.values;
      }
    }
    expect(count).toBe(200_001);
    expect(last).toEqual([undefined, '110101199000199999', '张199999', '男', 199_999, '2000-01-01']);
  });
});
