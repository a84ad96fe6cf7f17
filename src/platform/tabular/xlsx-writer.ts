import { openByteSink } from './byte-sink.js';
import { checkRowWidth } from './check-row-width.js';
import { checkSheetName } from './check-sheet-name.js';
import { columnLetters } from './column-letters.js';
import { createSheetRenderer, XLSX_MAX_ROWS, type SheetLayout } from './sheet-renderer.js';
import type { CellValue, Column, TabularWriter } from './tabular-writer.js';
import { createTextBatcher } from './text-batcher.js';
import { xlsxPackageParts } from './xlsx-package-parts.js';
import { createZipWriter } from './zip-writer.js';

/** A sheet of an XLSX file; only the first one streams, later ones are written at close. */
export interface XlsxSheet {
  /** Tab name, 1–31 characters, may be Chinese. */
  name: string;
  columns: readonly Column[];
  /** Rows written at once; for the first sheet, before any streamed row. */
  rows?: ReadonlyArray<ReadonlyArray<CellValue>>;
}

/** Options of {@link createXlsxWriter}. */
export interface XlsxWriterOptions {
  /** At least one sheet; the first receives `writeRow`. */
  sheets: readonly XlsxSheet[];
  /**
   * `text` (default): `date` columns hold `YYYY-MM-DD` text, exactly what clerks type and what
   * imports read back. `serial`: valid dates become Excel dates formatted `yyyy-mm-dd`.
   */
  dateCells?: 'text' | 'serial' | undefined;
  /** Deflate level 0–9, default 6. */
  compressionLevel?: number | undefined;
}

/** The hidden sheet holding dropdown lists too long or too odd for an inline list. */
export const CHOICES_SHEET_NAME = '下拉选项';
/** Excel's limit on an inline list (`"男,女"`) in a data validation. */
const INLINE_LIST_MAX_CHARS = 255;
const INLINE_UNSAFE = /[,"]|_x[0-9a-fA-F]{4}_/;

interface ChoicePlan {
  formulas: Array<Map<number, string>>;
  lists: string[][];
}

function planChoices(sheets: readonly XlsxSheet[]): ChoicePlan {
  const lists: string[][] = [];
  const formulas = sheets.map((sheet) => {
    const bySheet = new Map<number, string>();
    sheet.columns.forEach((column, index) => {
      const choices = column.choices ?? [];
      if (choices.length === 0) return;
      const joined = choices.join(',');
      // Quotes, commas and _xHHHH_ lookalikes cannot be spelled inside an inline list.
      if (joined.length + 2 <= INLINE_LIST_MAX_CHARS && !choices.some((c) => INLINE_UNSAFE.test(c))) {
        bySheet.set(index, `"${joined}"`);
        return;
      }
      const letters = columnLetters(lists.length);
      lists.push([...choices]);
      bySheet.set(index, `'${CHOICES_SHEET_NAME}'!$${letters}$1:$${letters}$${choices.length}`);
    });
    return bySheet;
  });
  return { formulas, lists };
}

function checkSheets(sheets: readonly XlsxSheet[]): void {
  if (sheets.length === 0) throw new RangeError('an XLSX file needs at least one sheet');
  const seen = new Set<string>([CHOICES_SHEET_NAME.toLowerCase()]);
  for (const sheet of sheets) {
    checkSheetName(sheet.name);
    if (seen.has(sheet.name.toLowerCase())) throw new RangeError(`sheet name "${sheet.name}" is taken`);
    seen.add(sheet.name.toLowerCase());
    if ((sheet.rows?.length ?? 0) + 1 > XLSX_MAX_ROWS) throw new RangeError(`sheet "${sheet.name}" has too many rows`);
  }
}

function wholeSheet(
  columns: readonly Column[],
  layout: SheetLayout,
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
  header: boolean,
): string {
  const renderer = createSheetRenderer(columns, layout);
  let xml = renderer.head + (header ? renderer.headerRow() : '');
  const first = header ? 2 : 1;
  rows.forEach((values, i) => {
    checkRowWidth(values.length, columns.length);
    xml += renderer.row(values, first + i);
  });
  return xml + renderer.tail(first + rows.length - 1);
}

/**
 * Opens a streaming XLSX writer. The package is written by hand (no shared strings, fixed ZIP
 * dates, no docProps timestamps) so equal rows give equal bytes, and only one 64 KB batch of
 * XML plus the compressor's window is in memory however many rows are written. The header row
 * is bold and frozen; `choices` become dropdown lists.
 */
export function createXlsxWriter(filePath: string, options: XlsxWriterOptions): TabularWriter {
  const { sheets } = options;
  checkSheets(sheets);
  const plan = planChoices(sheets);
  const dateCells = options.dateCells ?? 'text';
  const layoutOf = (index: number): SheetLayout => ({
    selected: index === 0,
    freezeHeader: true,
    dateCells,
    listFormulas: plan.formulas[index] ?? new Map(),
  });
  const entries = sheets.map((sheet) => ({ name: sheet.name, hidden: false }));
  if (plan.lists.length > 0) entries.push({ name: CHOICES_SHEET_NAME, hidden: true });

  const first = sheets[0]!;
  const renderer = createSheetRenderer(first.columns, layoutOf(0));

  const sink = openByteSink(filePath);
  const zip = createZipWriter(sink, { level: options.compressionLevel });
  for (const [path, xml] of xlsxPackageParts(entries)) void zip.addEntry(path, xml);
  const entry = zip.openEntry('xl/worksheets/sheet1.xml');
  const batcher = createTextBatcher(entry, (text) => Buffer.from(text, 'utf8'));
  const width = first.columns.length;
  let rowNumber = 1;
  let closed = false;
  void batcher.append(renderer.head + renderer.headerRow());

  function writeRow(values: ReadonlyArray<CellValue>): void | Promise<void> {
    if (closed) throw new Error('writeRow after close');
    checkRowWidth(values.length, width);
    if (rowNumber === XLSX_MAX_ROWS) throw new RangeError(`Excel allows ${XLSX_MAX_ROWS} rows per sheet`);
    return batcher.append(renderer.row(values, ++rowNumber));
  }
  for (const values of first.rows ?? []) void writeRow(values);

  return {
    writeRow,
    async close() {
      if (closed) throw new Error('close called twice');
      closed = true;
      try {
        await batcher.append(renderer.tail(rowNumber));
        await batcher.flush();
        await entry.end();
        for (let i = 1; i < sheets.length; i++) {
          const sheet = sheets[i]!;
          await zip.addEntry(
            `xl/worksheets/sheet${i + 1}.xml`,
            wholeSheet(sheet.columns, layoutOf(i), sheet.rows ?? [], true),
          );
        }
        if (plan.lists.length > 0) {
          const columns = plan.lists.map((_, i) => ({ key: `list${i}`, header: '' }));
          const depth = Math.max(...plan.lists.map((list) => list.length));
          const rows = Array.from({ length: depth }, (_, r) => plan.lists.map((list) => list[r]));
          const layout: SheetLayout = { selected: false, freezeHeader: false, dateCells, listFormulas: new Map() };
          await zip.addEntry(`xl/worksheets/sheet${entries.length}.xml`, wholeSheet(columns, layout, rows, false));
        }
        await zip.close();
      } catch (error) {
        sink.destroy();
        throw error;
      }
    },
  };
}
