import { fileProblem } from './file-problem.js';
import type { JsonRecordReader } from './json-record.js';
import { RECORD_MAX_CHARS } from './parse-limits.js';
import { parseJson } from './parse-ndjson.js';
import type { SourceRow } from './parse-types.js';
import { splitJsonArray } from './split-json-array.js';

/**
 * Streams the rows of a JSON array of objects, numbered by element (1-based), without holding
 * the array: elements that are no JSON object are `MALFORMED_ELEMENT` rows, an unclosed array
 * ends with a `TRUNCATED_JSON` row and content after it with a `TRAILING_CONTENT` row.
 */
export async function* parseJsonArray(
  text: AsyncIterable<string>,
  reader: JsonRecordReader,
): AsyncGenerator<SourceRow> {
  for await (const part of splitJsonArray(text, RECORD_MAX_CHARS)) {
    const row = part.index;
    switch (part.kind) {
      case 'element':
        yield reader.toRow(row, parseJson(part.text), 'MALFORMED_ELEMENT');
        break;
      case 'empty':
        yield { row, values: {}, cells: [], problem: fileProblem('MALFORMED_ELEMENT') };
        break;
      case 'too_large':
        yield { row, values: {}, cells: [], problem: fileProblem('ROW_TOO_LARGE', { chars: RECORD_MAX_CHARS }) };
        break;
      case 'truncated':
        yield { row, values: {}, cells: [], problem: fileProblem('TRUNCATED_JSON') };
        break;
      case 'trailing':
        yield { row: row + 1, values: {}, cells: [], problem: fileProblem('TRAILING_CONTENT') };
        break;
    }
  }
}
