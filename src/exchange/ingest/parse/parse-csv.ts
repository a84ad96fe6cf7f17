import { Readable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import { fileProblem } from './file-problem.js';
import { RECORD_MAX_CHARS, SNIFF_BYTES } from './parse-limits.js';
import type { FileProblem, RawRow } from './parse-types.js';

/** csv-parse counts a record's bytes; a record of the longest allowed characters may take three each. */
const RECORD_MAX_BYTES = RECORD_MAX_CHARS * 3;

/**
 * Reads CSV text into rows numbered as a spreadsheet shows them (a record with quoted line
 * breaks is one row; empty lines are rows too, left for the caller to skip). Comma-separated,
 * or tab-separated when the first line with either has tabs and no commas (a title line above
 * the header has neither); `""` escapes; CRLF, LF and CR line ends, mixed. A quote never closed
 * or a record past {@link RECORD_MAX_CHARS} ends the file with a row problem: nothing after it
 * can be told apart.
 */
export async function* parseCsv(text: AsyncIterable<string>): AsyncGenerator<RawRow> {
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let sample = '';
  while (!/[,\t][^\r\n]*[\r\n]/.test(sample) && sample.length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    sample += next.value.slice(0, SNIFF_BYTES);
  }
  const delimiter = chooseDelimiter(sample);
  const input = Readable.from(resume(head, iterator));
  const parser = new Parser({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: RECORD_MAX_BYTES,
  });
  // A text error (undecodable bytes) ends the records read before it, then is thrown: destroying
  // the parser would drop the records it holds, a number that depends on how fast they are taken.
  let inputError: unknown;
  input.on('error', (error) => {
    inputError = error;
    parser.end();
  });
  input.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
    if (inputError !== undefined) throw inputError;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { row: row + 1, cells: [], problem: csvProblem(error) };
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Tab when the first line with a separator has tabs and no commas (Excel's "Text (Tab delimited)"). */
function chooseDelimiter(sample: string): ',' | '\t' {
  const line = sample.split(/\r\n|\n|\r/).find((candidate) => /[,\t]/.test(candidate)) ?? '';
  return line.includes('\t') && !line.includes(',') ? '\t' : ',';
}

async function* resume(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function csvProblem(error: CsvError): FileProblem {
  const line = (error as CsvError & { lines?: number }).lines;
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
