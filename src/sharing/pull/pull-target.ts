import fs from 'node:fs';
import path from 'node:path';
import { createTabularWriter, writeRows, type CellValue, type Column } from '../../platform/tabular/index.js';
import { formatCsvField } from '../../platform/tabular/csv-field.js';
import { FEED_META_COLUMNS } from '../feeds/feed-columns.js';
import { parseFeedItem, type FeedItem } from '../feeds/feed-reader.js';
import { chunkLines, type FeedChunk } from './pull-feed.js';

export type PullFormat = 'ndjson' | 'csv' | 'xlsx';

/** What a pull remembers beside its output: where to go on, and how much of the file is complete. */
export interface PullCursor {
  agreement: string;
  next: number;
  /** NDJSON/CSV: the file's length when `next` was saved; anything beyond it is dropped on restart. */
  bytes: number;
  format: PullFormat;
  updatedAt: string;
}

export function cursorPathOf(out: string): string {
  return `${out}.cursor.json`;
}

export function readCursor(out: string): PullCursor | null {
  const file = cursorPathOf(out);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PullCursor;
}

/** Saves the cursor atomically (write, fsync, rename), after the data it covers is on disk. */
function saveCursor(out: string, cursor: PullCursor): void {
  const file = cursorPathOf(out);
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w');
  fs.writeSync(fd, JSON.stringify(cursor, null, 2) + '\n');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, file);
}

function rowOf(item: FeedItem, columns: readonly Column[]): CellValue[] {
  return columns.map((c, i) => {
    const value = i < FEED_META_COLUMNS.length ? (item as unknown as Record<string, unknown>)[c.key] : item.fields[c.key];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
  });
}

/**
 * The output of `popx pull`. NDJSON and CSV grow by appending; each checkpoint flushes the file
 * and then saves the cursor with the file's length, so a pull killed at any moment resumes
 * without losing or repeating an event (a tail written after the last checkpoint is cut off).
 * XLSX cannot be appended to: each run writes the events it pulled to a fresh workbook, and the
 * cursor moves only once the workbook is complete.
 */
export class PullTarget {
  private fd: number | null = null;
  private bytes = 0;
  private readonly xlsxItems: FeedItem[] = [];

  constructor(
    private readonly out: string,
    private readonly format: PullFormat,
    private readonly agreement: string,
    private readonly columns: readonly Column[],
  ) {}

  /** Opens the output, dropping anything past the last checkpoint; returns where to resume. */
  open(after: number | undefined): number {
    const saved = readCursor(this.out);
    if (saved && saved.agreement !== this.agreement) throw new Error(`${cursorPathOf(this.out)} belongs to agreement ${saved.agreement}; use another --out`);
    if (this.format === 'xlsx') return after ?? saved?.next ?? 0;
    fs.mkdirSync(path.dirname(path.resolve(this.out)), { recursive: true });
    const exists = fs.existsSync(this.out);
    this.fd = fs.openSync(this.out, exists ? 'r+' : 'w');
    this.bytes = saved ? saved.bytes : 0;
    fs.ftruncateSync(this.fd, this.bytes);
    if (this.bytes === 0 && this.format === 'csv') this.append('\uFEFF' + this.columns.map((c) => formatCsvField(c.header, undefined, CSV_OPTIONS)).join(',') + '\r\n');
    return after ?? saved?.next ?? 0;
  }

  /** Writes a chunk of the feed's events (NDJSON appends its bytes as they are). */
  write(chunk: FeedChunk): void {
    if (chunk.count === 0) return;
    if (this.format === 'ndjson') {
      this.appendBytes(chunk.ndjson);
      return;
    }
    const lines = chunkLines(chunk);
    if (this.format === 'xlsx') {
      for (const line of lines) this.xlsxItems.push(parseFeedItem(line));
      return;
    }
    this.append(lines.map((line) => rowOf(parseFeedItem(line), this.columns).map((v, i) => formatCsvField(v, this.columns[i]!.kind, CSV_OPTIONS)).join(',')).join('\r\n') + '\r\n');
  }

  /** Everything written so far is on disk and `next` is remembered with it. */
  async checkpoint(next: number): Promise<void> {
    if (this.format === 'xlsx') return;
    fs.fsyncSync(this.fd!);
    saveCursor(this.out, { agreement: this.agreement, next, bytes: this.bytes, format: this.format, updatedAt: new Date().toISOString() });
  }

  /** Finishes the run at cursor `next`. */
  async close(next: number): Promise<void> {
    if (this.format === 'xlsx') {
      const temp = `${this.out}.part`;
      const writer = createTabularWriter('xlsx', temp, this.columns, { sheetName: '数据' });
      await writeRows(writer, this.xlsxItems.map((item) => rowOf(item, this.columns)));
      await writer.close();
      fs.renameSync(temp, this.out);
      saveCursor(this.out, { agreement: this.agreement, next, bytes: 0, format: 'xlsx', updatedAt: new Date().toISOString() });
      return;
    }
    await this.checkpoint(next);
    fs.closeSync(this.fd!);
    this.fd = null;
  }

  private append(text: string): void {
    this.appendBytes(Buffer.from(text, 'utf8'));
  }

  private appendBytes(buffer: Buffer): void {
    let written = 0;
    while (written < buffer.length) written += fs.writeSync(this.fd!, buffer, written, buffer.length - written, this.bytes + written);
    this.bytes += buffer.length;
  }
}

const CSV_OPTIONS = { neutraliseFormulas: true, excelTextGuard: true };
