import type { EventType } from '../../catalog/index.js';

/** The file formats a submission can come in. */
export type SourceFormat = 'csv' | 'xlsx' | 'ndjson' | 'json';

/** The byte encodings a text submission is read in; UTF-16 only with its byte-order mark. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** One column of the file and the catalog field it carries; `key` null = unknown column (ignored, reported). */
export interface ColumnMapping {
  /** 0-based position of the column in the row (or of the key in the first JSON record). */
  index: number;
  /** The header text as written (a JSON key for JSON). */
  header: string;
  key: string | null;
}

/** A problem with a whole file, or with one row (then carried by the row). */
export interface FileProblem {
  code: string;
  message: string;
  messageZh: string;
  details?: unknown;
}

/** One data row (record) of a submission, as text, before any validation. */
export interface SourceRow {
  /**
   * What the clerk sees: the spreadsheet row number (header = row 1, so the first data row is 2)
   * for CSV and XLSX; the line number for NDJSON; the 1-based element index for a JSON array.
   */
  row: number;
  /** Cell texts keyed by catalog field key, trimmed; empty cells omitted. */
  values: Record<string, string>;
  /** The original cells in file order (for writing the row back with an error column). */
  cells: string[];
  /** Set when the row could not be read as a record; `values` is then empty. */
  problem?: FileProblem;
}

/** What {@link parseSubmission} found in a file: its shape at once, its rows as a stream. */
export interface ParsedSubmission {
  format: SourceFormat;
  /** Text formats: the encoding, settled by the first non-ASCII bytes (`utf-8` while all is ASCII). */
  encoding?: TextEncoding;
  /** XLSX: the name of the sheet read. */
  sheet?: string;
  /** CSV/XLSX: the header row; NDJSON/JSON: the keys of the first record. */
  columns: ColumnMapping[];
  /** Headers (or JSON keys) that match no field; for JSON, grows as later records show new keys. */
  unknownColumns: string[];
  /** CSV/XLSX: required catalog fields with no column; the pipeline rejects the whole file. */
  missingRequiredColumns: string[];
  /** Other whole-file problems found in the header (`DUPLICATE_COLUMN`); the pipeline rejects the file. */
  problems: FileProblem[];
  /**
   * The data rows, streamed; iterate once, this or `rowBatches`. Rows that cannot be read carry a
   * `problem`. Iteration may still reject with a ParseError when the file turns out unreadable
   * further on.
   */
  rows: AsyncIterable<SourceRow>;
  /**
   * The same rows in batches as they were read (a chunk of a CSV file at a time; a row at a time
   * for other formats), none empty: a reader of a large file takes a step per batch, not per row.
   */
  rowBatches: AsyncIterable<readonly SourceRow[]>;
  /** Releases the file (open handles, spooled copies) when `rows` is not read to the end. */
  close(): Promise<void>;
}

/** Options of {@link parseSubmission}; the file name and content type are hints only. */
export interface ParseOptions {
  eventType: EventType;
  filename?: string;
  contentType?: string;
  /** XLSX: the sheet to read instead of the first data sheet. */
  sheet?: string;
}

/** A number read from an XLSX cell, turned into text once its column's field is known. */
export interface SheetNumber {
  readonly number: number;
  /** `YYYY-MM-DD` when the cell is formatted as a date. */
  readonly dateText?: string;
}

/** A cell as a reader produces it. */
export type RawCell = string | SheetNumber;

/** A row as a reader produces it, before the header is known (internal to parsing). */
export interface RawRow {
  row: number;
  cells: RawCell[];
  problem?: FileProblem;
}
