import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createTabularWriter, type Column } from '../../../platform/tabular/index.js';
import { parseSubmission } from './parse-submission.js';
import type { ParsedSubmission, ParseOptions, SourceRow } from './parse-types.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const moveIn = getEventType('hukou_move_in')!;
const moveOut = getEventType('hukou_move_out')!;
const nextPath = (ext = 'xlsx') => join(dir, `f${files++}.${ext}`);

async function parse(
  input: string | NodeJS.ReadableStream,
  options: Partial<ParseOptions> = {},
): Promise<{ parsed: ParsedSubmission; rows: SourceRow[] }> {
  const parsed = await parseSubmission(input, { eventType: moveOut, ...options });
  const rows: SourceRow[] = [];
  for await (const row of parsed.rows) rows.push(row);
  return { parsed, rows };
}

async function workbookFile(build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = nextPath();
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A ZIP of the given parts (deflated), for packages exceljs would not write. */
function zipOf(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.from(content, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A minimal workbook package around one hand-written worksheet. */
function handWrittenXlsx(sheetData: string, extra: Record<string, string> = {}): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:sheets><x:sheet name="数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`,
    'xl/worksheets/data.xml': `<x:worksheet xmlns:x="${ns}"><x:sheetData>${sheetData}</x:sheetData></x:worksheet>`,
    ...extra,
  });
}

