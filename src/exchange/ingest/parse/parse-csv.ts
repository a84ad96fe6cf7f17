import { SNIFF_BYTES } from './parse-limits.js';
import type { RawRow } from './parse-types.js';
import type { CsvDelimiter } from './read-csv-records.js';
import { splitPlainCsv } from './split-plain-csv.js';

/**
 * Reads CSV text into rows numbered as a spreadsheet shows them (a record with quoted line
 * breaks is one row; empty lines are rows too, left for the caller to skip). Comma-separated,
 * or tab-separated when the first line with either has tabs and no commas (a title line above
 * the header has neither); `""` escapes; CRLF, LF and CR line ends, mixed. A quote never closed
 * or a record past RECORD_MAX_CHARS ends the file with a row problem: nothing after it
 * can be told apart. Yields the rows a chunk of text at a time.
 */
export async function* parseCsv(text: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
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
  yield* splitPlainCsv(resume(head, iterator), delimiter);
}

/** Tab when the first line with a separator has tabs and no commas (Excel's "Text (Tab delimited)"). */
function chooseDelimiter(sample: string): CsvDelimiter {
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
