import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { ParseError } from './parse-error.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

function codeOf(head: Uint8Array): string | undefined {
  try {
    detectFormat(head);
    return undefined;
  } catch (error) {
    return error instanceof ParseError ? error.code : 'not a ParseError';
  }
}

describe('detectFormat', () => {
  it('recognises an XLSX package by the ZIP signature whatever follows', () => {
    expect(detectFormat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toEqual({ format: 'xlsx' });
  });

  it('tells a JSON array from NDJSON from CSV by the first character after whitespace and a BOM', () => {
    expect(detectFormat(text('  \n[{"a":1}]'))).toEqual({ format: 'json' });
    expect(detectFormat(text('\ufeff{"a":1}\n'))).toEqual({ format: 'ndjson', bom: 'utf-8' });
    expect(detectFormat(text('记录编号,公民身份号码\n'))).toEqual({ format: 'csv' });
    expect(detectFormat(bytes(0xff, 0xfe, 0x5b, 0x00))).toEqual({ format: 'json', bom: 'utf-16le' });
  });

  it('refuses a legacy .xls (OLE) file and tells the clerk to save as .xlsx', () => {
    try {
      detectFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).code).toBe('UNSUPPORTED_FORMAT');
      expect((error as ParseError).message).toMatch(/\.xls\b.*save it as \.xlsx/);
      expect((error as ParseError).messageZh).toContain('另存为 .xlsx');
    }
  });

  it('refuses PDFs, archives, HTML "Excel" exports and binary data', () => {
    expect(codeOf(text('%PDF-1.7\n'))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(bytes(0x1f, 0x8b, 0x08, 0x00))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(text('<html><table><tr><td>1</td></tr></table></html>'))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 32))).toBe('UNSUPPORTED_FORMAT');
  });

  it('calls a file of nothing or only whitespace empty', () => {
    expect(codeOf(bytes())).toBe('EMPTY_FILE');
    expect(codeOf(text(' \r\n\t\n'))).toBe('EMPTY_FILE');
    expect(codeOf(bytes(0xef, 0xbb, 0xbf))).toBe('EMPTY_FILE');
  });

  it('keeps a CSV with a few control characters in its cells as text', () => {
    expect(detectFormat(text('a,b\n1,x\u0001y\n2,\u0000\n'.padEnd(400, ' ')))).toEqual({ format: 'csv' });
  });
});
