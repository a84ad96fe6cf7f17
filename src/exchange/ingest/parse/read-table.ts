import type { EventType, FieldKind } from '../../catalog/index.js';
import { cellText } from './cell-text.js';
import { fileProblem } from './file-problem.js';
import { createHeaderMatcher, mapHeaders, type HeaderMapping, type HeaderMatcher } from './map-headers.js';
import { ParseError } from './parse-error.js';
import { CELL_MAX_CHARS, HEADER_MAX_CHARS, ROW_MAX_CELLS, TITLE_ROWS_MAX } from './parse-limits.js';
import type { RawRow, SourceRow } from './parse-types.js';

/** How a table's rows are read. */
export interface TableOptions {
  eventType: EventType;
  /**
   * CSV: unwrap Excel `="…"` text guards (in `cells` too: Excel shows the text), and make values
   * past the last header a row problem (an unquoted comma shifted them). In a sheet such cells
   * are notes beside the table, ignored.
   */
  csv: boolean;
}

/** A table's header mapping and its data rows, in batches as the source gave them (none empty). */
export interface Table extends HeaderMapping {
  rows: AsyncGenerator<SourceRow[]>;
}

const TEXT_GUARD = /^\s*="((?:[^"]|"")*)"\s*$/;

/**
 * Finds the header of a table and maps its rows to fields. The header is the first non-empty
 * row, unless up to five title rows above it name no field while it does; a row right under it
 * that holds only field keys (a hidden key row of a template) is skipped. Empty rows are skipped
 * but keep their row numbers. Throws ParseError `EMPTY_FILE` when there is no row and
 * `NO_HEADER` when no row near the top names a field. The source gives rows in batches (a chunk
 * of a file at a time), and the data rows come out in the same batches.
 */
export async function readTable(source: AsyncGenerator<RawRow[]>, options: TableOptions): Promise<Table> {
  const matcher = createHeaderMatcher(options.eventType);
  // Rows of the source's current batch not looked at yet; what is left after the header goes to the data rows.
  let pending: RawRow[] = [];
  let at = 0;
  const buffered: RawRow[] = [];
  let exhausted = false;
  const pull = async (): Promise<RawRow | undefined> => {
    for (;;) {
      while (at < pending.length) {
        const row = pending[at++]!;
        if (row.problem !== undefined || !isBlank(row)) return row;
      }
      if (exhausted) return undefined;
      const next = await source.next();
      if (next.done) exhausted = true;
      else {
        pending = next.value;
        at = 0;
      }
    }
  };
  try {
    const headerRow = await findHeader(pull, matcher);
    const headers = headerRow.cells.map((cell) => withoutNul(cellText(cell, undefined)));
    const keyRow = await findKeyRow(pull, buffered, matcher);
    for (let i = at; i < pending.length; i += 1) buffered.push(pending[i]!);
    const mapping = mapHeaders(headers, options.eventType, matcher, keyRow);
    return { ...mapping, rows: dataRows(source, buffered, mapping, options, headers) };
  } catch (error) {
    await source.return(undefined);
    throw error;
  }
}

async function findHeader(pull: () => Promise<RawRow | undefined>, matcher: HeaderMatcher): Promise<RawRow> {
  const candidates: RawRow[] = [];
  for (let i = 0; i <= TITLE_ROWS_MAX; i++) {
    const row = await pull();
    if (row === undefined) break;
    candidates.push(row);
    if (row.problem !== undefined || !isHeaderLike(row)) continue;
    if (row.cells.some((cell) => matcher.match(cellText(cell, undefined)) !== null)) {
      return row;
    }
  }
  const first = candidates[0];
  if (first === undefined) throw new ParseError('EMPTY_FILE');
  const found = first.cells.slice(0, 50).map((cell) => cellText(cell, undefined).slice(0, 100));
  throw new ParseError('NO_HEADER', { details: { row: first.row, found } });
}

