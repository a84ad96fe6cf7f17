export {
  createTabularWriter,
  type CellValue,
  type Column,
  type ColumnKind,
  type TabularFormat,
  type TabularWriter,
  type TabularWriterOptions,
} from './tabular-writer.js';
export { createCsvWriter, type CsvEncoding, type CsvWriterOptions } from './csv-writer.js';
export { createNdjsonWriter } from './ndjson-writer.js';
export { CHOICES_SHEET_NAME, createXlsxWriter, type XlsxSheet, type XlsxWriterOptions } from './xlsx-writer.js';
export { neutraliseFormula } from './neutralise-formula.js';
export { writeRows } from './write-rows.js';
