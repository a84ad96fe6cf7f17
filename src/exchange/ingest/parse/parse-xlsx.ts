import { openZip, ZipFormatError, type ZipArchive } from './open-zip.js';
import { ParseError } from './parse-error.js';
import type { RawRow } from './parse-types.js';
import { readDateStyles } from './read-date-styles.js';
import { readSharedStrings } from './read-shared-strings.js';
import { readSheetRows } from './read-sheet-rows.js';
import { readWorkbook, type WorkbookSheet } from './read-workbook.js';

/** The sheet read from a workbook and its rows. */
export interface XlsxSheetRows {
  sheet: string;
  rows: AsyncGenerator<RawRow>;
}

/** Sheets of the submission templates that hold instructions and dropdown lists, never data. */
const TEMPLATE_SHEETS: ReadonlySet<string> = new Set(['填写说明', '下拉选项']);

/**
 * Opens an XLSX workbook on disk and streams the rows of one sheet: the named one, or the first
 * visible sheet that is not a template's instruction or dropdown sheet. Throws ParseError
 * `CORRUPT_XLSX`, `SHEET_NOT_FOUND`, or `UNSUPPORTED_FORMAT` for a ZIP that is no workbook
 * (.docx, .ods, .xlsb); reading the rows may still throw `CORRUPT_XLSX` when a part is damaged.
 */
export async function parseXlsx(path: string, options: { sheet?: string | undefined }): Promise<XlsxSheetRows> {
  return asParseError(async () => {
    const zip = await openZip(path);
    const workbook = await readWorkbook(zip);
    if (workbook === undefined) throw notAWorkbook(zip);
    const sheet = chooseSheet(workbook.sheets, options.sheet);
    if (sheet.entry === undefined) throw new ParseError('CORRUPT_XLSX', { details: { sheet: sheet.name } });
    const sharedStrings =
      workbook.sharedStrings === undefined ? [] : await readSharedStrings(zip, workbook.sharedStrings);
    const dateStyles = workbook.styles === undefined ? [] : await readDateStyles(zip, workbook.styles);
    const rows = readSheetRows(zip, sheet.entry, { sharedStrings, dateStyles, date1904: workbook.date1904 });
    return { sheet: sheet.name, rows: guardRows(rows) };
  });
}

function chooseSheet(sheets: readonly WorkbookSheet[], wanted: string | undefined): WorkbookSheet {
  if (sheets.length === 0) throw new ParseError('CORRUPT_XLSX', { details: { sheets: [] } });
  if (wanted !== undefined) {
    const found =
      sheets.find((sheet) => sheet.name === wanted) ??
      sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (found !== undefined) return found;
    const names = sheets.map((sheet) => sheet.name);
    throw new ParseError('SHEET_NOT_FOUND', {
      message: `The workbook has no sheet "${wanted}"; its sheets are: ${names.join(', ')}.`,
      messageZh: `工作簿中没有名为“${wanted}”的工作表；现有工作表：${names.join('、')}。`,
      details: { sheet: wanted, sheets: names },
    });
  }
  const readable = sheets.filter((sheet) => sheet.entry !== undefined);
  return (
    readable.find((sheet) => !sheet.hidden && !TEMPLATE_SHEETS.has(sheet.name.trim())) ?? readable[0] ?? sheets[0]!
  );
}

function notAWorkbook(zip: ZipArchive): ParseError {
  const [what, whatZh] =
    zip.find('mimetype') !== undefined
      ? ['This is an OpenDocument file (.ods)', '这是 OpenDocument 文件（.ods）']
      : zip.find('xl/workbook.bin') !== undefined
        ? ['This is a binary Excel workbook (.xlsb)', '这是二进制 Excel 工作簿（.xlsb）']
        : ['This is a ZIP archive, not an Excel workbook', '这是 ZIP 压缩包，不是 Excel 工作簿'];
  return new ParseError('UNSUPPORTED_FORMAT', {
    message: `${what}; save it as .xlsx (Excel workbook) or CSV.`,
    messageZh: `${whatZh}，请另存为 .xlsx（Excel 工作簿）或 CSV。`,
  });
}

async function* guardRows(rows: AsyncGenerator<RawRow>): AsyncGenerator<RawRow> {
  try {
    for await (const row of rows) yield row;
  } catch (error) {
    throw toParseError(error);
  }
}

async function asParseError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toParseError(error);
  }
}

/** Damage in the archive, the compressed data or the XML is the user's `CORRUPT_XLSX`. */
function toParseError(error: unknown): unknown {
  if (error instanceof ParseError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const damaged =
    error instanceof ZipFormatError ||
    error instanceof RangeError ||
    (typeof code === 'string' && code.startsWith('Z_'));
  return damaged ? new ParseError('CORRUPT_XLSX', { details: { reason: (error as Error).message } }) : error;
}