async function findKeyRow(
  pull: () => Promise<RawRow | undefined>,
  buffered: RawRow[],
  matcher: HeaderMatcher,
): Promise<string[] | undefined> {
  const row = await pull();
  if (row === undefined) return undefined;
  if (row.problem === undefined) {
    const texts = row.cells.map((cell) => cellText(cell, undefined).trim());
    if (texts.every((text) => text === '' || matcher.matchKey(text) !== null)) return texts;
  }
  buffered.push(row);
  return undefined;
}

async function* dataRows(
  source: AsyncGenerator<RawRow[]>,
  buffered: RawRow[],
  mapping: HeaderMapping,
  options: TableOptions,
  headers: readonly string[],
): AsyncGenerator<SourceRow[]> {
  const fieldKinds = new Map(options.eventType.fields.map((field) => [field.key, field.kind]));
  const kinds: Array<FieldKind | undefined> = mapping.columns.map((column) =>
    column.key === null ? undefined : fieldKinds.get(column.key),
  );
  const width = options.csv ? lastNonBlank(headers) + 1 : Infinity;
  const mapped = mapping.columns.filter((column) => column.key !== null);
  const toRows = (raws: readonly RawRow[]): SourceRow[] => {
    const rows: SourceRow[] = [];
    for (const raw of raws) {
      const row = toSourceRow(raw, kinds, mapped, width, options.csv);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  };
  try {
    const first = toRows(buffered.splice(0));
    if (first.length > 0) yield first;
    for await (const raws of source) {
      const rows = toRows(raws);
      if (rows.length > 0) yield rows;
    }
  } finally {
    await source.return(undefined);
  }
}

function toSourceRow(
  raw: RawRow,
  kinds: ReadonlyArray<FieldKind | undefined>,
  mapped: ReadonlyArray<{ index: number; key: string | null }>,
  width: number,
  csv: boolean,
): SourceRow | undefined {
  const cells = raw.cells.map((cell, i) => {
    const text = withoutNul(cellText(cell, kinds[i]));
    return csv ? unwrapTextGuard(text) : text;
  });
  if (raw.problem !== undefined) return { row: raw.row, values: {}, cells, problem: raw.problem };
  if (cells.every((text) => text.trim() === '')) return undefined;
  const long = cells.findIndex((text) => text.length > CELL_MAX_CHARS);
  if (long !== -1 || cells.length > ROW_MAX_CELLS) {
    const details = long !== -1 ? { column: long + 1, chars: cells[long]!.length } : { cells: cells.length };
    return { row: raw.row, values: {}, cells: cells.map(clip), problem: fileProblem('ROW_TOO_LARGE', details) };
  }
  if (cells.length > width && cells.slice(width).some((text) => text.trim() !== '')) {
    const details = { cells: lastNonBlank(cells) + 1, headers: width };
    return { row: raw.row, values: {}, cells, problem: fileProblem('EXTRA_CELLS', details) };
  }
  const values: Record<string, string> = {};
  for (const column of mapped) {
    const text = cells[column.index]?.trim() ?? '';
    if (text !== '') values[column.key!] = text;
  }
  return { row: raw.row, values, cells };
}

function isBlank(row: RawRow): boolean {
  return row.cells.every((cell) => typeof cell === 'string' && cell.trim() === '');
}

function isHeaderLike(row: RawRow): boolean {
  let chars = 0;
  for (const cell of row.cells) chars += typeof cell === 'string' ? cell.length : 0;
  return chars <= HEADER_MAX_CHARS && row.cells.length <= ROW_MAX_CELLS;
}

function lastNonBlank(texts: readonly string[]): number {
  for (let i = texts.length - 1; i >= 0; i--) if (texts[i]!.trim() !== '') return i;
  return -1;
}

function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

function clip(text: string): string {
  return text.length > CELL_MAX_CHARS ? text.slice(0, CELL_MAX_CHARS) : text;
}

/** `="00123"`, Excel's way of keeping digits text in a CSV, is the text `00123`. */
function unwrapTextGuard(text: string): string {
  // Nearly no cell has a guard: a substring search rules them out before the pattern runs.
  if (!text.includes('="')) return text;
  const match = TEXT_GUARD.exec(text);
  return match === null ? text : match[1]!.replaceAll('""', '"');
}
