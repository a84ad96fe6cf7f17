import type { FileProblem } from './parse-types.js';

/** Problems parsing reports as data: per row (the row carries it) or, for `DUPLICATE_COLUMN`, per file. */
export const FILE_PROBLEM_CODES = {
  DUPLICATE_COLUMN: {
    en: 'Two columns are headed with the same field; keep one.',
    zh: '有两列对应同一个字段，请只保留一列。',
  },
  ROW_TOO_LARGE: {
    en: 'The row is too large: more than 500 cells or a cell longer than 10,000 characters.',
    zh: '该行过大：超过500个单元格或有单元格超过10000个字符。',
  },
  EXTRA_CELLS: {
    en: 'The row has more cells than there are column headers (an unquoted comma in a value?).',
    zh: '该行的单元格多于列标题（是否有值中含未加引号的逗号？）。',
  },
  UNCLOSED_QUOTE: {
    en: 'A quoted cell is never closed; the file cannot be read from this row on.',
    zh: '有带引号的单元格缺少结束引号，从此行起文件无法读取。',
  },
  MALFORMED_CSV: {
    en: 'The CSV cannot be read from this row on (stray quotes?).',
    zh: '从此行起 CSV 无法读取（是否有多余的引号？）。',
  },
  MALFORMED_LINE: {
    en: 'The line is not a JSON object.',
    zh: '该行不是一个 JSON 对象。',
  },
  MALFORMED_ELEMENT: {
    en: 'The array element is not a JSON object.',
    zh: '该数组元素不是一个 JSON 对象。',
  },
  TRUNCATED_JSON: {
    en: 'The file ends before the JSON array is closed.',
    zh: 'JSON 数组没有结束，文件就已结束。',
  },
  TRAILING_CONTENT: {
    en: 'There is content after the end of the JSON array; it was not read.',
    zh: 'JSON 数组结束后还有内容，未读取。',
  },
  NESTED_VALUE: {
    en: 'A value is an object or an array; every field takes a string, number or boolean.',
    zh: '有字段的值是对象或数组；字段值只能是字符串、数字或布尔值。',
  },
  IMPRECISE_NUMBER: {
    en: 'A number has more digits than JSON numbers keep exactly; send it as a string.',
    zh: '有数字超出 JSON 数字可精确表示的位数，请以字符串发送。',
  },
  DUPLICATE_FIELD: {
    en: 'The record gives the same field twice (under two names).',
    zh: '该记录以两个名称重复给出了同一个字段。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

/** A code of {@link FILE_PROBLEM_CODES}. */
export type FileProblemCode = keyof typeof FILE_PROBLEM_CODES;

/** The problem of that code with its default messages (or the given ones) and details. */
export function fileProblem(
  code: FileProblemCode,
  details?: unknown,
  text?: { message: string; messageZh: string },
): FileProblem {
  const problem: FileProblem = {
    code,
    message: text?.message ?? FILE_PROBLEM_CODES[code].en,
    messageZh: text?.messageZh ?? FILE_PROBLEM_CODES[code].zh,
  };
  if (details !== undefined) problem.details = details;
  return problem;
}
