import { openByteSource, type ByteSource } from './byte-source.js';
import { decodeText } from './decode-text.js';
import { detectFormat, type DetectedFormat } from './detect-format.js';
import { createJsonRecordReader } from './json-record.js';
import { createHeaderMatcher } from './map-headers.js';
import { parseCsv } from './parse-csv.js';
import { parseJsonArray } from './parse-json-array.js';
import { parseNdjson } from './parse-ndjson.js';
import type { ParsedSubmission, ParseOptions, SourceRow, TextEncoding } from './parse-types.js';
import { parseXlsx } from './parse-xlsx.js';
import { readTable } from './read-table.js';
import { spoolToFile } from './spool-to-file.js';

/** Rows peeked at to find the first JSON record, whose keys are reported as the columns. */
const JSON_PEEK_ROWS = 100;

type Release = () => Promise<void>;

/**
 * Reads a submitted file (a path, or a byte stream such as an upload) far enough to know its
 * format, encoding, sheet and columns, and returns its rows as a stream: a file of any size is
 * never held in memory. The format comes from the bytes, not from `filename` or `contentType`.
 * Rejects with ParseError when the file cannot be read as a whole (codes in PARSE_ERROR_CODES);
 * a row that cannot be read is a row with a `problem`. Read `rows` to the end or call `close()`.
 */
export async function parseSubmission(
  input: NodeJS.ReadableStream | string,
  options: ParseOptions,
): Promise<ParsedSubmission> {
  const source = await openByteSource(input);
  try {
    const detected = detectFormat(source.head);
    if (detected.format === 'xlsx') return await openXlsx(source, options);
    return await openText(source, detected, options);
  } catch (error) {
    await source.close();
    throw error;
  }
}

async function openXlsx(source: ByteSource, options: ParseOptions): Promise<ParsedSubmission> {
  const spooled = source.path === undefined ? await spoolToFile(source.chunks()) : undefined;
  await source.close();
  const release: Release = async () => spooled?.remove();
  try {
    const sheet = await parseXlsx(spooled?.path ?? source.path!, { sheet: options.sheet });
    const table = await readTable(oneByOne(sheet.rows), { eventType: options.eventType, csv: false });
    const { rows, ...mapping } = table;
    return { format: 'xlsx', sheet: sheet.sheet, ...mapping, ...streamOf(rows, release) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function openText(
  source: ByteSource,
  detected: DetectedFormat,
  options: ParseOptions,
): Promise<ParsedSubmission> {
  let encoding: TextEncoding | undefined;
  let parsed: ParsedSubmission | undefined;
  const text = decodeText(source.chunks(), detected.bom, (decided) => {
    encoding = decided;
    if (parsed !== undefined) parsed.encoding = decided;
  });
  const release: Release = () => source.close();
  if (detected.format === 'csv') {
    const { rows, ...mapping } = await readTable(parseCsv(text), { eventType: options.eventType, csv: true });
    parsed = { format: 'csv', encoding: encoding ?? 'utf-8', ...mapping, ...streamOf(rows, release) };
    return parsed;
  }
  const unknownColumns: string[] = [];
  const reader = createJsonRecordReader(createHeaderMatcher(options.eventType), unknownColumns);
  const records = detected.format === 'ndjson' ? parseNdjson(text, reader) : parseJsonArray(text, reader);
  const peeked: SourceRow[] = [];
  while (peeked.length < JSON_PEEK_ROWS && reader.firstColumns() === undefined) {
    const next = await records.next();
    if (next.done) break;
    peeked.push(next.value);
  }
  parsed = {
    format: detected.format,
    encoding: encoding ?? 'utf-8',
    columns: reader.firstColumns() ?? [],
    unknownColumns,
    missingRequiredColumns: [],
    problems: [],
    ...streamOf(oneByOne(prepend(peeked, records)), release),
  };
  return parsed;
}

async function* prepend(first: SourceRow[], rest: AsyncGenerator<SourceRow>): AsyncGenerator<SourceRow> {
  try {
    yield* first.splice(0);
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/** Each row as a batch of its own (for readers that read a row at a time). */
async function* oneByOne<T>(rows: AsyncGenerator<T>): AsyncGenerator<T[]> {
  try {
    for await (const row of rows) yield [row];
  } finally {
    await rows.return(undefined);
  }
}

/**
 * The rows, in batches or one by one, as a one-pass iterable that releases the file when done,
 * broken off or closed.
 */
function streamOf(batches: AsyncGenerator<SourceRow[]>, release: Release): Pick<ParsedSubmission, 'rows' | 'rowBatches' | 'close'> {
  let released = false;
  const close = async (): Promise<void> => {
    if (released) return;
    released = true;
    try {
      await batches.return(undefined);
    } finally {
      await release();
    }
  };
  const iterator: AsyncIterator<SourceRow[]> = {
    async next() {
      if (released) return { done: true, value: undefined };
      try {
        const next = await batches.next();
        if (next.done) await close();
        return next;
      } catch (error) {
        await close();
        throw error;
      }
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
  };
  const rowBatches: AsyncIterable<SourceRow[]> = { [Symbol.asyncIterator]: () => iterator };
  return { rows: flatten(rowBatches, close), rowBatches, close };
}

/** The rows of the batches one by one; breaking off closes the file. */
function flatten(batches: AsyncIterable<SourceRow[]>, close: () => Promise<void>): AsyncIterable<SourceRow> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const batch of batches) yield* batch;
      } finally {
        await close();
      }
    },
  };
}
