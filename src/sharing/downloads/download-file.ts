import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { createTabularWriter, writeRows, type CellValue, type Column } from '../../platform/tabular/index.js';

export type DownloadFormat = 'csv' | 'xlsx';

/**
 * Writes rows to a temporary CSV (UTF-8 with BOM, for Excel) or XLSX file, streaming, then sends
 * it as an attachment and removes it. Text that a spreadsheet would run as a formula is
 * neutralised in CSV; XLSX cells are plain strings and never formulas.
 */
export async function sendTabularDownload(reply: FastifyReply, format: DownloadFormat, baseName: string, columns: readonly Column[], rows: AsyncIterable<CellValue[]>): Promise<FastifyReply> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-download-'));
  const target = path.join(dir, `download.${format}`);
  try {
    const writer = createTabularWriter(format === 'csv' ? 'csv_utf8_bom' : 'xlsx', target, columns, { neutraliseFormulas: true, excelTextGuard: true, sheetName: '数据' });
    await writeRows(writer, rows);
    await writer.close();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const fileName = `${baseName}.${format}`;
  reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  const stream = fs.createReadStream(target);
  stream.on('close', () => fs.rmSync(dir, { recursive: true, force: true }));
  return reply.send(stream);
}
