import { numberText } from './cell-text.js';
import { fileProblem, type FileProblemCode } from './file-problem.js';
import type { HeaderMatcher } from './map-headers.js';
import { CELL_MAX_CHARS, ROW_MAX_CELLS } from './parse-limits.js';
import type { ColumnMapping, FileProblem, SourceRow } from './parse-types.js';

/** Turns parsed JSON records into rows, collecting the keys that name no field. */
export interface JsonRecordReader {
  /** The row of a parsed value; anything but a flat object is a row problem. */
  toRow(row: number, value: unknown, notAnObject: FileProblemCode): SourceRow;
  /** The keys of the first JSON object read, as columns; undefined until one is read. */
  firstColumns(): ColumnMapping[] | undefined;
}

/**
 * A reader of JSON records whose keys are matched like column headers. Values: strings trimmed,
 * numbers as plain digits, booleans as `true`/`false`, null as absent; objects and arrays are a
 * `NESTED_VALUE` problem, integers past 2^53 (already rounded by JSON) `IMPRECISE_NUMBER`.
 * Unknown keys are appended to `unknownColumns` as they are first seen.
 */
export function createJsonRecordReader(matcher: HeaderMatcher, unknownColumns: string[]): JsonRecordReader {
  const unknown = new Set(unknownColumns);
  let first: ColumnMapping[] | undefined;
  const noteUnknown = (key: string): void => {
    if (!unknown.has(key)) {
      unknown.add(key);
      unknownColumns.push(key);
    }
  };
  return {
    toRow(row, value, notAnObject) {
      if (!isRecord(value)) {
        return { row, values: {}, cells: [], problem: fileProblem(notAnObject) };
      }
      const keys = Object.keys(value);
      first ??= keys.slice(0, ROW_MAX_CELLS).map((header, index) => ({ index, header, key: matcher.match(header) }));
      const cells = keys.map((key) => cellOf(value[key]));
      const fail = (problem: FileProblem): SourceRow => ({ row, values: {}, cells: cells.map(clip), problem });
      if (keys.length > ROW_MAX_CELLS) return fail(fileProblem('ROW_TOO_LARGE', { cells: keys.length }));
      const values: Record<string, string> = {};
      for (const [i, name] of keys.entries()) {
        const raw = value[name];
        if (raw === null || raw === undefined) continue;
        if (typeof raw === 'object') return fail(fileProblem('NESTED_VALUE', { field: name }));
        if (typeof raw === 'number' && Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
          return fail(fileProblem('IMPRECISE_NUMBER', { field: name }));
        }
        const text = cells[i]!.trim();
        if (text.length > CELL_MAX_CHARS)
          return fail(fileProblem('ROW_TOO_LARGE', { field: name, chars: text.length }));
        const key = matcher.match(name);
        if (key === null) {
          noteUnknown(name);
          continue;
        }
        if (key in values) return fail(fileProblem('DUPLICATE_FIELD', { field: key }));
        if (text !== '') values[key] = text;
      }
      return { row, values, cells };
    },
    firstColumns: () => first,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('\0') ? value.replaceAll('\0', '') : value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? '';
}

function clip(text: string): string {
  return text.length > CELL_MAX_CHARS ? text.slice(0, CELL_MAX_CHARS) : text;
}
