import type { ZipArchive, ZipEntry } from './open-zip.js';
import { CELL_MAX_CHARS, ROW_MAX_CELLS } from './parse-limits.js';
import type { RawCell, RawRow } from './parse-types.js';
import { readXmlText } from './read-xml-part.js';
import { createXmlScanner, decodeXmlText, localName, xmlAttribute } from './scan-xml.js';
import { serialDateText } from './serial-date-text.js';
import { unescapeOoxml } from './unescape-ooxml.js';

/** What a sheet's cells refer to. */
export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Largest worksheet part read (inflated): far beyond any real sheet, short of a ZIP bomb's patience. */
const SHEET_MAX_BYTES = 4 * 1024 * 1024 * 1024;

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  hasValue: boolean;
}

/** Where the reader is in the worksheet XML. */
interface SheetState {
  ready: RawRow[];
  inData: boolean;
  row: RawCell[] | undefined;
  rowNumber: number;
  column: number;
  cell: CellState | undefined;
  capture: 'value' | 'inline' | undefined;
  inInline: boolean;
  phonetic: number;
}

/**
 * Streams the rows of a worksheet part as raw cells, numbered as Excel numbers them. Cells
 * keep their type: shared and inline strings (rich text joined, phonetic guides left out),
 * formulas by their cached result only, booleans as `true`/`false`, errors as their text
 * (`#N/A`), numbers as numbers (dates, by their style, as `YYYY-MM-DD`). Columns past
 * {@link ROW_MAX_CELLS} are dropped; rows are yielded in small batches as the part inflates.
 */
export async function* readSheetRows(zip: ZipArchive, entry: ZipEntry, context: SheetContext): AsyncGenerator<RawRow> {
  const state: SheetState = {
    ready: [],
    inData: false,
    row: undefined,
    rowNumber: 0,
    column: 0,
    cell: undefined,
    capture: undefined,
    inInline: false,
    phonetic: 0,
  };
  const scanner = createXmlScanner({
    open: (name, attributes) => openTag(state, localName(name), attributes),
    close: (name) => closeTag(state, localName(name), context),
    text: (raw, cdata) => addText(state, raw, cdata),
  });
  for await (const text of readXmlText(zip, entry, SHEET_MAX_BYTES)) {
    scanner.write(text);
    yield* state.ready.splice(0);
  }
  scanner.end();
  yield* state.ready.splice(0);
}

function openTag(state: SheetState, name: string, attributes: string): void {
  switch (name) {
    case 'sheetData':
      state.inData = true;
      break;
    case 'row': {
      if (!state.inData) break;
      const number = Number.parseInt(xmlAttribute(attributes, 'r') ?? '', 10);
      state.rowNumber = Number.isFinite(number) && number > state.rowNumber ? number : state.rowNumber + 1;
      state.row = [];
      state.column = 0;
      break;
    }
    case 'c': {
      if (state.row === undefined) break;
      const ref = xmlAttribute(attributes, 'r');
      const at = ref === undefined ? 0 : columnNumber(ref);
      state.column = at > state.column ? at : state.column + 1;
      const style = Number.parseInt(xmlAttribute(attributes, 's') ?? '0', 10);
      const type = xmlAttribute(attributes, 't') ?? 'n';
      state.cell = { column: state.column, type, style, value: '', inline: '', hasValue: false };
      break;
    }
    case 'v':
      if (state.cell !== undefined) state.capture = 'value';
      break;
    case 'is':
      state.inInline = state.cell !== undefined;
      break;
    case 'rPh':
      state.phonetic++;
      break;
    case 't':
      if (state.inInline && state.phonetic === 0) state.capture = 'inline';
      break;
  }
}

function closeTag(state: SheetState, name: string, context: SheetContext): void {
  switch (name) {
    case 'v':
    case 't':
      state.capture = undefined;
      break;
    case 'rPh':
      state.phonetic = Math.max(0, state.phonetic - 1);
      break;
    case 'is':
      state.inInline = false;
      break;
    case 'c': {
      const { cell, row } = state;
      if (cell !== undefined && row !== undefined && cell.column <= ROW_MAX_CELLS) {
        const value = cellValue(cell, context);
        if (value !== '') row[cell.column - 1] = value;
      }
      state.cell = undefined;
      state.capture = undefined;
      break;
    }
    case 'row':
      if (state.row !== undefined) state.ready.push({ row: state.rowNumber, cells: fillGaps(state.row) });
      state.row = undefined;
      break;
    case 'sheetData':
      state.inData = false;
      break;
  }
}

function addText(state: SheetState, raw: string, cdata: boolean): void {
  const { cell, capture } = state;
  if (capture === undefined || cell === undefined) return;
  const text = cdata ? raw : decodeXmlText(raw);
  if (capture === 'value') {
    cell.value += text;
    cell.hasValue = true;
  } else if (cell.inline.length <= CELL_MAX_CHARS) {
    cell.inline += text;
  }
}

function cellValue(cell: CellState, context: SheetContext): RawCell {
  const value = cell.value.trim();
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number.parseInt(value, 10)] ?? '';
    case 'inlineStr':
      return unescapeOoxml(cell.hasValue ? cell.value : cell.inline);
    case 'str':
      return unescapeOoxml(cell.value);
    case 'b':
      return value === '' ? '' : value === '0' || value === 'false' ? 'false' : 'true';
    case 'e':
      return value;
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    default:
      return numberCell(value, context.dateStyles[cell.style] === true, context.date1904);
  }
}

function numberCell(value: string, dateStyle: boolean, date1904: boolean): RawCell {
  if (value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  const dateText = dateStyle ? serialDateText(number, date1904) : undefined;
  return dateText === undefined ? { number } : { number, dateText };
}

/** `AB12` → 28; 0 when the reference has no column letters. */
function columnNumber(ref: string): number {
  let number = 0;
  for (let i = 0; i < ref.length && number <= 16384; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    number = number * 26 + (code - 0x60);
  }
  return number;
}

function fillGaps(cells: RawCell[]): RawCell[] {
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  return cells;
}
