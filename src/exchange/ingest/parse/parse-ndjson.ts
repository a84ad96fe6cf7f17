import type { JsonRecordReader } from './json-record.js';
import { fileProblem } from './file-problem.js';
import { ParseError } from './parse-error.js';
import { RECORD_MAX_CHARS } from './parse-limits.js';
import type { SourceRow } from './parse-types.js';
import { splitLines } from './split-lines.js';

/**
 * Streams NDJSON rows, one JSON object per line, numbered by line; blank lines are skipped. A
 * line that is not a JSON object is a `MALFORMED_LINE` row and reading goes on. A file whose
 * first line is a lone `{` is pretty-printed JSON, not NDJSON: ParseError `UNSUPPORTED_FORMAT`.
 */
export async function* parseNdjson(text: AsyncIterable<string>, reader: JsonRecordReader): AsyncGenerator<SourceRow> {
  let first = true;
  for await (const { line, text: content } of splitLines(text, RECORD_MAX_CHARS)) {
    if (content === undefined) {
      yield { row: line, values: {}, cells: [], problem: fileProblem('ROW_TOO_LARGE', { chars: RECORD_MAX_CHARS }) };
      continue;
    }
    const trimmed = content.trim();
    if (trimmed === '') continue;
    if (first && trimmed === '{') throw prettyPrinted();
    first = false;
    yield reader.toRow(line, parseJson(trimmed), 'MALFORMED_LINE');
  }
}

/** The parsed value, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function prettyPrinted(): ParseError {
  return new ParseError('UNSUPPORTED_FORMAT', {
    message: 'This is pretty-printed JSON; send one JSON object per line (NDJSON) or a JSON array.',
    messageZh: '这是分行排版的 JSON；请每行一个 JSON 对象（NDJSON），或发送 JSON 数组。',
  });
}
