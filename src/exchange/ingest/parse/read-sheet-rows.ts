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

/**
 * Streams the rows of a worksheet part as raw cells, numbered as Excel numbers them. Cells
 * keep their type: shared and inline strings (rich text joined, phonetic guides left out),
 * formulas by their cached result only, booleans as `true`/`false`, errors as their text
 * (`#N/A`), numbers as numbers (dates, by their style, as `YYYY-MM-DD`). Columns past
 * {@link ROW_MAX_CELLS} are dropped; rows are yielded in small batches as the part inflates.
 */
export async function* readSheetRows(zip: ZipArchive, entry: ZipEntry, context: SheetContext): AsyncGenerator<RawRow> {
  let ready: RawRow[] = [];
  let inData = false;
  let row: RawCell[] | undefined;
  let rowNumber = 0;
  let column = 0;
  let cell: CellState | undefined;
  let capture: 'value' | 'inline' | undefined;
  let inInline = false;
  let phonetic = 0;

  const finishCell = (state: CellState): void => {
    if (row === undefined || state.column > ROW_MAX_CELLS) return;
    const value = cellValue(state, context);
    if (value !== '') row[state.column - 1] = value;
  };

  const scanner = createXmlScanner({
    open(name, attributes) {
      switch (localName(name)) {
        case 'sheetData':
          inData = true;
          break;
        case 'row': {
          if (!inData) break;
          const number = Number.parseInt(xmlAttribute(attributes, 'r') ?? '', 10);
          rowNumber = Number.isFinite(number) && number > rowNumber ? number : rowNumber + 1;
          row = [];
          column = 0;
          break;
        }
        case 'c': {
          if (row === undefined) break;
          const ref = xmlAttribute(attributes, 'r');
          const at = ref === undefined ? 0 : columnNumber(ref);
          column = at > column ? at : column + 1;
          const style = Number.parseInt(xmlAttribute(attributes, 's') ?? '0', 10);
          cell = { column, type: xmlAttribute(attributes, 't') ?? 'n', style, value: '', inline: '', hasValue: false };
          break;
        }
        case 'v':
          if (cell !== undefined) capture = 'value';
          break;
        case 'is':
          inInline = cell !== undefined;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0) capture = 'inline';
          break;
      }
    },
    close(name) {
      switch (localName(name)) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'rPh':
          phonetic = Math.max(0, phonetic - 1);
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          if (cell !== undefined) finishCell(cell);
          cell = undefined;
          capture = undefined;
          break;
        case 'row':
          if (row !== undefined) ready.push({ row: rowNumber, cells: fillGaps(row) });
          row = undefined;
          break;
        case 'sheetData':
          inData = false;
          break;
      }
    },
    text(raw, cdata) {
      if (capture === undefined || cell === undefined) return;
      const text = cdata ? raw : decodeXmlText(raw);
      if (capture === 'value') {
        cell.value += text;
        cell.hasValue = true;
      } else if (cell.inline.length <= CELL_MAX_CHARS) {
        cell.inline += text;
      }
    },
  });

  for await (const text of readXmlText(zip, entry, SHEET_MAX_BYTES)) {
    scanner.write(text);
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  scanner.end();
  yield* ready;
}

function cellValue(state: CellState, context: SheetContext): RawCell {
  const value = state.value.trim();
  switch (state.type) {
    case 's': {
      const index = Number.parseInt(value, 10);
      return context.sharedStrings[index] ?? '';
    }
    case 'inlineStr':
      return state.hasValue ? unescapeOoxml(state.value) : unescapeOoxml(state.inline);
    case 'str':
      return unescapeOoxml(state.value);
    case 'b':
      return value === '' ? '' : value === '0' || value === 'false' ? 'false' : 'true';
    case 'e':
      return value;
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    default: {
      if (value === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      if (context.dateStyles[state.style] === true) {
        const dateText = serialDateText(number, context.date1904);
        if (dateText !== undefined) return { number, dateText };
      }
      return { number };
    }
  }
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
