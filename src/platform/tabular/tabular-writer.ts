import { createCsvWriter } from './csv-writer.js';
import { createNdjsonWriter } from './ndjson-writer.js';
import { createXlsxWriter, type XlsxSheet } from './xlsx-writer.js';

/** One cell's value as handed to a writer; null, undefined and '' all mean an empty cell. */
export type CellValue = string | number | null | undefined;

/** How a column's values should look in a spreadsheet. */
export type ColumnKind = 'text' | 'integer' | 'date';

/** A column of a tabular file. */
export interface Column {
  /** Field name in NDJSON and the key callers use; never shown to clerks. */
  key: string;
  /** Label in the header row (usually Chinese). */
  header: string;
  /**
   * `text` stays text in Excel (ID numbers keep all 18 digits), `integer` is written as a number,
   * `date` holds `YYYY-MM-DD`. Without a kind, numbers are numbers and strings are text.
   */
  kind?: ColumnKind;
  /** XLSX column width in characters; derived from the header and kind when absent. */
  width?: number;
  /** XLSX only: the values a clerk may pick from a dropdown in this column. */
  choices?: readonly string[];
}

/** A streaming writer of rows to one file. */
export interface TabularWriter {
  /**
   * Writes one row, values in column order. Returns a promise only when the file is behind;
   * await it (or use `writeRows`) so memory stays bounded.
   */
  writeRow(values: ReadonlyArray<CellValue>): void | Promise<void>;
  /** Finishes the file; the file is complete only once this resolves. */
  close(): Promise<void>;
}

/** The file formats a {@link TabularWriter} can produce. */
export type TabularFormat = 'csv_utf8' | 'csv_utf8_bom' | 'csv_gbk' | 'ndjson' | 'xlsx';

/** Options for {@link createTabularWriter}; each applies only to the formats named. */
export interface TabularWriterOptions {
  /** CSV: prefix `'` to text a spreadsheet would run as a formula. Default false; use true for downloads. */
  neutraliseFormulas?: boolean;
  /** CSV: write all-digit values of `text` columns as `="…"` so Excel keeps leading zeros and all digits. Default false. */
  excelTextGuard?: boolean;
  /** XLSX: name of the (first) sheet, default `Sheet1`. */
  sheetName?: string;
  /** XLSX: small sheets written after the streamed one, e.g. 填写说明 instructions. */
  extraSheets?: readonly XlsxSheet[];
  /** XLSX: `date` columns as `YYYY-MM-DD` text (default) or as Excel date serials. */
  dateCells?: 'text' | 'serial';
  /** XLSX: deflate level 0–9 (default 6). */
  compressionLevel?: number;
}

/**
 * Opens a streaming writer of `format` at `filePath`. The same rows always give the same bytes
 * (no timestamps, fixed batching), which `popx gen` relies on for reproducible districts.
 */
export function createTabularWriter(
  format: TabularFormat,
  filePath: string,
  columns: readonly Column[],
  options: TabularWriterOptions = {},
): TabularWriter {
  const csv = {
    neutraliseFormulas: options.neutraliseFormulas ?? false,
    excelTextGuard: options.excelTextGuard ?? false,
  };
  switch (format) {
    case 'csv_utf8':
      return createCsvWriter(filePath, columns, { ...csv, encoding: 'utf8' });
    case 'csv_utf8_bom':
      return createCsvWriter(filePath, columns, { ...csv, encoding: 'utf8_bom' });
    case 'csv_gbk':
      return createCsvWriter(filePath, columns, { ...csv, encoding: 'gb18030' });
    case 'ndjson':
      return createNdjsonWriter(filePath, columns);
    case 'xlsx':
      return createXlsxWriter(filePath, {
        sheets: [{ name: options.sheetName ?? 'Sheet1', columns }, ...(options.extraSheets ?? [])],
        dateCells: options.dateCells,
        compressionLevel: options.compressionLevel,
      });
  }
}
