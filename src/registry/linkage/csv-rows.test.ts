import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRows } from './csv-rows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-csv-rows-'));
let files = 0;

function rowsOf(text: string | Buffer): string[][] {
  const file = path.join(dir, `f${(files += 1)}.csv`);
  fs.writeFileSync(file, text);
  const rows: string[][] = [];
  readCsvRows(file, (cells) => rows.push([...cells]));
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n\s]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('readCsvRows', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, a BOM and CRLF', () => {
    expect(rowsOf('\uFEFFid,name\r\n1,"王, 伟"\r\n2,"say ""hi""\nthere"\r\n')).toEqual([
      ['id', 'name'],
      ['1', '王, 伟'],
      ['2', 'say "hi"\nthere'],
    ]);
  });

  it('trims spaces around cells, skips blank lines and keeps short rows', () => {
    expect(rowsOf('a, b ,c\n\n  \n1 ,  "x y" \n2\n')).toEqual([['a', 'b', 'c'], ['1', 'x y'], ['2']]);
  });

  it('reads a last row without a line break', () => {
    expect(rowsOf('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unclosed quote, text after a closing quote and a binary file', () => {
    expect(() => rowsOf('id,name\n"unclosed,张伟\n')).toThrow(CsvSyntaxError);
    expect(() => rowsOf('id,name\n"a"b,c\n')).toThrow(/after a closing quote/);
    expect(() => rowsOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x1a]))).toThrow(/NUL/);
  });

  it('reads back any table it is given, across chunk boundaries', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '王', ',', '"', '\n', ' ', '1', '\r\n'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 }),
        (table) => {
          const text = table.map((row) => row.map(quote).join(',')).join('\n');
          expect(rowsOf(text)).toEqual(table);
        },
      ),
      { numRuns: 200 },
    );
    const big = Array.from({ length: 60_000 }, (_, i) => [`r${i}`, `"名字\n${i}"`, '王伟']);
    const rows = rowsOf(big.map((r) => r.join(',')).join('\n'));
    expect(rows).toHaveLength(60_000);
    expect(rows[59_999]).toEqual(['r59999', '名字\n59999', '王伟']);
  });
});
