/** Why a whole file could not be read, with the default English and Chinese messages. */
export const PARSE_ERROR_CODES = {
  UNSUPPORTED_FORMAT: {
    en: 'This file is not CSV, XLSX, NDJSON or JSON; save it as .xlsx (Excel workbook) or CSV.',
    zh: '文件不是 CSV、XLSX、NDJSON 或 JSON 格式，请另存为 .xlsx（Excel 工作簿）或 CSV。',
  },
  EMPTY_FILE: { en: 'The file has no content.', zh: '文件是空的。' },
  NO_HEADER: {
    en: 'The first row must be the column headers (field names such as 记录编号 or record_id).',
    zh: '第一行须为列标题（如“记录编号”或 record_id 等字段名）。',
  },
  CORRUPT_XLSX: {
    en: 'The Excel file is damaged and cannot be read; open it in Excel and save it again as .xlsx.',
    zh: 'Excel 文件已损坏，无法读取；请用 Excel 打开后重新另存为 .xlsx。',
  },
  SHEET_NOT_FOUND: { en: 'The workbook has no sheet of that name.', zh: '工作簿中没有该名称的工作表。' },
  ENCODING: {
    en: 'The text is neither UTF-8 nor GBK/GB18030; save the file as "CSV UTF-8".',
    zh: '文本既不是 UTF-8 也不是 GBK/GB18030 编码，请另存为“CSV UTF-8”。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

/** A code of {@link PARSE_ERROR_CODES}. */
export type ParseErrorCode = keyof typeof PARSE_ERROR_CODES;

/**
 * The one error parsing throws: the file as a whole cannot be read. Messages say what the clerk
 * can do; `details` never carries cell contents beyond headers and sheet names.
 */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  readonly messageZh: string;
  readonly details: unknown;

  constructor(code: ParseErrorCode, options: { message?: string; messageZh?: string; details?: unknown } = {}) {
    super(options.message ?? PARSE_ERROR_CODES[code].en);
    this.name = 'ParseError';
    this.code = code;
    this.messageZh = options.messageZh ?? PARSE_ERROR_CODES[code].zh;
    this.details = options.details;
  }
}