describe('parseSubmission on XLSX', () => {
  it('reads a workbook written by the platform writer, skipping its instruction sheet', async () => {
    const columns: Column[] = [
      { key: 'record_id', header: '记录编号*' },
      { key: 'id_number', header: '公民身份号码*', kind: 'text' },
      { key: 'name', header: '姓名' },
      { key: 'birth_date', header: '出生日期', kind: 'date' },
      { key: 'sons', header: '备注', kind: 'integer' },
    ];
    const path = nextPath();
    const writer = createTabularWriter('xlsx', path, columns, {
      sheetName: '迁入登记',
      dateCells: 'serial',
      extraSheets: [{ name: '填写说明', columns: [{ key: 'a', header: '说明' }], rows: [['记录编号必填']] }],
    });
    await writer.writeRow(['R1', '440606199001011234', '张三 & "李四" <x>', '1990-01-01', 3]);
    await writer.writeRow(['R2', '000123', '', '1990-13-45', 0]);
    await writer.close();
    const { parsed, rows } = await parse(path, { eventType: moveIn });
    expect(parsed.format).toBe('xlsx');
    expect(parsed.sheet).toBe('迁入登记');
    expect(parsed.encoding).toBeUndefined();
    expect(parsed.unknownColumns).toEqual(['备注']);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          record_id: 'R1',
          id_number: '440606199001011234',
          name: '张三 & "李四" <x>',
          birth_date: '1990-01-01',
        },
        cells: ['R1', '440606199001011234', '张三 & "李四" <x>', '1990-01-01', '3'],
      },
      {
        row: 3,
        values: { record_id: 'R2', id_number: '000123', birth_date: '1990-13-45' },
        cells: ['R2', '000123', '', '1990-13-45', '0'],
      },
    ]);
  });

  it('turns cell values into text as Excel shows them', async () => {
    const path = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['记录编号', '公民身份号码', '迁出日期', '迁往地区划', '迁移原因']);
      sheet.addRow([
        'R1',
        320102199001011234,
        new Date(Date.UTC(2024, 0, 5)),
        440606000000,
        { formula: '1+1', result: 2 },
      ]);
      sheet.addRow([
        'R2',
        { formula: '"4406"&"06"', result: '440606' },
        45296,
        { formula: 'NA()', result: { error: '#N/A' } },
        true,
      ]);
      sheet.addRow([
        { richText: [{ text: 'R' }, { font: { bold: true }, text: '3' }] },
        { text: '440606199001011234', hyperlink: 'https://example.org' },
        { formula: 'DATE(2024,1,7)', result: 45298 },
        { sharedFormula: 'E2', result: 2 },
        { formula: 'TRUE()', result: false },
      ]);
      sheet.getCell('C4').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('D2').numFmt = '0';
    });
    const { rows } = await parse(path);
    expect(rows.map((row) => row.values)).toEqual([
      { record_id: 'R1', id_number: '3.20102E+17', moved_on: '2024-01-05', to_division: '440606000000', reason: '2' },
      { record_id: 'R2', id_number: '440606', moved_on: '45296', to_division: '#N/A', reason: 'true' },
      { record_id: 'R3', id_number: '440606199001011234', moved_on: '2024-01-07', to_division: '2', reason: 'false' },
    ]);
  });

  it('uses the row under a title row as the header and skips a hidden row of field keys', async () => {
    const path = await workbookFile((workbook) => {
      workbook.addWorksheet('填写说明').addRow(['请按说明填写']);
      const hidden = workbook.addWorksheet('旧数据', { state: 'hidden' });
      hidden.addRow(['record_id']);
      const sheet = workbook.addWorksheet('迁出');
      sheet.addRow(['2024年1月户口迁出登记表']);
      sheet.addRow([]);
      sheet.addRow(['记录编号', '身份证号', '迁出日期']);
      sheet.addRow(['record_id', 'id_number', 'moved_on']);
      sheet.addRow(['R1', '440606199001011234', '2024-01-05']);
      sheet.getRow(4).hidden = true;
    });
    const { parsed, rows } = await parse(path);
    expect(parsed.sheet).toBe('迁出');
    expect(parsed.columns.map((column) => column.key)).toEqual(['record_id', 'id_number', 'moved_on']);
    expect(parsed.missingRequiredColumns).toEqual([]);
    expect(rows).toEqual([
      {
        row: 5,
        values: { record_id: 'R1', id_number: '440606199001011234', moved_on: '2024-01-05' },
        cells: ['R1', '440606199001011234', '2024-01-05'],
      },
    ]);
  });

  it('reads the sheet named in the options and refuses a name the workbook lacks', async () => {
    const path = await workbookFile((workbook) => {
      workbook.addWorksheet('一月').addRows([['record_id'], ['JAN']]);
      workbook.addWorksheet('二月').addRows([['record_id'], ['FEB']]);
    });
    expect((await parse(path)).rows[0]!.values).toEqual({ record_id: 'JAN' });
    expect((await parse(path, { sheet: '二月' })).rows[0]!.values).toEqual({ record_id: 'FEB' });
    await expect(parse(path, { sheet: '三月' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
      details: { sheet: '三月', sheets: ['一月', '二月'] },
    });
  });

  it('reads dates of the 1904 date system', async () => {
    const path = await workbookFile((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('S');
      sheet.addRow(['record_id', 'moved_on']);
      sheet.addRow(['R1', new Date(Date.UTC(2024, 0, 5))]);
    });
    expect((await parse(path)).rows[0]!.values.moved_on).toBe('2024-01-05');
  });

  it('reads shared strings with rich text and phonetic guides, inline strings, escapes and prefixed XML', async () => {
    const strings =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>记录编号</t></si><si><r><t>公民</t></r><r><rPr><b/></rPr><t>身份号码</t></r></si>' +
      '<si><t>张</t><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si><si><t xml:space="preserve">a_x000D_b_x005F_x0041_</t></si></sst>';
    const sheetData =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c t="s"><x:v>3</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>4406</x:t></x:r><x:r><x:t>06</x:t></x:r></x:is></x:c>' +
      '<x:c r="D2" t="s"><x:v>2</x:v></x:c><x:c r="E2" t="d"><x:v>2024-01-05T00:00:00</x:v></x:c></x:row>';
    const path = nextPath();
    writeFileSync(path, handWrittenXlsx(sheetData, { 'xl/strings.xml': strings }));
    const { parsed, rows } = await parse(path, { eventType: moveIn });
    expect(parsed.columns.map((column) => column.key)).toEqual(['record_id', 'id_number', null, 'name']);
    expect(rows[0]!.values).toEqual({ record_id: 'a\rb_x0041_', id_number: '440606', name: '张' });
    expect(rows[0]!.cells).toEqual(['a\rb_x0041_', '440606', '', '张', '2024-01-05']);
  });

  it('spools a streamed upload to a temporary file and removes it when the rows are read', async () => {
    const path = await workbookFile((workbook) => {
      workbook.addWorksheet('S').addRows([
        ['record_id', 'id_number'],
        ['R1', '440606199001011234'],
      ]);
    });
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('popx-parse-')));
    const { rows } = await parse(createReadStream(path, { highWaterMark: 1024 }));
    expect(rows[0]!.values).toEqual({ record_id: 'R1', id_number: '440606199001011234' });
    const left = readdirSync(tmpdir()).filter((name) => name.startsWith('popx-parse-') && !before.has(name));
    expect(left.filter((name) => existsSync(join(tmpdir(), name, 'submission.xlsx')))).toEqual([]);
  });

  it('refuses a ZIP that is not a workbook, an OpenDocument file and a damaged package', async () => {
    const docx = nextPath('docx');
    writeFileSync(docx, zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await expect(parse(docx)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/ZIP archive/),
    });
    const ods = nextPath('ods');
    writeFileSync(ods, zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }));
    await expect(parse(ods)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/\.ods/),
    });
    const good = handWrittenXlsx('<x:row r="1"><x:c t="inlineStr"><x:is><x:t>record_id</x:t></x:is></x:c></x:row>');
    const truncated = nextPath();
    writeFileSync(truncated, good.subarray(0, good.length - 30));
    await expect(parse(truncated)).rejects.toMatchObject({ name: 'ParseError', code: 'CORRUPT_XLSX' });
  });

  it('refuses a damaged worksheet stream with CORRUPT_XLSX, not a hang', async () => {
    const bytes = handWrittenXlsx(
      `<x:row r="1"><x:c t="inlineStr"><x:is><x:t>record_id</x:t></x:is></x:c></x:row>${'<x:row><x:c><x:v>1</x:v></x:c></x:row>'.repeat(2000)}`,
    );
    const at = bytes.indexOf(Buffer.from('xl/worksheets/data.xml')) + 'xl/worksheets/data.xml'.length + 40;
    for (let i = at; i < at + 16; i++) bytes[i] = 0xff;
    const path = nextPath();
    writeFileSync(path, bytes);
    await expect(parse(path)).rejects.toMatchObject({ name: 'ParseError', code: 'CORRUPT_XLSX' });
  });
});
