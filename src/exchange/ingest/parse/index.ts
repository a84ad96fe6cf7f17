export { FILE_PROBLEM_CODES, fileProblem } from './file-problem.js';
export type { FileProblemCode } from './file-problem.js';
export { CELL_MAX_CHARS, RECORD_MAX_CHARS, ROW_MAX_CELLS } from './parse-limits.js';
export { PARSE_ERROR_CODES, ParseError } from './parse-error.js';
export type { ParseErrorCode } from './parse-error.js';
export { parseSubmission } from './parse-submission.js';
export type {
  ColumnMapping,
  FileProblem,
  ParsedSubmission,
  ParseOptions,
  SourceFormat,
  SourceRow,
  TextEncoding,
} from './parse-types.js';
