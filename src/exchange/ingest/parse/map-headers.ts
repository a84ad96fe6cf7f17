import type { EventType } from '../../catalog/index.js';
import { toHalfWidth } from '../../../platform/identity/index.js';
import { fileProblem } from './file-problem.js';
import type { ColumnMapping, FileProblem } from './parse-types.js';

/** Finds the catalog field a column header (or JSON key) names. */
export interface HeaderMatcher {
  /** The field key the header names by key, Chinese label or English label; null when none. */
  match(header: string): string | null;
  /** The field key when the text is exactly a field key (case aside); null otherwise. */
  matchKey(text: string): string | null;
}

/** The columns of a header row and what is wrong with them. */
export interface HeaderMapping {
  columns: ColumnMapping[];
  unknownColumns: string[];
  missingRequiredColumns: string[];
  problems: FileProblem[];
}

const REQUIRED_MARKERS = /^\*+|(?:\*|\(必填\))+$/g;

/**
 * A header as compared: half-width, without any whitespace (the ideographic space included),
 * without the `*` or `（必填）` templates put on required columns, lower case.
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(REQUIRED_MARKERS, '').toLowerCase();
}

/** The matcher of an event type's fields (`record_id` and `action` included). */
export function createHeaderMatcher(eventType: EventType): HeaderMatcher {
  const byName = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const field of eventType.fields) {
    byKey.set(field.key.toLowerCase(), field.key);
    for (const name of [field.key, field.labelZh, field.labelEn]) {
      const normal = normaliseHeader(name);
      if (!byName.has(normal)) byName.set(normal, field.key);
    }
  }
  return {
    match: (header) => byName.get(normaliseHeader(header)) ?? null,
    matchKey: (text) => byKey.get(text.trim().toLowerCase()) ?? null,
  };
}

/**
 * Maps a header row to fields. `keyRow`, a hidden row of field keys under the header, wins over
 * the header where it names a field. A field headed twice keeps its first column; the later one
 * is ignored and reported as `DUPLICATE_COLUMN`.
 */
export function mapHeaders(
  headers: readonly string[],
  eventType: EventType,
  matcher: HeaderMatcher,
  keyRow: readonly string[] = [],
): HeaderMapping {
  const columns: ColumnMapping[] = [];
  const unknownColumns: string[] = [];
  const problems: FileProblem[] = [];
  const firstColumn = new Map<string, ColumnMapping>();
  headers.forEach((header, index) => {
    const key = matcher.matchKey(keyRow[index] ?? '') ?? matcher.match(header);
    const earlier = key === null ? undefined : firstColumn.get(key);
    if (key !== null && earlier !== undefined) {
      problems.push(duplicateColumn(eventType, key, earlier, { index, header, key }));
      columns.push({ index, header, key: null });
      return;
    }
    const column = { index, header, key };
    if (key !== null) firstColumn.set(key, column);
    else if (header.trim() !== '') unknownColumns.push(header);
    columns.push(column);
  });
  const missingRequiredColumns = eventType.fields
    .filter((field) => field.required && !firstColumn.has(field.key))
    .map((field) => field.key);
  return { columns, unknownColumns, missingRequiredColumns, problems };
}

function duplicateColumn(eventType: EventType, key: string, first: ColumnMapping, second: ColumnMapping): FileProblem {
  const field = eventType.fields.find((candidate) => candidate.key === key);
  const [a, b] = [first.header.trim(), second.header.trim()];
  return fileProblem(
    'DUPLICATE_COLUMN',
    { field: key, headers: [a, b], columns: [first.index, second.index] },
    {
      message: `Columns "${a}" and "${b}" both carry the field ${field?.labelEn ?? key} (${key}); keep one.`,
      messageZh: `“${a}”和“${b}”两列都对应字段“${field?.labelZh ?? key}”，请只保留一列。`,
    },
  );
}
