import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const CHUNK_BYTES = 1 << 20;

/** Why a file could not be read as CSV; `line` is 1-based. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Reads a CSV file row by row, synchronously in 1 MiB chunks: RFC 4180 quoting (`""` inside
 * quotes, line breaks inside quotes), a UTF-8 BOM dropped, spaces around fields trimmed (as in
 * FEBRL), blank lines skipped, rows of any length. `onRow` gets each row's cells; the array is
 * reused, so copy what you keep (the strings themselves are fresh). Throws CsvSyntaxError for
 * an unclosed quote, text after a closing quote, or a NUL byte (a binary file).
 */
export function readCsvRows(file: string, onRow: (cells: readonly string[], line: number) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const parser = new RowParser(onRow);
    let first = true;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      let text = decoder.write(buffer.subarray(0, read));
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      parser.push(text, false);
    }
    parser.push(decoder.end(), true);
  } finally {
    fs.closeSync(fd);
  }
}

class RowParser {
  private pending = '';
  private line = 1;
  private readonly cells: string[] = [];

  constructor(private readonly onRow: (cells: readonly string[], line: number) => void) {}

  /** Parses every complete row of pending + text; keeps an incomplete last row for the next chunk. */
  push(text: string, final: boolean): void {
    const s = this.pending + text;
    let at = 0;
    while (at < s.length) {
      const next = this.parseRow(s, at, final);
      if (next < 0) break;
      at = next;
    }
    this.pending = s.slice(at);
    if (final && this.pending !== '') throw new CsvSyntaxError('unexpected end of file', this.line);
  }

  /** Parses one row from `at`; returns where the next row starts, or -1 when the row is incomplete. */
  private parseRow(s: string, start: number, final: boolean): number {
    const cells = this.cells;
    cells.length = 0;
    let at = start;
    let lines = 0;
    for (;;) {
      while (at < s.length && isBlank(s.charCodeAt(at))) at += 1;
      let value: string;
      if (at < s.length && s.charCodeAt(at) === QUOTE) {
        const parsed = this.parseQuoted(s, at + 1, final);
        if (parsed === null) {
          if (!final) return -1;
          throw new CsvSyntaxError('a quoted field is never closed', this.line);
        }
        value = parsed.value;
        lines += parsed.lines;
        at = parsed.end;
        while (at < s.length && isBlank(s.charCodeAt(at))) at += 1;
        const code = at < s.length ? s.charCodeAt(at) : -1;
        if (code !== COMMA && code !== LF && code !== CR && code !== -1)
          throw new CsvSyntaxError('text after a closing quote', this.line + lines);
      } else {
        const from = at;
        let code = -1;
        while (at < s.length) {
          code = s.charCodeAt(at);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === 0) throw new CsvSyntaxError('a NUL byte: not a text file', this.line + lines);
          at += 1;
        }
        if (at === s.length && !final) return -1;
        let to = at;
        while (to > from && isBlank(s.charCodeAt(to - 1))) to -= 1;
        value = s.slice(from, to);
      }
      cells.push(value);
      if (at >= s.length) {
        if (!final) return -1;
        this.emit(lines);
        return at;
      }
      const code = s.charCodeAt(at);
      if (code === COMMA) {
        at += 1;
        continue;
      }
      // End of the row: \n, \r\n or a lone \r.
      if (code === CR && at + 1 >= s.length && !final) return -1;
      at += code === CR && s.charCodeAt(at + 1) === LF ? 2 : 1;
      this.emit(lines);
      return at;
    }
  }

  private parseQuoted(s: string, from: number, final: boolean): { value: string; end: number; lines: number } | null {
    let value = '';
    let at = from;
    let lines = 0;
    for (;;) {
      const close = s.indexOf('"', at);
      if (close < 0) return null;
      const piece = s.slice(at, close);
      if (piece.indexOf('\0') >= 0) throw new CsvSyntaxError('a NUL byte: not a text file', this.line);
      for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lines += 1;
      value += piece;
      if (close + 1 >= s.length && !final) return null;
      if (close + 1 >= s.length || s.charCodeAt(close + 1) !== QUOTE) return { value, end: close + 1, lines };
      value += '"';
      at = close + 2;
    }
  }

  private emit(lines: number): void {
    const cells = this.cells;
    const line = this.line;
    this.line += 1 + lines;
    if (cells.length === 1 && cells[0] === '') return;
    this.onRow(cells, line);
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
