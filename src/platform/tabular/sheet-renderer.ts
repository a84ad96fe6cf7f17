import { columnLetters } from './column-letters.js';
import { excelDateSerial } from './excel-date-serial.js';
import type { CellValue, Column, ColumnKind } from './tabular-writer.js';
import { XLSX_STYLE } from './xlsx-package-parts.js';
import { escapeXmlText } from './xml-text.js';

/** Turns a sheet's rows into worksheet XML, piece by piece, for streaming. */
export interface SheetRenderer {
  /** Everything up to and including `<sheetData>`. */
  readonly head: string;
  /** The header row (row 1), bold and text-formatted. */
  headerRow(): string;
  /** One `<row>`; `rowNumber` counts from 1. */
  row(values: ReadonlyArray<CellValue>, rowNumber: number): string;
  /** Everything after the last row, `lastRow` being the number of the last row written. */
  tail(lastRow: number): string;
}

/** How {@link createSheetRenderer} lays a sheet out. */
export interface SheetLayout {
  /** The tab shown when the workbook opens. */
  selected: boolean;
  /** Freeze row 1 so the header stays visible. */
  freezeHeader: boolean;
  /** `date` columns as `YYYY-MM-DD` text or as date serials. */
  dateCells: 'text' | 'serial';
  /** Dropdown list formulas by column index, e.g. `"男,女"` or `'下拉选项'!$A$1:$A$40`. */
  listFormulas: ReadonlyMap<number, string>;
}

/** Excel's limits: rows per sheet, columns per sheet, characters per cell. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
const XLSX_MAX_CELL_CHARS = 32_767;
/**
 * Rows below the data that still get a dropdown, for clerks adding rows. Not the whole column:
 * exceljs expands a validation range cell by cell when reading, and 1,048,576 cells per
 * dropdown column would make re-importing a filled template slow.
 */
const VALIDATION_SPARE_ROWS = 1000;
/** Integers Excel holds exactly (15 significant digits); longer digit runs stay text. */
const EXACT_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function defaultWidth(column: Column): number {
  const kindMinimum = column.kind === 'date' ? 12 : column.kind === 'integer' ? 8 : 12;
  return Math.min(60, Math.max(kindMinimum, displayWidth(column.header) + 2));
}

function inline(ref: string, text: string, style: number): string {
  if (text.length > XLSX_MAX_CELL_CHARS) {
    throw new RangeError(`cell ${ref} has ${text.length} characters; Excel allows ${XLSX_MAX_CELL_CHARS}`);
  }
  const s = style === XLSX_STYLE.general ? '' : ` s="${style}"`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${escapeXmlText(text)}</t></is></c>`;
}

function numeric(ref: string, value: number, style: number): string {
  const s = style === XLSX_STYLE.general ? '' : ` s="${style}"`;
  return `<c r="${ref}"${s}><v>${value}</v></c>`;
}

function cell(ref: string, value: string | number, kind: ColumnKind | undefined, serialDates: boolean): string {
  switch (kind) {
    case 'text':
      return inline(ref, String(value), XLSX_STYLE.text);
    case 'integer':
      if (typeof value === 'number') {
        return Number.isFinite(value)
          ? numeric(ref, value, XLSX_STYLE.general)
          : inline(ref, String(value), XLSX_STYLE.general);
      }
      return EXACT_INTEGER.test(value)
        ? numeric(ref, Number(value), XLSX_STYLE.general)
        : inline(ref, value, XLSX_STYLE.general);
    case 'date': {
      const serial = serialDates ? (typeof value === 'number' ? value : excelDateSerial(value)) : undefined;
      return serial !== undefined && Number.isFinite(serial)
        ? numeric(ref, serial, XLSX_STYLE.date)
        : inline(ref, String(value), XLSX_STYLE.text);
    }
    case undefined:
      return typeof value === 'number' && Number.isFinite(value)
        ? numeric(ref, value, XLSX_STYLE.general)
        : inline(ref, String(value), XLSX_STYLE.general);
  }
}

function colsXml(columns: readonly Column[]): string {
  if (columns.length === 0) return '';
  const cols = columns.map((column, i) => {
    const width = column.width ?? defaultWidth(column);
    // Text-formatted blank cells too, so an ID typed into a new row stays text.
    const style = column.kind === 'text' || column.kind === 'date' ? ` style="${XLSX_STYLE.text}"` : '';
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${style}/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

function validationsXml(layout: SheetLayout, lastRow: number): string {
  if (layout.listFormulas.size === 0) return '';
  const until = Math.min(XLSX_MAX_ROWS, lastRow + VALIDATION_SPARE_ROWS);
  let items = '';
  for (const [index, formula] of layout.listFormulas) {
    const letters = columnLetters(index);
    items +=
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letters}2:${letters}${until}">` +
      `<formula1>${escapeXmlText(formula)}</formula1></dataValidation>`;
  }
  return `<dataValidations count="${layout.listFormulas.size}">${items}</dataValidations>`;
}

/**
 * Prepares worksheet XML for `columns`. Strings are inline (`t="inlineStr"`) so nothing
 * accumulates in a shared-strings table; `text` columns carry the `@` format so Excel never
 * turns an 18-digit ID into 1.1E+17; `date` columns are text by default (see {@link SheetLayout}).
 */
export function createSheetRenderer(columns: readonly Column[], layout: SheetLayout): SheetRenderer {
  if (columns.length > XLSX_MAX_COLUMNS) throw new RangeError(`Excel allows ${XLSX_MAX_COLUMNS} columns`);
  const letters = columns.map((_, i) => columnLetters(i));
  const kinds = columns.map((column) => column.kind);
  const serialDates = layout.dateCells === 'serial';
  const pane = layout.freezeHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
    : '';
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView${layout.selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${colsXml(columns)}<sheetData>`;

  return {
    head,
    tail(lastRow) {
      return (
        `</sheetData>${validationsXml(layout, lastRow)}` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
      );
    },
    headerRow() {
      let xml = '<row r="1">';
      for (let i = 0; i < columns.length; i++) xml += inline(`${letters[i]!}1`, columns[i]!.header, XLSX_STYLE.header);
      return `${xml}</row>`;
    },
    row(values, rowNumber) {
      let xml = `<row r="${rowNumber}">`;
      for (let i = 0; i < kinds.length; i++) {
        const value = values[i];
        if (value === null || value === undefined || value === '') continue;
        xml += cell(letters[i]! + rowNumber, value, kinds[i], serialDates);
      }
      return `${xml}</row>`;
    },
  };
}
