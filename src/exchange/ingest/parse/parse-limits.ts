/** Longest cell text read, in characters; longer cells make their row a `ROW_TOO_LARGE` problem. */
export const CELL_MAX_CHARS = 10_000;

/** Most cells (or JSON keys) in one row; more make the row a `ROW_TOO_LARGE` problem. */
export const ROW_MAX_CELLS = 500;

/**
 * Longest CSV record, NDJSON line or JSON element, in characters (500 cells of 10,000
 * characters and their punctuation); what is longer is never held in memory whole.
 */
export const RECORD_MAX_CHARS = 5_100_000;

/** Longest header row, in characters: past this the first row is data, not headers. */
export const HEADER_MAX_CHARS = 50_000;

/** Bytes read before the format and the text encoding are decided. */
export const SNIFF_BYTES = 64 * 1024;

/** Rows above the header that may be titles (their cells match no field). */
export const TITLE_ROWS_MAX = 5;
