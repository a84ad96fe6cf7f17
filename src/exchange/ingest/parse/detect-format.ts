import { ParseError } from './parse-error.js';
import { SNIFF_BYTES } from './parse-limits.js';
import type { SourceFormat } from './parse-types.js';

/** The byte-order mark a text file starts with, if any. */
export type ByteOrderMark = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What the first bytes of a file say about it. */
export interface DetectedFormat {
  format: SourceFormat;
  bom?: ByteOrderMark;
}

const SAVE_AS_XLSX = {
  en: 'save it as .xlsx (Excel workbook) or CSV',
  zh: '请另存为 .xlsx（Excel 工作簿）或 CSV',
};

/** Signatures of files clerks upload by mistake, with what they are. */
const KNOWN_BINARIES: ReadonlyArray<{ magic: readonly number[]; en: string; zh: string }> = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    en: 'This is an old Excel .xls file (or a password-protected workbook)',
    zh: '这是旧版 Excel .xls 文件（或设置了密码的工作簿）',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], en: 'This is a PDF file', zh: '这是 PDF 文件' },
  { magic: [0x50, 0x4b, 0x05, 0x06], en: 'This is an empty ZIP archive', zh: '这是空的 ZIP 压缩包' },
  { magic: [0x1f, 0x8b], en: 'This is a gzip archive', zh: '这是 gzip 压缩包' },
  { magic: [0x52, 0x61, 0x72, 0x21], en: 'This is a RAR archive', zh: '这是 RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], en: 'This is a 7-Zip archive', zh: '这是 7-Zip 压缩包' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], en: 'This is an RTF document', zh: '这是 RTF 文档' },
];

/** Share of control bytes above which a file is binary, not text. */
const BINARY_CONTROL_SHARE = 0.05;

/**
 * Decides the format from the first bytes, whatever the file is called: `PK\x03\x04` is XLSX,
 * `[` a JSON array, `{` NDJSON, other text CSV. Throws ParseError `EMPTY_FILE` or
 * `UNSUPPORTED_FORMAT` (legacy .xls, PDF, archives, HTML/XML "Excel" exports, binary data).
 */
export function detectFormat(head: Uint8Array): DetectedFormat {
  if (head.length === 0) throw new ParseError('EMPTY_FILE');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx' };
  for (const known of KNOWN_BINARIES) {
    if (startsWith(head, known.magic)) throw unsupported(known.en, known.zh);
  }
  const bom = byteOrderMark(head);
  const text = leadingText(head, bom);
  if (text === undefined && head.length < SNIFF_BYTES) throw new ParseError('EMPTY_FILE');
  if (bom === undefined && isBinary(head)) throw unsupported('This is not a text file', '这不是文本文件');
  if (text === '<') {
    throw unsupported(
      'This is an HTML or XML file, not a real Excel workbook',
      '这是 HTML 或 XML 文件，不是真正的 Excel 工作簿',
    );
  }
  const format: SourceFormat = text === '[' ? 'json' : text === '{' ? 'ndjson' : 'csv';
  return bom === undefined ? { format } : { format, bom };
}

function unsupported(what: string, whatZh: string): ParseError {
  return new ParseError('UNSUPPORTED_FORMAT', {
    message: `${what}; ${SAVE_AS_XLSX.en}.`,
    messageZh: `${whatZh}，${SAVE_AS_XLSX.zh}。`,
  });
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function byteOrderMark(head: Uint8Array): ByteOrderMark | undefined {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/** The first character that is not whitespace, read in the BOM's encoding (else byte by byte). */
function leadingText(head: Uint8Array, bom: ByteOrderMark | undefined): string | undefined {
  const text = bom === undefined ? Buffer.from(head).toString('latin1') : new TextDecoder(bom).decode(head);
  const match = /[^\t\n\v\f\r \uFEFF\u3000]/.exec(text);
  return match?.[0];
}

function isBinary(head: Uint8Array): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a && byte !== 0x1b)) controls++;
  }
  return controls > head.length * BINARY_CONTROL_SHARE;
}
