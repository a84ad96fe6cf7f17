import { readCsvRecords, type CsvDelimiter } from './read-csv-records.js';
import type { RawRow } from './parse-types.js';

/**
 * Longest text split here at once (an unfinished line included); past it the rest goes to
 * csv-parse, which bounds a record's size. Far below the record limit, far above a chunk.
 */
const PLAIN_TEXT_MAX_CHARS = 1_000_000;
const LINE_END = /\r\n|\n|\r/;

/**
 * Reads CSV text into records exactly as {@link readCsvRecords} (csv-parse) does, splitting the
 * common plain text — no quote anywhere — itself: a line per record (CRLF, LF or CR), cells at
 * each delimiter, an empty line a record of one empty cell. From the first chunk with a quote
 * (or an unfinished line too long to hold) on, the rest from the start of its first unfinished
 * line goes to csv-parse, with rows counted on. csv-parse was a quarter of a large import's
 * validation time (a property test holds the two to the same records). Yields the records of
 * each chunk of text together: a step of an async generator per row was the splitter's largest cost.
 */
export async function* splitPlainCsv(text: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<RawRow[]> {
  const chunks = text[Symbol.asyncIterator]();
  let carry = '';
  let row = 0;
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        // As csv-parse ends on a text error: the unfinished line is a record, then the error.
        const last = lastRecords(carry, delimiter).map((cells) => ({ row: ++row, cells }));
        if (last.length > 0) yield last;
        throw error;
      }
      if (next.done) break;
      const joined = carry + next.value;
      if (joined.includes('"') || joined.length > PLAIN_TEXT_MAX_CHARS) {
        yield* readCsvRecords(resume(joined, chunks), delimiter, row);
        return;
      }
      // A CR at the very end may be the first half of a CRLF: the line is finished by the next chunk.
      const cut = lastLineEnd(joined, joined.endsWith('\r') ? joined.length - 1 : joined.length);
      carry = joined.slice(cut);
      if (cut === 0) continue;
      const lines = joined.slice(0, cut).split(LINE_END);
      const records = new Array<RawRow>(lines.length - 1);
      for (let i = 0; i < records.length; i += 1) records[i] = { row: ++row, cells: lines[i]!.split(delimiter) };
      yield records;
    }
    const last = lastRecords(carry, delimiter).map((cells) => ({ row: ++row, cells }));
    if (last.length > 0) yield last;
  } finally {
    await chunks.return?.();
  }
}

/** Index just past the last line end before `end`, or 0. */
function lastLineEnd(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i -= 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i + 1;
  }
  return 0;
}

/** The records of the text left at the end: its lines, the last one only when it is not empty. */
function lastRecords(rest: string, delimiter: CsvDelimiter): string[][] {
  if (rest === '') return [];
  const lines = rest.split(LINE_END);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(delimiter));
}

async function* resume(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
