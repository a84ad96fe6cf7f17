import { finished } from 'node:stream/promises';
import { CsvError, Parser } from 'csv-parse';
import { fileProblem } from './file-problem.js';
import { RECORD_MAX_CHARS } from './parse-limits.js';
import type { FileProblem, RawRow } from './parse-types.js';

/** csv-parse counts a record's bytes; a record of the longest allowed characters may take three each. */
const RECORD_MAX_BYTES = RECORD_MAX_CHARS * 3;

/** The CSV separators PopX reads. */
export type CsvDelimiter = ',' | '\t';

/**
 * Reads CSV text with csv-parse, starting at a record boundary after `rowsBefore` single-line
 * records (rows and the line of a problem count on from there): `""` escapes; CRLF, LF and CR
 * line ends, mixed; quotes inside an unquoted cell are text. A quote never closed or a record
 * past {@link RECORD_MAX_CHARS} ends the file with a row problem: nothing after it can be told
 * apart. A text error (undecodable bytes) ends the records read before it, then is thrown.
 * Yields the records of each chunk of text together (none when a chunk finishes no record).
 */
export async function* readCsvRecords(
  text: AsyncIterable<string>,
  delimiter: CsvDelimiter,
  rowsBefore = 0,
): AsyncGenerator<RawRow[]> {
  // Records are taken as csv-parse makes them, not from its stream: an error destroys the stream
  // and drops the records still buffered in it (up to 16 rows before an unclosed quote were lost).
  const records: string[][] = [];
  const parser = new Parser({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: RECORD_MAX_BYTES,
    on_record: (record: string[]) => {
      records.push(record);
      return null;
    },
  });
  parser.on('error', () => undefined);
  parser.resume();
  let row = rowsBefore;
  const taken = function* (): Generator<RawRow[]> {
    if (records.length > 0) yield records.splice(0).map((cells) => ({ row: ++row, cells }));
  };
  let inputError: { error: unknown } | undefined;
  try {
    for await (const chunk of text) {
      parser.write(chunk);
      yield* taken();
      if (parser.errored) break;
    }
  } catch (error) {
    // A text error (undecodable bytes) ends the records read before it, then is thrown.
    inputError = { error };
  }
  try {
    if (!parser.errored) {
      parser.end();
      await finished(parser).catch(() => undefined);
    }
    yield* taken();
    const failure = parser.errored;
    if (failure instanceof CsvError) {
      yield [{ row: row + 1, cells: [], problem: csvProblem(failure, rowsBefore) }];
      return;
    }
    if (failure) throw failure;
    if (inputError) throw inputError.error;
  } finally {
    parser.destroy();
  }
}

function csvProblem(error: CsvError, linesBefore: number): FileProblem {
  const lines = (error as CsvError & { lines?: number }).lines;
  const line = lines === undefined ? undefined : lines + linesBefore;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return fileProblem(
      'ROW_TOO_LARGE',
      { line, rest: 'unread' },
      {
        message: 'The row is too large to read; the file cannot be read from this row on.',
        messageZh: '该行过大，无法读取；从此行起文件无法读取。',
      },
    );
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return fileProblem('UNCLOSED_QUOTE', { line, rest: 'unread' });
  return fileProblem('MALFORMED_CSV', { line, rest: 'unread', reason: error.code });
}
