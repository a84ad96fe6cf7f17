import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCsvWriter, type CsvWriterOptions } from './csv-writer.js';
import type { CellValue, Column } from './tabular-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

/** A strict RFC 4180 reader: a CR or LF outside quotes other than CRLF is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`stray ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
    }
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('last line does not end with CRLF');
  return rows;
}

async function writeCsv(
  columns: readonly Column[],
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  options: CsvWriterOptions = {},
): Promise<Buffer> {
  const file = join(dir, `out-${fileCount++}.csv`);
  const writer = createCsvWriter(file, columns, options);
  for (const values of rows) await writer.writeRow(values);
  await writer.close();
  return readFileSync(file);
}

const columns: Column[] = [
  { key: 'id', header: '身份证号', kind: 'text' },
  { key: 'name', header: '姓名' },
  { key: 'note', header: '备注, "说明"' },
];

describe('createCsvWriter', () => {
  it('round-trips quotes, commas, line breaks and Chinese through an RFC 4180 parser', async () => {
    const rows = [
      ['110101199001011234', '张三', 'say "hi", then\r\nleave'],
      ['11010119900101123X', '李\n四', '\r'],
      ['', null, undefined],
      [42, -12.5, 'a,b'],
    ];
    const text = (await writeCsv(columns, rows)).toString('utf8');
    expect(parseCsv(text)).toEqual([
      ['身份证号', '姓名', '备注, "说明"'],
      ['110101199001011234', '张三', 'say "hi", then\r\nleave'],
      ['11010119900101123X', '李\n四', '\r'],
      ['', '', ''],
      ['42', '-12.5', 'a,b'],
    ]);
  });

  it('ends every line with CRLF, as Excel writes CSV', async () => {
    const text = (await writeCsv(columns, [['1', '2', '3']])).toString('utf8');
    expect(text).toBe('身份证号,姓名,"备注, ""说明"""\r\n1,2,3\r\n');
  });

  it('starts with a UTF-8 BOM only when asked', async () => {
    const plain = await writeCsv(columns, []);
    const bom = await writeCsv(columns, [], { encoding: 'utf8_bom' });
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.subarray(3)).toEqual(plain);
  });

  it('writes GB18030 that decodes back to the same names, rare characters included', async () => {
    const names = ['张喆', '王堃', '李燊', '𠮷野家', '䶮', '朱镕基', 'Ünal'];
    const bytes = await writeCsv(
      [{ key: 'name', header: '姓名' }],
      names.map((name) => [name]),
      { encoding: 'gb18030' },
    );
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(parseCsv(text)).toEqual([['姓名'], ...names.map((name) => [name])]);
    // 𠮷 lies outside the BMP and outside GBK: GB18030 gives it four bytes.
    const only = await writeCsv([{ key: 'n', header: 'n' }], [['𠮷']], { encoding: 'gb18030' });
    expect(only.length).toBe('n\r\n'.length + 4 + 2);
    // The GBK-range part reads with a plain GBK decoder too.
    expect(
      new TextDecoder('gbk').decode(
        await writeCsv([{ key: 'n', header: '名' }], [['喆堃燊']], { encoding: 'gb18030' }),
      ),
    ).toBe('名\r\n喆堃燊\r\n');
  });

  it('leaves formula-like text alone unless asked to neutralise it', async () => {
    const rows = [['=1+1', '@SUM(A1)', '-12']];
    const raw = parseCsv((await writeCsv(columns, rows)).toString('utf8'));
    const safe = parseCsv((await writeCsv(columns, rows, { neutraliseFormulas: true })).toString('utf8'));
    expect(raw[1]).toEqual(['=1+1', '@SUM(A1)', '-12']);
    expect(safe[1]).toEqual(["'=1+1", "'@SUM(A1)", '-12']);
  });

  it('writes all-digit text as ="…" under the Excel text guard, so IDs keep every digit', async () => {
    const rows = [
      ['110101199001011234', '0012', '0012'],
      ['11010119900101123X', '', ''],
    ];
    const text = (await writeCsv(columns, rows, { excelTextGuard: true, neutraliseFormulas: true })).toString('utf8');
    expect(parseCsv(text).slice(1)).toEqual([
      ['="110101199001011234"', '0012', '0012'],
      ['11010119900101123X', '', ''],
    ]);
  });

  it('parses back to the same rows whatever the strings, in UTF-8 and GB18030', async () => {
    const awkward = fc.constantFrom(
      '"',
      ',',
      '\r',
      '\n',
      '\r\n',
      '\t',
      '=',
      '-',
      ' ',
      '\u0000',
      '😀',
      '𠮷',
      '喆',
      '\uD800',
      '\uDC00',
    );
    const text = fc
      .array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 })
      .map((parts) => parts.join(''));
    const wellFormed = (s: string): string => s.replace(/\p{Cs}/gu, '\uFFFD');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { maxLength: 6 }), async (rows) => {
        const expected = [columns.map((column) => column.header), ...rows.map((row) => row.map(wellFormed))];
        const utf8 = (await writeCsv(columns, rows)).toString('utf8');
        expect(parseCsv(utf8)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
    // GB18030 tables differ between iconv-lite and ICU only in the Private Use Area, so Han,
    // ASCII and supplementary-plane characters are drawn here.
    const han = fc.oneof(
      awkward,
      fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0x20000, max: 0x2a6df }).map((cp) => String.fromCodePoint(cp)),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    );
    const hanText = fc.array(han, { maxLength: 8 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hanText, hanText, hanText), { maxLength: 6 }), async (rows) => {
        const bytes = await writeCsv(columns, rows, { encoding: 'gb18030' });
        const expected = [columns.map((column) => column.header), ...rows.map((row) => row.map(wellFormed))];
        expect(parseCsv(new TextDecoder('gb18030').decode(bytes))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('streams 200,000 rows through backpressure without losing one', async () => {
    const file = join(dir, 'big.csv');
    const writer = createCsvWriter(file, columns, { encoding: 'gb18030' });
    for (let i = 0; i < 200_000; i++) {
      const wait = writer.writeRow([`1101011990${String(i).padStart(8, '0')}`, `张${i}`, i % 7 ? '' : 'a,"b"']);
      if (wait) await wait;
    }
    await writer.close();
    const rows = parseCsv(new TextDecoder('gb18030').decode(readFileSync(file)));
    expect(rows).toHaveLength(200_001);
    expect(rows[200_000]).toEqual(['110101199000199999', '张199999', '']);
    expect(rows[7]).toEqual(['110101199000000006', '张6', '']);
    expect(rows[8]).toEqual(['110101199000000007', '张7', 'a,"b"']);
  });
});
